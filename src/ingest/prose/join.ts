/**
 * PDF text breaks sentences anywhere ("共\n\n计 509 条"), so prose is matched on joined paragraphs.
 * A block remembers where each of its lines starts, so a figure is cited on the line where its number
 * is printed. Whitespace is squeezed out except between two ASCII word characters
 * ("1000 余条" → "1000余条", "APP 发布" → "APP发布") so rules need not care about PDF spacing.
 */
import { isSectionHeading, type ReportDocument } from '../text/document.ts';

export interface ProseBlock {
  /** Normalized, joined text of consecutive prose lines. */
  text: string;
  /** Where each joined line starts in `text`, ascending, and its index into doc.lines. */
  starts: number[];
  lines: number[];
}

/** The document line (index into doc.lines) that text[pos] came from. */
export function lineAt(block: ProseBlock, pos: number): number {
  let lo = 0;
  let hi = block.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (block.starts[mid] <= pos) lo = mid;
    else hi = mid - 1;
  }
  return block.lines[lo];
}

// = /^\s*-?\s*\d{1,3}\s*-?\s*$/, written so that a blank run has one way to be read: that form tried every
// split of an indented line's leading blanks between its two \s* (quadratic in the indentation).
const PAGE_NUMBER = /^\s*(?:-\s*)?\d{1,3}\s*(?:-\s*)?$/;
const NUMERIC_CELL = /^(?:[-+]?\d[\d,.]*%?|[—–-]+|\/)$/;
/** The characters a NUMERIC_CELL can end with. */
const CELL_END = new Set([...'0123456789,.%—–-/']);
const ENDS_SENTENCE = /[。;；:：!！?？”」]\s*$/;

/**
 * A table row, not prose: tab- or pipe-separated cells, or a line ending in three or more number/dash
 * cells ("…申请数量 198 6 0 0 1 3 208", "规章 - - -"). Dates ("2020 年 12 月 31 日") end in a word, so
 * prose lines full of dates stay prose.
 */
export function isTableLine(norm: string): boolean {
  if (norm.includes('\t') || norm.includes('|')) return true;
  // The last word is a NUMERIC_CELL only if the line ends in a digit or one of ",.%—–-/": most prose
  // lines end otherwise and are decided without splitting them into words.
  let end = norm.length;
  while (end > 0 && /\s/.test(norm[end - 1])) end--;
  if (end === 0 || !CELL_END.has(norm[end - 1])) return false;
  const tokens = norm.trim().split(/\s+/).filter(Boolean);
  let trailing = 0;
  for (let i = tokens.length - 1; i >= 0 && NUMERIC_CELL.test(tokens[i]); i--) trailing++;
  return trailing >= 3 || (trailing >= 2 && trailing === tokens.length);
}

/** Page numbers sit alone between a finished sentence (or a heading) and the next text. */
function isPageNumber(doc: ReportDocument, i: number): boolean {
  if (!PAGE_NUMBER.test(doc.norm[i])) return false;
  for (let j = i - 1; j >= 0; j--) {
    const s = doc.norm[j].trim();
    if (s === '' || PAGE_NUMBER.test(s)) continue;
    if (ENDS_SENTENCE.test(s)) return true;
    break;
  }
  for (let j = i + 1; j < doc.norm.length; j++) {
    const s = doc.norm[j].trim();
    if (s === '' || PAGE_NUMBER.test(s)) continue;
    return isSectionHeading(s);
  }
  return true;
}

const WORD = /[A-Za-z0-9]/;
/** = line.trim() === '', without making the trimmed copy. */
const BLANK = /^\s*$/;
const SPACES = /\s+/g;

/** Drop whitespace except one space between two ASCII word characters. */
function squeeze(line: string): string {
  if (!/\s/.test(line)) return line; // the replace below, with its callback, for nothing
  return line.replace(SPACES, (m: string, at: number, str: string) =>
    at > 0 && WORD.test(str[at - 1]) && WORD.test(str[at + m.length] ?? '') ? ' ' : '',
  );
}

export function joinProse(doc: ReportDocument): ProseBlock[] {
  const blocks: ProseBlock[] = [];
  let text = '';
  // The last character of `text`: reading it from the string being built would flatten it every line.
  let last = '';
  let starts: number[] = [];
  let lines: number[] = [];
  const flush = () => {
    if (text) blocks.push({ text, starts, lines });
    text = '';
    starts = [];
    lines = [];
  };
  for (let i = 0; i < doc.norm.length; i++) {
    const line = doc.norm[i];
    if (BLANK.test(line) || isPageNumber(doc, i)) continue;
    if (isTableLine(line)) {
      flush();
      continue;
    }
    const heading = isSectionHeading(line);
    if (heading) flush();
    // Markdown emphasis and heading marks are layout, not words.
    const marked = line.includes('*') || line.includes('#');
    const piece = squeeze(marked ? line.replace(/\*\*|^\s*#{1,6}\s*/g, '') : line);
    if (!piece) continue;
    // ASCII words meeting at a line break keep one space between them, as they would inside a line.
    if (text && WORD.test(last) && WORD.test(piece[0])) text += ' ';
    starts.push(text.length);
    lines.push(i);
    text += piece;
    last = piece[piece.length - 1];
    if (heading) flush();
  }
  flush();
  return blocks;
}
