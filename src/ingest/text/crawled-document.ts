/**
 * Printed text lines → logical lines with their map back (source line, column). A crawled page's
 * header block is read as metadata (only its title is kept, as the document's first line, cited where
 * the value stands); a breadcrumb in front of the body is dropped; squeezed lines are split into
 * logical lines (squeeze.ts). Text that is neither comes back line for line.
 */
import { afterBreadcrumb, readCrawledHeader, type CrawledPage } from './crawled.ts';
import { splitSqueezed } from './squeeze.ts';

export interface LogicalLines {
  lines: string[];
  /** 1-based printed line of each logical line. */
  sourceLine: number[];
  /** 1-based column in that printed line; null when the logical line is the whole printed line. */
  sourceColumn: (number | null)[];
  /** The crawler's header, when the text had one. */
  page: CrawledPage | null;
  /** True when any logical line is only part of its printed line. */
  split: boolean;
}

export function logicalLines(printed: readonly string[]): LogicalLines {
  const page = readCrawledHeader(printed);
  const out: LogicalLines = { lines: [], sourceLine: [], sourceColumn: [], page, split: false };
  const push = (text: string, line: number, start: number, whole: boolean) => {
    out.lines.push(text);
    out.sourceLine.push(line + 1);
    out.sourceColumn.push(whole ? null : start + 1);
    if (!whole) out.split = true;
  };
  let from = 0;
  if (page) {
    const title = page.meta.title;
    if (title) push(title.value, title.line, title.start, false);
    from = page.bodyStart;
  }
  let firstBody = true;
  for (let i = from; i < printed.length; i++) {
    let line = printed[i];
    let offset = 0;
    if (firstBody && line.trim() !== '') {
      firstBody = false;
      offset = afterBreadcrumb(line);
      line = line.slice(offset);
    }
    const segments = splitSqueezed(line);
    if (segments.length === 1 && offset === 0 && segments[0].start === 0 && segments[0].text === printed[i]) {
      push(printed[i], i, 0, true);
      continue;
    }
    for (const s of segments) push(s.text, i, offset + s.start, false);
  }
  return out;
}
