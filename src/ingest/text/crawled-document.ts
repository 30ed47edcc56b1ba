/**
 * Printed text lines → logical lines with their map back (source line, column). A crawled page's
 * header block is read as metadata (only its title is kept, as the document's first line, cited where
 * the value stands); a breadcrumb in front of the body is dropped; squeezed lines are split into
 * logical lines (squeeze.ts). Text that is neither comes back line for line.
 */
import { afterBreadcrumb, readCrawledHeader, type CrawledPage } from './crawled.ts';
import { splitSqueezed } from './squeeze.ts';
import type { PageMeta } from './document.ts';
import { TRAILING_CHROME } from '../../catalogue/page-chrome.ts';

/** The header's values a report may lack in its text: publication time, publisher, URL. */
export function pageMetaOf(page: CrawledPage): PageMeta {
  const meta: PageMeta = {};
  if (page.meta.published) meta.published = page.meta.published.value;
  if (page.meta.publisher) meta.publisher = page.meta.publisher.value;
  if (page.meta.url) meta.url = page.meta.url.value;
  return meta;
}

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
    const segments = splitSqueezed(line, page !== null);
    if (segments.length === 1 && offset === 0 && segments[0].start === 0 && segments[0].text === printed[i]) {
      push(printed[i], i, 0, true);
      continue;
    }
    for (const s of segments) push(s.text, i, offset + s.start, false);
  }
  // The portal's footer after the body ("附件下载", "【打印】【关闭】") is no report text.
  if (page) {
    while (out.lines.length > 1 && TRAILING_CHROME.test(out.lines[out.lines.length - 1].trim())) {
      out.lines.pop();
      out.sourceLine.pop();
      out.sourceColumn.pop();
    }
    const last = out.lines.length - 1;
    const m = last >= 0 ? TRAILING_CHROME_TAIL.exec(out.lines[last]) : null;
    if (m && m.index > 0) out.lines[last] = out.lines[last].slice(0, m.index).trimEnd();
  }
  return out;
}

/** The same footer at the end of the last line, after the report's last words. */
const TRAILING_CHROME_TAIL = new RegExp(`\\s+(?:${TRAILING_CHROME.source.replace(/^\^|\$$/g, '')})$`, 'u');
