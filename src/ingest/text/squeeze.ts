/**
 * A report body squeezed onto one or a few printed lines (a crawler dropped every line break) → the
 * logical lines parsers expect: section headings, sentences, tables — each a verbatim substring of its
 * printed line, with the column it starts at, so every citation still quotes the original exactly.
 * Pure. Table rows are not cut here: a squeezed table stays one logical line per table and the table
 * readers solve its digit runs as a whole (tables/fused.ts).
 */
import { isSectionHeading, normalizeLine } from './document.ts';

export interface Segment {
  text: string;
  /** 0-based index in the printed line where `text` starts. */
  start: number;
}

/** A printed line this long with several sentences in it holds many logical lines. */
const SQUEEZED_MIN_LENGTH = 200;
const SQUEEZED_MIN_SENTENCES = 3;

const SENTENCE_END = /[。！？；!?;]/u;
/** Closing marks that stay with the sentence they close. */
const CLOSERS = /[”’」』）)】〕》]/u;
const ORDINAL = /[一二三四五六七八九十]{1,2}[、.．]/gu;
/** Words a section heading ends with, and what stops the search for its end. */
const HEADING_END = /(?:情况|事项|概述|措施|统计表|附表|问题)/gu;
const HEADING_STOP = /[。，；：:,;（(\d０-９]/u;
const HEADING_REACH = 42;
/**
 * A year opening the sentence after a squeezed table ("行政事业性收费02025年，我局…"): the table's last
 * cell ran into it. A year is four digits 19xx/20xx right before 年, so the cut is unique.
 */
/**
 * Table 四 has one data row, printed after its header's last words: what follows its digits is the
 * next sentence ("…尚未审结总计10000100000000000我局严格…").
 */
const TABLE4_VALUES = /(?<=尚未审结\s*总\s*计)[\d\s]*\d(?=\s*\p{sc=Han})/gu;
const YEAR_AFTER_DIGITS = /(?<=\d)(?:19|20)\d\d年(?!\d)/gu;

/** The header of a pre-2019 statistics table, cell by cell ("指标名称计量单位2011年度历年累计", letter-spaced too). */
const STATS_HEADER = /(指\s*标\s*名\s*称|统\s*计\s*指\s*标)\s*((?:计\s*量\s*)?单\s*位)\s*(\d{4}\s*年度?|年末统计|统计数|本年度?)?\s*(历年累计)?/gu;
/** A statistics table's units, longest first ("人次" before "人"). */
const STATS_UNITS = ['万元', '人次', '条', '件', '元', '次', '个', '人', '项', '篇'];
const LEADING_ORDINAL = /(?:其中\s*[:：]\s*)?(?:\d{1,2}\s*[.、．]\s*)?/uy;
const MAX_ROW_LABEL = 120;

interface StatsRow {
  /** Where the label starts. */
  start: number;
  /** Where the row's digits end (after the unit; for a group row, after its dashes). */
  end: number;
  /** The digit run, '' for a group row ("一、主动公开情况——"). */
  digits: string;
  /** The row's own digit ordinal ("2.政府公报…" → 2), 0 for none. */
  ordinal: number;
  /** A Chinese ordinal ("三、", "（二）") starts the row: digit numbering restarts under it. */
  restarts: boolean;
}

/**
 * One row of a squeezed statistics table from `at`: label (no digits outside its ordinal and its
 * parenthesised notes — "（不同渠道和方式公开相同信息计1条）"), unit, and its values — digits and blanks.
 * The unit must be followed by a digit ("《条例》" is no unit). A group row ends at its dashes.
 */
function statsRowAt(line: string, at: number): StatsRow | null {
  let k = at;
  while (k < line.length && /\s/u.test(line[k])) k++;
  const start = k;
  LEADING_ORDINAL.lastIndex = k;
  const lead = LEADING_ORDINAL.exec(line)?.[0] ?? '';
  const ordinal = Number(/(\d{1,2})\s*[.、．]/u.exec(lead)?.[1] ?? 0);
  const restarts = /^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）])/u.test(line.slice(k));
  k += lead.length;
  const labelStart = k;
  while (k < line.length && k - start <= MAX_ROW_LABEL) {
    const ch = line[k];
    if (ch === '（' || ch === '(') {
      // A note: anything inside, digits and units too.
      let depth = 0;
      let j = k;
      for (; j < line.length && j - k < MAX_ROW_LABEL; j++) {
        if (line[j] === '（' || line[j] === '(') depth++;
        else if (line[j] === '）' || line[j] === ')') depth--;
        if (depth === 0) break;
      }
      if (depth !== 0) return null;
      k = j + 1;
      continue;
    }
    if (/[\d。；;]/u.test(ch)) return null;
    if (k > labelStart && /[—–]/u.test(ch)) {
      let e = k;
      while (e < line.length && /[—–]/u.test(line[e])) e++;
      return { start, end: e, digits: '', ordinal, restarts };
    }
    const unit = k > labelStart ? STATS_UNITS.find((u) => line.startsWith(u, k)) : undefined;
    if (unit) {
      let e = k + unit.length;
      while (e < line.length && line[e] === ' ') e++;
      // Money may have decimals ("万元2.5"): the "." followed by a digit is the amount's, not an ordinal's.
      const run = unit.endsWith('元') ? /\d+\.\d+(?![\d.、．])|(?:\d[\d ]*)?\d/uy : /(?:\d[\d ]*)?\d/uy;
      run.lastIndex = e;
      const m = run.exec(line);
      if (m) return { start, end: e + m[0].length, digits: m[0], ordinal, restarts };
    }
    k++;
  }
  return null;
}

/**
 * The digits a row's run gives back to the next label's ordinal when a "." follows the run
 * ("件291.当面申请数" → 29 | 1.), or null when that cannot be told for certain. The next ordinal is
 * the one after the block's last numbered row, or 1 when a block starts; exactly one of them must end
 * the run and leave the row's values (one column: a lone "0" or no leading zero) — else the row is left uncut after its
 * whole run, and its reader sees the "." the next line starts with (tables/pre2019.ts).
 */
function ordinalGiveBack(digits: string, lastOrdinal: number, nCols: number): number | null {
  const run = digits.replace(/ /gu, '');
  const candidates = new Set([lastOrdinal + 1, 1]);
  const fits = new Set<number>();
  for (const c of candidates) {
    const s = String(c);
    if (!run.endsWith(s) || run.length <= s.length) continue;
    const rest = run.slice(0, run.length - s.length);
    // One value column: a number (no leading zero but a lone "0"); more: at least a digit per column.
    if (nCols > 1 ? rest.length >= nCols && !rest.includes('.') : /^(?:0|[1-9]\d*)(?:\.\d+)?$/u.test(rest)) fits.add(s.length);
  }
  if (fits.size !== 1) return null;
  const n = [...fits][0];
  // Spaces inside the run: give back n digit characters from its end.
  let k = digits.length;
  for (let left = n; left > 0; k--) if (digits[k - 1] !== ' ') left--;
  return digits.length - k;
}

/**
 * Cut positions inside a squeezed pre-2019 statistics table: before each header cell and each row.
 * A row's digits that run into the next label's ordinal ("网站公开条41815092.政府公报公开") give that
 * ordinal back when it is certain which digits are the ordinal's (ordinalGiveBack).
 */
function statsTableCuts(line: string): number[] {
  const out: number[] = [];
  for (const h of line.matchAll(STATS_HEADER)) {
    let k = h.index;
    for (let g = 1; g <= 4; g++) {
      const cell = h[g];
      if (!cell) continue;
      const at = line.indexOf(cell, k);
      out.push(at);
      k = at + cell.length;
    }
    const nCols = Math.max(1, (h[3] ? 1 : 0) + (h[4] ? 1 : 0));
    let lastOrdinal = 0;
    let pos = k;
    for (;;) {
      const row = statsRowAt(line, pos);
      if (!row) break;
      out.push(row.start);
      if (row.restarts) lastOrdinal = 0;
      if (row.ordinal) lastOrdinal = row.ordinal;
      let end = row.end;
      if (row.digits && /^\s*[.、．]\s*[^\d\s]/u.test(line.slice(end))) end -= ordinalGiveBack(row.digits, lastOrdinal, nCols) ?? 0;
      pos = end;
    }
    out.push(pos);
  }
  return out;
}

/**
 * Rows of squeezed 2019/2021 tables, so that a figure cites its row, not the whole table. Table 三 runs
 * from "一、本年新收" to "结转下年度继续办理" and its digits; its rows start at "一、"…"四、", "（一）"…"（七）"
 * and "1."…"8." — a digit ordinal right after a row's digits is the last digit before the "." (the rule
 * tables/cells.ts reads fused rows by). Table 二's rows start at "第二十条" and at a row label after a
 * digit or a column header. Cutting is only where a row starts: the table readers still see every digit.
 */
const T3_SPAN = /[一1][、.．]\s*本年新收[\s\S]*?结转下年度?继续办理[\d\s]*/gu;
const T3_ROW_START = /[（(][一二三四五六七][）)]|(?<![\p{sc=Han}])[一二三四][、.．](?=\s*\p{sc=Han})|(?<=\d|\p{sc=Han}|[）)])\d[.、．](?=\s*\p{sc=Han})/gu;
const T2_ROW_START = /第二十条|(?<=\d|件数|数量|金额|万元[）)])(?:规章|行政规范性文件|规范性文件|行政许可|其他对外管理服务事项|行政处罚|行政强制|行政事业性收费|政府集中采购)/gu;

function modernTableCuts(line: string): number[] {
  const out: number[] = [];
  for (const span of line.matchAll(T3_SPAN)) {
    const text = span[0];
    for (const m of text.matchAll(T3_ROW_START)) out.push(span.index + m.index);
  }
  if (line.includes('第二十条')) for (const m of line.matchAll(T2_ROW_START)) out.push(m.index);
  return out;
}

export function looksSqueezed(line: string): boolean {
  if (line.length < SQUEEZED_MIN_LENGTH) return false;
  let n = 0;
  for (const ch of line) if (SENTENCE_END.test(ch) && ++n >= SQUEEZED_MIN_SENTENCES) return true;
  return false;
}

/** [start, end) of a section heading starting at `at`, or null. */
function headingAt(line: string, at: number): [number, number] | null {
  let stop = Math.min(line.length, at + HEADING_REACH);
  for (let k = at + 2; k < stop; k++) {
    if (HEADING_STOP.test(line[k])) {
      stop = k;
      break;
    }
  }
  const window = line.slice(at, stop);
  let end = -1;
  for (const m of window.matchAll(HEADING_END)) end = m.index + m[0].length;
  if (end < 0) end = window.length;
  const text = window.slice(0, end);
  return isSectionHeading(normalizeLine(text)) ? [at, at + end] : null;
}

/** Cut positions (0-based, a logical line starts at each) of one squeezed printed line. */
function cuts(line: string): number[] {
  const at = new Set<number>([0]);
  for (let k = 0; k < line.length; k++) {
    if (!SENTENCE_END.test(line[k])) continue;
    let e = k + 1;
    while (e < line.length && CLOSERS.test(line[e])) e++;
    at.add(e);
  }
  for (const m of line.matchAll(YEAR_AFTER_DIGITS)) at.add(m.index);
  for (const m of line.matchAll(TABLE4_VALUES)) at.add(m.index + m[0].length);
  for (const p of statsTableCuts(line)) at.add(p);
  for (const p of modernTableCuts(line)) at.add(p);
  for (const m of line.matchAll(ORDINAL)) {
    const h = headingAt(line, m.index);
    if (!h) continue;
    at.add(h[0]);
    at.add(h[1]);
  }
  return [...at].filter((p) => p < line.length).sort((a, b) => a - b);
}

/** A squeezed body holds several section headings in one printed line; a paragraph holds none or one. */
const MIN_HEADINGS = 2;

/**
 * The logical lines of one printed line: itself when it is not squeezed. Blank pieces are dropped.
 * `crawled`: the text is a crawled page, whose body is squeezed even where it holds one heading;
 * otherwise a long paragraph stays one line unless it holds several section headings.
 */
export function splitSqueezed(line: string, crawled = false): Segment[] {
  // A crawled body may come as a few shorter squeezed lines: every line of it is cut where it holds
  // headings, sentences and table rows; elsewhere only long lines with several sentences are looked at.
  if (!crawled && !looksSqueezed(line)) return [{ text: line, start: 0 }];
  if (!crawled) {
    let headings = 0;
    for (const m of line.matchAll(ORDINAL)) if (headingAt(line, m.index) && ++headings >= MIN_HEADINGS) break;
    if (headings < MIN_HEADINGS) return [{ text: line, start: 0 }];
  }
  const points = cuts(line);
  const out: Segment[] = [];
  for (let i = 0; i < points.length; i++) {
    const raw = line.slice(points[i], points[i + 1] ?? line.length);
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    if (text !== '') out.push({ text, start: points[i] + lead });
  }
  return out;
}
