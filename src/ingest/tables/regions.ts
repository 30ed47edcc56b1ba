/**
 * Where tables 二, 三 and 四 sit in a report: by their own captions and headers (the section headings
 * are not always recognisable, and prose before a table may repeat its words).
 */
import type { ReportDocument } from '../text/document.ts';
import { isSectionHeading, squeezedLines } from '../text/document.ts';

export interface TableRegions {
  /** 0-based doc lines [start, end). */
  t2: [number, number] | null;
  t3: [number, number] | null;
  t4: [number, number] | null;
}

const squeeze = (s: string) => s.replace(/\s+/gu, '');

const T2_START = /第二十条第\(一\)项|本年新制作数量|本年制发件数/;
const T2_ANY = /第二十条第\([一五六八九]\)项|本年新制作|本年制发件数|上一年项目数量|本年处理决定数量/;
const T3_START = /勾稽关系|申请人情况|一、本年新收政府信息公开申请数量/;
const T4_START = /^(四、)?.{0,12}(行政复议|行政法复议).{0,16}$/;
// Table 四's header words, and the row labels some tables give its one data row ("数量", "件数").
const T4_HEADER_ONLY = /^[行政复议诉讼结果维持纠正其他尚未审结总计未经直接起后数量合\s、:：()]+$/u;
const AFTER_T4 = /存在的?主要问题|其他需要报告|^五、/;

function findFrom(lines: readonly string[], from: number, re: RegExp, to = lines.length): number {
  for (let i = Math.max(0, from); i < to; i++) if (re.test(lines[i])) return i;
  return -1;
}

/**
 * Like findFrom, for captions and headers broken across lines ("第二" / "十条第" / "（五）" / "项"):
 * the first line where a match starts, reading it joined with the few lines after it.
 */
function findBroken(lines: readonly string[], from: number, re: RegExp, span = 5): number {
  const g = new RegExp(re.source, re.flags.replace('g', '') + 'g');
  let i = Math.max(0, from);
  if (isPlain(re)) {
    // A plain pattern that matches in a few joined lines matches the whole text at the same place, so
    // no line before the one holding the whole text's first match can hold one: start there (most
    // reports: at once), and stop at once when the whole text has none (narrative and pre-2019 reports).
    const whole = g.exec(lines.slice(i).join(''));
    if (!whole) return -1;
    for (let at = 0; i < lines.length && at + lines[i].length <= whole.index; i++) at += lines[i].length;
  }
  for (; i < lines.length; i++) {
    if (lines[i] === '') continue;
    const joined = lines.slice(i, i + span).join('');
    g.lastIndex = 0;
    for (let m = g.exec(joined); m; m = g.exec(joined)) {
      if (m.index < lines[i].length) return i;
      if (m[0].length === 0) g.lastIndex++;
    }
  }
  return -1;
}

/**
 * No anchors, lookaround or word boundaries, not sticky: whether it matches at a place depends only on
 * the characters it consumes there, not on what the text holds around them. (Conservative: "[^" counts
 * as an anchor.)
 */
function isPlain(re: RegExp): boolean {
  return !/[\^$]|\\[bB]|\(\?<?[=!]/.test(re.source) && !re.sticky;
}

export function locateTables(doc: ReportDocument): TableRegions {
  // Lines with whitespace removed, each line alone (for line-level markers).
  const L = squeezedLines(doc);
  // Table 二: from its first caption/header to where table 三 begins.
  let t2s = findBroken(L, 0, T2_START);
  if (t2s < 0) t2s = findBroken(L, 0, T2_ANY);
  let t3s = findBroken(L, t2s < 0 ? 0 : t2s + 1, T3_START);
  if (t3s < 0) t3s = findBroken(L, t2s < 0 ? 0 : t2s + 1, /本年新收政府信息公开申请数量/);
  const t4from = t3s >= 0 ? t3s + 1 : t2s >= 0 ? t2s + 1 : 0;
  let t4s = -1;
  for (let i = t4from; i < L.length; i++) {
    if (!/行政复议|行政法复议/.test(L[i])) continue;
    if (T4_START.test(L[i]) || T4_HEADER_ONLY.test(L[i]) || isSectionHeading(doc.norm[i])) {
      t4s = i;
      break;
    }
  }
  let t4e = -1;
  if (t4s >= 0) {
    t4e = findFrom(L, t4s + 1, AFTER_T4);
    for (let i = t4s + 1; i < L.length && (t4e < 0 || i < t4e); i++) {
      if (isSectionHeading(doc.norm[i]) && !/行政复议|行政诉讼/.test(L[i])) {
        t4e = i;
        break;
      }
    }
    if (t4e < 0) t4e = Math.min(L.length, t4s + 80);
  }
  const t3e = t4s >= 0 ? t4s : t3s >= 0 ? Math.min(L.length, findEnd(L, t3s)) : -1;
  return {
    t2: t2s >= 0 ? [t2s, t3s >= 0 ? t3s : t4s >= 0 ? t4s : Math.min(L.length, t2s + 80)] : null,
    t3: t3s >= 0 ? [t3s, t3e] : null,
    t4: t4s >= 0 ? [t4s, t4e] : null,
  };
}

/** Without a table 四, table 三 ends at the next section heading. */
function findEnd(L: readonly string[], from: number): number {
  for (let i = from + 1; i < L.length; i++) if (/^[四五六]、.*(情况|问题|事项)$/u.test(L[i]) && !/结转/.test(L[i])) return i;
  return L.length;
}

/** "1 2 3 … 15" under a header: the form's column numbers, not values (no data row counts up from 1). */
function isColumnNumbers(norm: string): boolean {
  const words = norm.trim().split(/[\s|]+/u).filter((w) => w !== '');
  return words.length >= 5 && words.every((w, i) => w === String(i + 1));
}

/** True when a table-四 line carries only header words, values and dashes (not prose). */
export function isTable4DataLine(norm: string): boolean {
  if (isColumnNumbers(norm)) return false;
  // OCR's O/o/〇 for 0, S for 5 and B for 8 count as values (cells.ts reads them as such).
  // A short note in brackets ("(有关情况附表)") is no prose either.
  const rest = squeeze(norm).replace(/\([^()]{1,12}\)/gu, '').replace(/[+\-]?[\dOo〇SB]+件?|[—–\-－/／|]/gu, '');
  return rest === '' || T4_HEADER_ONLY.test(rest);
}
