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

const PAGE_NUMBER = /^\s*-?\s*\d{1,3}\s*-?\s*$/;
const NUMERIC_CELL = /^(?:[-+]?\d[\d,.]*%?|[—–-]+|\/)$/;
const ENDS_SENTENCE = /[。;；:：!！?？”」]\s*$/;

/**
 * A table row, not prose: tab- or pipe-separated cells, or a line ending in three or more number/dash
 * cells ("…申请数量 198 6 0 0 1 3 208", "规章 - - -"). Dates ("2020 年 12 月 31 日") end in a word, so
 * prose lines full of dates stay prose.
 */
export function isTableLine(norm: string): boolean {
  if (norm.includes('\t') || /\|/.test(norm)) return true;
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
const SPACES = /\s+/g;

/** Drop whitespace except one space between two ASCII word characters. */
function squeeze(line: string): string {
  return line.replace(SPACES, (m: string, at: number, str: string) =>
    at > 0 && WORD.test(str[at - 1]) && WORD.test(str[at + m.length] ?? '') ? ' ' : '',
  );
}

export function joinProse(doc: ReportDocument): ProseBlock[] {
  const blocks: ProseBlock[] = [];
  let text = '';
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
    if (line.trim() === '' || isPageNumber(doc, i)) continue;
    if (isTableLine(line)) {
      flush();
      continue;
    }
    const heading = isSectionHeading(line);
    if (heading) flush();
    // Markdown emphasis and heading marks are layout, not words.
    const piece = squeeze(line.replace(/\*\*|^\s*#{1,6}\s*/g, ''));
    if (!piece) continue;
    // ASCII words meeting at a line break keep one space between them, as they would inside a line.
    if (text && WORD.test(text[text.length - 1]) && WORD.test(piece[0])) text += ' ';
    starts.push(text.length);
    lines.push(i);
    text += piece;
    if (heading) flush();
  }
  flush();
  return blocks;
}
