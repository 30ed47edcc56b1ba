/**
 * PDF text breaks sentences anywhere ("共\n\n计 509 条"), so prose is matched on joined paragraphs.
 * Each joined character remembers the document line it came from, so a figure is cited on the line
 * where its number is printed. Whitespace is squeezed out except between two ASCII word characters
 * ("1000 余条" → "1000余条", "APP 发布" → "APP发布") so rules need not care about PDF spacing.
 */
import { isSectionHeading, type ReportDocument } from '../text/document.ts';

export interface ProseBlock {
  /** Normalized, joined text of consecutive prose lines. */
  text: string;
  /** lineIndex[k] = index into doc.lines of text[k]. */
  lineIndex: number[];
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

export function joinProse(doc: ReportDocument): ProseBlock[] {
  const blocks: ProseBlock[] = [];
  let text: string[] = [];
  let lineIndex: number[] = [];
  const flush = () => {
    if (text.length) blocks.push({ text: text.join(''), lineIndex });
    text = [];
    lineIndex = [];
  };
  for (let i = 0; i < doc.norm.length; i++) {
    const line = doc.norm[i];
    if (line.trim() === '' || isPageNumber(doc, i)) continue;
    if (isTableLine(line)) {
      flush();
      continue;
    }
    if (isSectionHeading(line)) flush();
    // Markdown emphasis and heading marks are layout, not words.
    const clean = line.replace(/\*\*|^#{1,6}\s*/g, '');
    for (let k = 0; k < clean.length; k++) {
      const ch = clean[k];
      if (/\s/.test(ch)) {
        const prev = text.length ? text[text.length - 1] : '';
        let next = '';
        for (let n = k + 1; n < clean.length; n++) if (!/\s/.test(clean[n])) { next = clean[n]; break; }
        if (WORD.test(prev) && WORD.test(next) && prev !== ' ') {
          text.push(' ');
          lineIndex.push(i);
        }
        continue;
      }
      text.push(ch);
      lineIndex.push(i);
    }
    if (isSectionHeading(line)) flush();
  }
  flush();
  return blocks;
}
