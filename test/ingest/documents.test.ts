/**
 * PDF and Word reports as users have them. The fixtures in test/fixtures/documents are ours: report.html
 * (our own text) printed to PDF by headless Chromium and converted to .docx/.doc by LibreOffice
 * (make-fixtures.ts, run by hand); scan.pdf is a picture of its first page, encrypted.pdf needs a password.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { processFile, processReportFile } from '../../src/ingest/process-file.ts';
import { loadReportFile } from '../../src/ingest/text/load.ts';
import { ingestPaths, type IngestSummary } from '../../src/ingest/ingest.ts';
import type { Figure, ParsedReport, ParseResult } from '../../src/ingest/model.ts';
import { checkFile, renderReport } from '../../src/cli/commands/check.ts';

const DIR = new URL('../fixtures/documents/', import.meta.url);
const bytes = (f: string) => readFileSync(new URL(f, DIR));

function report(r: ParseResult): ParsedReport {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.report;
}
const figure = (r: ParsedReport, metric: string, applicant: string | null = null) =>
  r.figures.find((f) => f.metric === metric && f.applicant === applicant);
/** metric|applicant → value, for comparing a whole report's figures across input formats. */
const valuesOf = (r: ParsedReport) => new Map(r.figures.map((f: Figure) => [`${f.metric}|${f.applicant ?? ''}`, `${f.cell}:${f.value}`]));

let html: ParsedReport;
const parsed: Record<string, ParsedReport> = {};
beforeAll(async () => {
  html = report(processFile('report.html', bytes('report.html')));
  for (const f of ['report.pdf', 'report.docx', 'report.doc']) parsed[f] = report(await processReportFile(f, bytes(f)));
});

describe('the same report as PDF, .docx and .doc', () => {
  test.each(['report.pdf', 'report.docx', 'report.doc'])('%s: agency, year, format, and every figure of the web page', (f) => {
    const r = parsed[f];
    expect([r.agency.name, r.agency.divisionCode, r.year, r.format]).toEqual(['福州市鼓楼区人民政府', '350102', 2023, '2021']);
    expect(r.warnings).toEqual([]);
    expect(html.figures).toHaveLength(202);
    expect(valuesOf(r)).toEqual(valuesOf(html));
  });

  test('PDF: every figure cites its page and its line in the extracted text', () => {
    const r = parsed['report.pdf'];
    expect(figure(r, 'licensing.decisions')?.source).toMatchObject({ page: 1, line: 23, quote: ' 行政许可                                      356' });
    expect(figure(r, 'requests.new', 'total')).toMatchObject({ value: 48, source: { page: 2, line: 39, section: '三、收到和处理政府信息公开申请情况' } });
    expect(figure(r, 'requests.new', 'total')?.source.quote.trim()).toBe('一、本年新收政府信息公开申请数量                                 40     5      0      1        2     0   48');
    expect(figure(r, 'requests.result.unavailable.not_held', 'commercial')).toMatchObject({ value: 1, source: { page: 2, line: 54 } });
    expect(figure(r, 'review.total')).toMatchObject({ value: 2, source: { page: 3, line: 83 } });
    expect(figure(r, 'proactive.website')).toMatchObject({ value: 1263, source: { page: 1, line: 11 } });
    expect(r.figures.every((f) => f.source.page !== undefined)).toBe(true);
  });

  test('PDF: line numbers run on across pages, each line with its page', async () => {
    const loaded = await loadReportFile(bytes('report.pdf'), 'report.pdf');
    if (!loaded.ok) throw new Error(loaded.error.message);
    const { doc } = loaded;
    expect(loaded.kind).toBe('pdf');
    expect(doc.sourceLine).toEqual(doc.lines.map((_, i) => i + 1));
    expect([doc.sourcePage?.[0], doc.sourcePage?.[30], doc.sourcePage?.[75], doc.sourcePage?.at(-1)]).toEqual([1, 2, 3, 3]);
    expect(doc.lines[30]).toBe('三、收到和处理政府信息公开申请情况');
    // Runs split inside a word ("2023" "年") are joined; table cells keep runs of spaces between them.
    expect(doc.lines[1].trim()).toBe('2023年政府信息公开工作年度报告');
    expect(doc.lines[19]).toBe(' 行政规范性文件               3                 1                 12');
  });

  test('Word: a figure cites its paragraph or table row in the extracted text', () => {
    expect(figure(parsed['report.docx'], 'requests.new', 'total')?.source).toEqual({
      line: 27,
      section: '三、收到和处理政府信息公开申请情况',
      quote: '一、本年新收政府信息公开申请数量\t40\t5\t0\t1\t2\t0\t48',
    });
    expect(figure(parsed['report.doc'], 'requests.result.unavailable.not_held', 'total')?.source).toEqual({
      line: 40,
      section: '三、收到和处理政府信息公开申请情况',
      quote: '（四）无法提供\t1.本机关不掌握相关政府信息\t8\t1\t0\t0\t1\t0\t10',
    });
  });
});

test('gongkai check on a PDF: how it was read, and each table row with its page and line', async () => {
  const file = new URL('report.pdf', DIR).pathname;
  const out = await checkFile(file);
  if (!out.ok) throw new Error(out.error.message);
  const lines = renderReport('report.pdf', out.report, out.reading).split('\n');
  expect(lines[0]).toBe('文件：report.pdf    读取：PDF，提取出 90 行文本（行号指提取文本的行，并注明页码）');
  expect(lines.find((l) => l.includes('本年新收'))?.trim().split(/\s{2,}/u)).toEqual(['第 2 页第 39 行', '本年新收政府信息公开申请数量', '40', '5', '0', '1', '2', '0', '48', '件', 'requests.new']);
});

describe('files that cannot be read: one line with the reason', () => {
  const zipWith = (part: string) => Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(26), Buffer.from(part), Buffer.alloc(64)]);
  const cfbWith = (stream: string) => Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504), Buffer.from(stream, 'utf16le'), Buffer.alloc(64)]);

  test.each([
    ['scan.pdf', bytes('scan.pdf'), 'scanned', 'PDF 没有文字层（扫描件，1 页只有图像），无法读取文字，请先做文字识别（OCR） / scanned PDF without a text layer'],
    ['encrypted.pdf', bytes('encrypted.pdf'), 'encrypted', 'PDF 文件已加密，需要密码才能打开，无法读取 / encrypted PDF'],
    ['cut.pdf', bytes('report.pdf').subarray(0, 3000), 'damaged', null],
    ['cut.docx', bytes('report.docx').subarray(0, 3000), 'damaged', null],
    ['table.xlsx', zipWith('xl/workbook.xml'), 'unsupported_format', '无法读取的文件格式：Excel 表格（.xlsx）；可读取 PDF、Word（.docx/.doc）、网页（.htm/.html）和文本文件 / unsupported format'],
    ['table.xls', cfbWith('Workbook'), 'unsupported_format', '无法读取的文件格式：Excel 表格（.xls）；可读取 PDF、Word（.docx/.doc）、网页（.htm/.html）和文本文件 / unsupported format'],
    ['report.ofd', zipWith('OFD.xml'), 'unsupported_format', '无法读取的文件格式：OFD 版式文件（请另存为 PDF）；可读取 PDF、Word（.docx/.doc）、网页（.htm/.html）和文本文件 / unsupported format'],
    ['files.zip', zipWith('report.txt'), 'unsupported_format', '无法读取的文件格式：ZIP 压缩文件（请先解压）；可读取 PDF、Word（.docx/.doc）、网页（.htm/.html）和文本文件 / unsupported format'],
    ['locked.docx', cfbWith('EncryptedPackage'), 'encrypted', 'Office 文档已加密，需要密码才能打开，无法读取 / encrypted Office document'],
    ['photo.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), 'binary', null],
  ])('%s → %s', async (name, buf, code, message) => {
    const r = await processReportFile(name, buf);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe(code);
    if (message) expect(r.error.message).toBe(message);
    expect(r.error.message).not.toContain('\n');
  });

  test('a damaged PDF says so, with pdf.js\'s reason on the same line', async () => {
    const r = await processReportFile('cut.pdf', bytes('report.pdf').subarray(0, 3000));
    expect(r.ok || r.error.message).toMatch(/^PDF 文件(已损坏或不完整，无法读取|无法读取)（.+） \/ (damaged|unreadable) PDF$/u);
  });
});

describe('ingest of a folder of PDF and Word files, bad ones among them', () => {
  let dir: string;
  let one: IngestSummary;
  let pooled: IngestSummary;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gongkai-documents-'));
    const reports = join(dir, 'reports');
    mkdirSync(reports);
    for (const f of ['report.pdf', 'report.docx', 'scan.pdf', 'encrypted.pdf']) writeFileSync(join(reports, f), bytes(f));
    writeFileSync(join(reports, 'stats.xls'), Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.from('Workbook', 'utf16le')]));
    writeFileSync(join(reports, 'logo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    one = await ingestPaths([reports], { db: join(dir, 'one.db') });
    pooled = await ingestPaths([reports], { db: join(dir, 'pool.db'), workers: 1 });
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test.each([
    ['in this thread', () => one],
    ['on the worker pool', () => pooled],
  ])('%s: the readable ones are ingested, each bad one is one failure, images are not candidates', (_how, summary) => {
    const s = summary();
    const outcome = Object.fromEntries(s.files.map((e) => [e.file.split('/').pop(), e.status === 'failed' ? e.code : e.status === 'ingested' ? `ingested ${e.figures}` : e.status]));
    expect(outcome).toEqual({
      'report.pdf': 'ingested 202',
      'report.docx': 'ingested 202',
      'scan.pdf': 'scanned',
      'encrypted.pdf': 'encrypted',
      'stats.xls': 'unsupported_format',
    });
    expect(s.totals.reports).toBe(2);
  });
});
