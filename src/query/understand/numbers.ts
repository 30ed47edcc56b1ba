/**
 * Chinese number words in questions: 前三, 近五年, 十二, 二〇二〇. Small integers only (what people type).
 */
const DIGITS: Record<string, number> = {
  零: 0, 〇: 0, '○': 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

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
  return text.replace(/[零〇○一二三四五六七八九]{2,4}(?=年)/g, (run) =>
    [...run].map((c) => String(DIGITS[c] ?? c)).join(''),
  );
}

export const SMALL_NUMBER = '(?:\\d{1,2}|[一二两三四五六七八九十]{1,3})';
