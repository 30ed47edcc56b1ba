/**
 * HTML as CMS pages and Word exports publish it (test/fixtures/html/minified-word-2021.html, an invented
 * report): the whole body on one source line, a table 三 whose data rows span their labels over three
 * columns under a two-column header block, a blank 总计 and a blank first column, Word's conditional
 * comments around list numbers, and labels and numbers split across <span>s.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { processFile } from '../../src/ingest/process-file.ts';
import { ingestPaths } from '../../src/ingest/ingest.ts';
import { htmlToLines, stripConditionalComments } from '../../src/ingest/text/html.ts';
import { openIndex } from '../../src/store/open.ts';
import { createAsker } from '../../src/query/index.ts';
import type { Figure, ParsedReport } from '../../src/ingest/model.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PATH = 'test/fixtures/html/minified-word-2021.html';
const HTML = readFileSync(ROOT + PATH, 'utf8');
const SOURCE = HTML.split('\n');
const BODY_LINE = 8;

function parse(): ParsedReport {
  const r = processFile(PATH, readFileSync(ROOT + PATH));
  if (!r.ok) throw new Error(r.error.message);
  return r.report;
}
const report = parse();
const fig = (metric: string, applicant: string | null = null): Figure => {
  const f = report.figures.find((x) => x.metric === metric && x.applicant === applicant && x.origin === 'table');
  if (!f) throw new Error(`no ${metric}/${applicant}`);
  return f;
};
const row = (metric: string) =>
  ['natural', 'commercial', 'research', 'nonprofit', 'legal', 'other', 'total'].map((a) => {
    const f = fig(metric, a);
    return f.cell === 'number' ? f.value : f.cell;
  });

describe('a minified page: every element cites its own place in the one source line', () => {
  test('identity, format and no warnings', () => {
    expect([report.agency.name, report.year, report.format, report.published]).toEqual(['永嘉县农业农村局', 2022, '2021', '2023-01-18']);
    expect(report.warnings).toEqual([]);
  });

  test('each table row cites line 8 and the column of its own <tr>, and quotes that row', () => {
    const rows = ['requests.new', 'requests.carried_over', 'requests.result.disclosed', 'requests.carried_forward'].map((m) => fig(m, 'total').source);
    for (const s of rows) {
      expect(s.line).toBe(BODY_LINE);
      expect(SOURCE[BODY_LINE - 1].slice(s.column! - 1, s.column! + 3)).toBe('<tr>');
    }
    const columns = rows.map((s) => s.column!);
    expect([...columns].sort((a, b) => a - b)).toEqual(columns);
    expect(new Set(columns).size).toBe(4);
    expect(fig('requests.new', 'total').source.quote).toBe('一、本年新收政府信息公开申请数量\t27\t3\t0\t0\t1\t0\t31');
  });

  test('prose figures cite the column of their paragraph', () => {
    const p = report.figures.find((f) => f.origin === 'prose' && f.metric === 'proactive.total')!;
    expect(p.value).toBe(217); // "2" + "17" in two <span>s
    expect(p.source.line).toBe(BODY_LINE);
    expect(SOURCE[BODY_LINE - 1].slice(p.source.column! - 1).startsWith('<p class="MsoNormal"')).toBe(true);
    expect(p.source.quote).toBe('2022年，我局主动公开政府信息217条，收到政府信息公开申请31件。');
  });

  test('a warning names the element’s column too', () => {
    // The same page with 一、本年新收's 总计 misprinted (31 → 32): the row sum no longer holds.
    const row = HTML.indexOf('一、本年新收');
    const at = HTML.indexOf('>31<', row);
    const bad = Buffer.from(HTML.slice(0, at) + '>32<' + HTML.slice(at + 4));
    const r = processFile(PATH, bad);
    if (!r.ok) throw new Error(r.error.message);
    const col = r.report.figures.find((f) => f.metric === 'requests.new' && f.applicant === 'total')!.source.column;
    const w = r.report.warnings.find((x) => x.code === 'identity.row_sum')!;
    expect(w.message).toBe(`表三“本年新收政府信息公开申请数量”行：总计 32（第8行第${col}字起）≠ 各申请人之和 31（27+3+0+0+1+0）`);
  });

  test('a page whose lines each hold one element gets no columns', () => {
    const plain = htmlToLines('<html><body>\n<p>第一段</p>\n<p>第二段</p>\n</body></html>');
    expect(plain.sourceColumn).toEqual([null, null]);
    const packed = htmlToLines('<html><body><p>第一段</p><p>第二段</p></body></html>');
    expect(packed.sourceLine).toEqual([1, 1]);
    expect(packed.sourceColumn).toEqual([13, 23]);
  });
});

describe('tables aligned by their header', () => {
  test('data rows whose labels span three columns under a two-column header block are read in place', () => {
    expect(row('requests.new')).toEqual([27, 3, 0, 0, 1, 0, 31]);
    expect(row('requests.result.unavailable.not_held')).toEqual([9, 0, 0, 0, 0, 0, 9]);
    expect(row('requests.result.total')).toEqual([26, 3, 0, 0, 0, 0, 29]);
    expect(row('requests.carried_forward')).toEqual([3, 0, 0, 0, 1, 0, 4]);
  });

  test('a blank first column stays blank in its own column (not the next value shifted into it)', () => {
    expect(row('requests.result.partial')).toEqual(['blank', 2, 0, 0, 0, 0, 2]);
    expect([fig('normative_docs.issued').cell, fig('normative_docs.repealed').value, fig('normative_docs.in_force').value]).toEqual(['blank', 1, 38]);
  });

  test('a blank 总计 whose row is printed is computed, marked computed and cites the row', () => {
    const total = fig('requests.result.disclosed', 'total');
    expect([total.cell, total.value, total.computed, total.raw]).toEqual(['number', 13, true, '']);
    expect(total.source.quote).toBe('三、本年度办理结果\t（一）予以公开\t12\t1\t0\t0\t0\t0\t');
    expect(fig('requests.result.disclosed', 'natural').computed).toBe(false);
  });

  test('the aligned row as emitted: labels, then one cell per value column', () => {
    const lines = htmlToLines(HTML).lines;
    expect(lines).toContain('（二）部分公开（区分处理的，只计这一情形，不计其他情形）\t\t2\t0\t0\t0\t0\t2');
    expect(lines).toContain('（三）不予公开\t1.属于国家秘密\t0\t0\t0\t0\t0\t0\t0');
    expect(lines).toContain('行政许可\t149');
  });

  test('table 四 under a three-row header', () => {
    expect(['review', 'litigation.direct', 'litigation.after_review'].map((g) => fig(`${g}.total`).value)).toEqual([2, 1, 0]);
    expect(fig('review.pending').value).toBe(1);
  });
});

describe('Word export: split tags and conditional comments', () => {
  test('numbers split across <span>s are one number; labels split across <span>s are one label', () => {
    expect(fig('licensing.decisions').value).toBe(149); // "1" + "49"
    expect(fig('penalty.decisions').value).toBe(103); // "1" + "0" + "3"
    expect(fig('coercion.decisions').value).toBe(6); // label "行政" + "强制"
  });

  test('list numbers inside <!--[if !supportLists]--> and <![if !supportLists]> are part of their heading', () => {
    const sections = new Set(report.figures.map((f) => f.source.section));
    expect(sections).toContain('三、收到和处理政府信息公开申请情况');
    expect(sections).toContain('四、政府信息公开行政复议、行政诉讼情况');
  });

  test('markers that reach the text (escaped by an editor) are removed, what they wrap stays', () => {
    expect(stripConditionalComments('主动公开198条。<!--[if !supportLists]-->（三）<!--[endif]-->突出抓好')).toBe('主动公开198条。（三）突出抓好');
    expect(stripConditionalComments('<![if !supportLists]>一、<![endif]>总体情况')).toBe('一、总体情况');
    expect(htmlToLines('<p>&lt;!--[if !supportLists]--&gt;（四）&lt;!--[endif]--&gt;突出</p>').lines).toEqual(['（四）突出']);
  });

  test('digits in separate paragraphs or around <br> in one cell stay apart', () => {
    const t = htmlToLines('<table><tr><td>a</td><td><span>1</span>\n<span>49</span></td><td><p>1</p><p>49</p></td><td>1<br>49</td></tr></table>');
    expect(t.lines).toEqual(['a\t149\t1 49\t1 49']);
  });
});

describe('answers from the minified page', () => {
  let dir: string;
  let ask: ReturnType<typeof createAsker>;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gongkai-html-'));
    const db = join(dir, 'i.db');
    const s = await ingestPaths([ROOT + PATH], { db });
    expect(s.ingested).toBe(1);
    ask = createAsker(openIndex(db), { today: new Date('2026-06-01') });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('a computed blank 总计 says so and cites the row with its column', () => {
    const a = ask('永嘉县农业农村局2022年予以公开多少件');
    const col = fig('requests.result.disclosed', 'total').source.column;
    expect(a.text).toBe(
      '永嘉县农业农村局2022年予以公开：13 件（报告此格未填，按表内勾稽关系推算）。\n' +
        `来源：《永嘉县农业农村局2022年政府信息公开工作年度报告》三、收到和处理政府信息公开申请情况，第8行第${col}字起：“三、本年度办理结果\t（一）予以公开\t12\t1\t0\t0\t0\t0\t”`,
    );
    expect(a.results[0]).toMatchObject({ value: 13, cell: 'computed', source: { line: 8, column: col } });
  });

  test('a blank cell is 报告未填写', () => {
    expect(ask('永嘉县农业农村局2022年部分公开自然人多少件').text.split('\n')[0]).toBe('永嘉县农业农村局2022年部分公开（自然人）：报告未填写。');
  });
});
