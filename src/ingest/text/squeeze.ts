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
const YEAR_AFTER_DIGITS = /(?<=\d)(?:19|20)\d\d年(?!\d)/gu;

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
  for (const m of line.matchAll(ORDINAL)) {
    const h = headingAt(line, m.index);
    if (!h) continue;
    at.add(h[0]);
    at.add(h[1]);
  }
  return [...at].filter((p) => p < line.length).sort((a, b) => a - b);
}

/** The logical lines of one printed line: itself when it is not squeezed. Blank pieces are dropped. */
export function splitSqueezed(line: string): Segment[] {
  if (!looksSqueezed(line)) return [{ text: line, start: 0 }];
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
