/**
 * Chinese number words in questions: 前三, 近五年, 十二, 二〇二〇. Small integers only (what people type).
 */
const DIGITS: Record<string, number> = {
  零: 0, 〇: 0, '○': 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
/** Financial numerals (大写), as in "贰零贰零年": only ever read digit by digit in a year. */
const FINANCIAL: Record<string, number> = { 壹: 1, 贰: 2, 貳: 2, 叁: 3, 參: 3, 肆: 4, 伍: 5, 陆: 6, 陸: 6, 柒: 7, 捌: 8, 玖: 9 };

/** "三" → 3, "十二" → 12, "二十" → 20, "12" → 12; null when not a number. */
export function parseSmallNumber(text: string): number | null {
  if (/^\d+$/.test(text)) return Number(text);
  if (text.length === 0) return null;
  const ten = text.indexOf('十');
  if (ten < 0) {
    if (text.length !== 1) return null;
    return DIGITS[text] ?? null;
  }
  const tens = ten === 0 ? 1 : DIGITS[text.slice(0, ten)];
  const unitText = text.slice(ten + 1);
  const units = unitText === '' ? 0 : DIGITS[unitText];
  if (tens === undefined || units === undefined || ten > 1 || unitText.length > 1) return null;
  return tens * 10 + units;
}

/** Digit-by-digit Chinese years: "二〇二〇" / "二零二零" → "2020". */
export function chineseDigitsToArabic(text: string): string {
  // "两千零二十年" / "二千零二十一年": a year said as a number.
  text = text.replace(/[两二]千零?([一二三四五六七八九十]{1,3})(?=年)/g, (m, n: string) => {
    const v = parseSmallNumber(n);
    return v === null ? m : String(2000 + v);
  });
  const digits = (run: string) => [...run].map((c) => String(DIGITS[c] ?? FINANCIAL[c] ?? c)).join('');
  text = text.replace(/[零〇○一二三四五六七八九壹贰貳叁參肆伍陆陸柒捌玖]{2,4}(?=年)/g, digits);
  // Without 年 ("鹿城区 二〇二〇 复议"), only four digits that can be nothing but a year: 19xx / 20xx.
  return text.replace(/(?<![零〇○一二三四五六七八九十百千万壹贰貳叁參肆伍陆陸柒捌玖])(?:[一壹][九玖]|[二贰貳][零〇○])[零〇○一二三四五六七八九壹贰貳叁參肆伍陆陸柒捌玖]{2}(?![零〇○一二三四五六七八九十百千万壹贰貳叁參肆伍陆陸柒捌玖])/g, digits);
}

export const SMALL_NUMBER = '(?:\\d{1,2}|[一二两三四五六七八九十]{1,3})';
