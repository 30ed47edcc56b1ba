/**
 * A report file's bytes → ReportDocument. Pure (bytes in, not a path): tell PDF and Word from text by
 * content; decode, tell HTML from text, split into lines with the source line each cites, and turn away
 * texts with hardly any Chinese.
 */
import type { IngestError, ReportWarning } from '../model.ts';
import { decodeBytes } from './decode.ts';
import { MAX_REPORT_BYTES, nulWarning, repeatedBlock, repeatWarning, tooLargeMessage, withoutStrayNuls } from './guards.ts';
import { buildDocument, splitLines, type PageMeta, type ReportDocument } from './document.ts';
import { sniffFormat, unsupportedMessage } from './format.ts';
import { htmlToLines, looksLikeHtml } from './html.ts';
import { logicalLines, pageMetaOf } from './crawled-document.ts';

export type LoadResult<Kind extends string = 'text' | 'html' | 'pdf' | 'docx' | 'doc'> =
  | { ok: true; doc: ReportDocument; encoding: string; kind: Kind; warnings: ReportWarning[] }
  | { ok: false; error: IngestError };

const CJK = /\p{sc=Han}/u;
/** Fewer lines with Chinese than this and the text cannot be a report. */
const MIN_CJK_LINES = 3;
/** The title line of an HTML page is used when the page body does not carry the report title. */
const TITLE_IN_BODY = /信息公开.{0,12}(报告|年报)/u;
const HTML_EXT = /\.(s?html?|xhtml|mht)$/iu;

export function loadReport(buf: Buffer, fileName: string): LoadResult<'text' | 'html'> {
  if (buf.length > MAX_REPORT_BYTES) return { ok: false, error: { code: 'too_large', message: tooLargeMessage(buf.length) } };
  const warnings: ReportWarning[] = [];
  let decoded = decodeBytes(buf);
  if (!decoded.ok && decoded.error.code === 'binary') {
    // A few NULs in an otherwise good text are damage, not a binary file.
    const cleaned = withoutStrayNuls(buf);
    const retried = cleaned && decodeBytes(cleaned.bytes);
    if (retried?.ok) {
      decoded = retried;
      warnings.push(nulWarning(cleaned!.removed));
    }
  }
  if (!decoded.ok) return decoded;
  let { text } = decoded;
  const { encoding } = decoded;
  // One report saved many times into one file: read it once (and say so), not as one report of N× the lines.
  const repeated = repeatedBlock(text);
  if (repeated) {
    text = repeated.first;
    warnings.push(repeatWarning(repeated.copies, splitLines(text).length));
  }

  let lines: string[];
  let sourceLine: number[] | undefined;
  let sourceColumn: (number | null)[] | undefined;
  let pageMeta: PageMeta | undefined;
  let kind: 'text' | 'html' = 'text';
  if (looksLikeHtml(text) || (HTML_EXT.test(fileName) && /<[a-z][^>]*>/i.test(text.slice(0, 4096)))) {
    kind = 'html';
    const html = htmlToLines(text);
    lines = html.lines;
    sourceLine = html.sourceLine;
    sourceColumn = html.sourceColumn.some((c) => c !== null) ? html.sourceColumn : undefined;
    // Pages that print the title only in <title> ("…年度报告_政府信息公开_XX人民政府"): keep its
    // report-title part as the first line, cited at the <title> element.
    if (html.title && !lines.slice(0, 15).some((l) => TITLE_IN_BODY.test(l))) {
      const part = html.title.split(/[_|｜]|\s[-–—]\s/u).find((p) => TITLE_IN_BODY.test(p));
      if (part) {
        lines = [part.trim(), ...lines];
        sourceLine = [html.titleLine ?? 1, ...sourceLine];
        if (sourceColumn) sourceColumn = [null, ...sourceColumn];
      }
    }
  } else {
    // Crawled pages (header block, squeezed body) → logical lines mapped back to the printed ones.
    const logical = logicalLines(splitLines(text));
    lines = logical.lines;
    if (logical.split || logical.page) {
      sourceLine = logical.sourceLine;
      sourceColumn = logical.sourceColumn;
    }
    if (logical.page) pageMeta = pageMetaOf(logical.page);
  }

  const notChinese = tooLittleChinese(lines, fileName);
  if (notChinese) return { ok: false, error: notChinese };
  return { ok: true, doc: buildDocument(lines, sourceLine, { ...(sourceColumn ? { sourceColumn } : {}), ...(pageMeta ? { pageMeta } : {}) }), encoding, kind, warnings };
}

function tooLittleChinese(lines: readonly string[], fileName: string): IngestError | null {
  let cjkLines = 0;
  for (const l of lines) {
    if (CJK.test(l) && ++cjkLines >= MIN_CJK_LINES) return null;
  }
  return { code: 'not_a_report', message: `不是政府信息公开工作年度报告：中文内容不足 ${MIN_CJK_LINES} 行（${fileName}） / too little Chinese text` };
}

/**
 * Any report file: PDF and Word by their own readers (loaded only when such a file comes), other
 * document formats refused by name, the rest as text or HTML (loadReport, synchronous and fast).
 */
export async function loadReportFile(buf: Buffer, fileName: string): Promise<LoadResult> {
  const format = sniffFormat(buf, fileName);
  if (format.kind === 'text') return loadReport(buf, fileName);
  if (format.kind === 'unsupported') return { ok: false, error: { code: 'unsupported_format', message: unsupportedMessage(format.what) } };
  if (format.kind === 'encrypted') return { ok: false, error: { code: 'encrypted', message: `${format.what}，无法读取 / encrypted Office document` } };
  const read =
    format.kind === 'pdf'
      ? await (await import('./pdf.ts')).loadPdf(buf)
      : format.kind === 'docx'
        ? await (await import('./docx.ts')).loadDocx(buf)
        : await (await import('./doc.ts')).loadDoc(buf);
  if (!read.ok) return read;
  const notChinese = tooLittleChinese(read.doc.lines, fileName);
  if (notChinese) return { ok: false, error: notChinese };
  return { ok: true, doc: read.doc, encoding: format.kind, kind: format.kind, warnings: [] };
}
