/**
 * The pages over the seed index, through app.inject: exact figures in the exports, escaping of untrusted
 * text, the security headers, no server paths, the report page's anchors and cell marks, errors as pages.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { buildWebServer } from './helpers.ts';
import { SEED_DIR } from '../helpers/seed-index.ts';
import { MAX_UPLOAD_BYTES } from '../../src/web/check.ts';

let app: FastifyInstance;
const get = (url: string) => app.inject(url);
const ask = (q: string, extra = '') => get(`/?q=${encodeURIComponent(q)}${extra}`);

/** A multipart body as a browser's form sends it. */
function upload(name: string, bytes: Buffer) {
  const boundary = '----gongkaiTestBoundary7MA4YWxk';
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="report"; filename="${name}"\r\nContent-Type: text/plain\r\n\r\n`),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return app.inject({ method: 'POST', url: '/review/check', headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, payload: body });
}
const SEED_001 = readFileSync(join(SEED_DIR, '001_0057fa3dafb4cac1.txt'));
const FIXTURES = fileURLToPath(new URL('../fixtures/documents/', import.meta.url));

beforeAll(async () => {
  ({ app } = await buildWebServer());
});
afterAll(async () => app?.close());

describe('exports carry the index figures exactly', () => {
  test('/compare.csv: 2020 行政复议总计 ranked, with lines and cell kinds', async () => {
    const res = await get('/compare.csv?metric=review.total&year=2020');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="compare-review.total-2020.csv"');
    expect(res.body).toBe(
      '\ufeff名次,单位,行政复议总计,单位（计量）,单元格,行号,报告\r\n' +
        '1,温州市鹿城区人民政府,23,件,number,565,温州市鹿城区人民政府2020年政府信息公开工作年度报告\r\n' +
        '2,温州市政务服务中心,4,件,number,82,温州市政务服务中心2020年度政府信息公开工作年度报告\r\n' +
        '3,温州市经济和信息化局,0,件,number,156,温州市经济和信息化局2020年度政府信息公开工作年度报告\r\n' +
        '3,温州市统计局,0,件,dash,89,温州市统计局2020年政府信息公开工作年度报告\r\n',
    );
  });

  test('a place-wide ranking lists the agencies whose report gives the figure, and says how many do not', async () => {
    const rows = JSON.parse((await get('/compare.json?metric=proactive.weibo&year=2020')).body).rows;
    expect(rows.map((r: Record<string, unknown>) => [r.agency, r.value, r.line])).toEqual([
      ['温州市鹿城区人民政府', 1170, 55],
      ['温州市政务服务中心', 3, 23],
    ]);
    expect((await get('/compare?metric=proactive.weibo&year=2020')).body).toContain('另有 2 个单位的2020年报告未给出这项数字。');
    // Picked by id, a report without the figure is listed, last, as not given.
    const picked = JSON.parse((await get('/compare.json?metric=proactive.weibo&year=2020&ids=2,4')).body).rows;
    expect(picked.map((r: Record<string, unknown>) => [r.agency, r.value, r.cell])).toEqual([
      ['温州市政务服务中心', 3, 'number'],
      ['温州市统计局', null, 'missing'],
    ]);
  });

  test('/agencies/3.json and ?format=json: 鹿城区 2020 新收 208 (line 357), 复议 23 and 诉讼 18 (line 565)', async () => {
    const a = JSON.parse((await get('/agencies/3.json')).body);
    expect(a.rows).toEqual([
      {
        year: 2020,
        'requests.new': 208,
        'requests.new.line': 357,
        'review.total': 23,
        'review.total.line': 565,
        'litigation.total': 18,
        'litigation.total.line': 565,
        report: '温州市鹿城区人民政府2020年政府信息公开工作年度报告',
      },
    ]);
    expect((await get('/agencies/3?format=json')).body).toBe((await get('/agencies/3.json')).body);
  });

  test('/reports/2.json: the statistics bureau says 14 in prose (line 19) and 7 in its table (line 59)', async () => {
    const rows = JSON.parse((await get('/reports/2.json')).body).rows as Array<Record<string, unknown>>;
    const newRequests = rows.filter((r) => r.metric === 'requests.new' && (r.column === '总计' || r.origin === '正文'));
    expect(newRequests.map((r) => [r.line, r.value, r.origin])).toEqual([
      [59, 7, '表格'],
      [19, 14, '正文'],
    ]);
  });

  test('/review.json lists every warning with its kind and both lines; filters by year and place', async () => {
    const all = JSON.parse((await get('/review.json')).body).rows;
    expect(all).toEqual([
      { kind: '表格算术关系不符', code: 'identity.total_leaves', agency: '温州市统计局', year: 2020, report_id: 2, line: 81, line2: 61, message: '表三（七）总计 7（第81行）≠ 各项办理结果之和 3（第61–80行）；其他不符的列：自然人列 7≠3' },
      { kind: '正文与表格不符', code: 'prose_table_mismatch', agency: '温州市统计局', year: 2020, report_id: 2, line: 19, line2: 59, message: '报告正文称本年新收申请14件（第19行），表格为7件（第59行）' },
    ]);
    expect(JSON.parse((await get('/review.json?year=2018')).body).rows).toEqual([]);
    expect(JSON.parse((await get(`/review.json?province=${encodeURIComponent('江苏省')}`)).body).rows).toEqual([]);
    expect(JSON.parse((await get(`/review.json?city=${encodeURIComponent('温州市')}&year=2020`)).body).rows).toHaveLength(2);
  });

  test('/agencies filters: alias search, level, and the export has every match', async () => {
    const byAlias = JSON.parse((await get(`/agencies.json?q=${encodeURIComponent('鹿城')}`)).body).rows;
    expect(byAlias.map((r: { name: string }) => r.name)).toEqual(['温州市鹿城区人民政府']);
    const county = JSON.parse((await get('/agencies.json?level=county')).body).rows;
    expect(county.map((r: { name: string; level: string }) => [r.name, r.level])).toEqual([['温州市鹿城区人民政府', '县级']]);
    const city = JSON.parse((await get(`/agencies.json?level=city&city=${encodeURIComponent('温州市')}`)).body).rows;
    expect(city.map((r: { id: number }) => r.id)).toEqual([5, 4, 1, 2]);
    // A LIKE wildcard typed by a user is a character, not "anything".
    expect(JSON.parse((await get('/agencies.json?q=%25')).body).rows).toEqual([]);
  });

  test('a CSV cell a spreadsheet would run as a formula is quoted out', async () => {
    const { toCsv } = await import('../../src/web/export.ts');
    expect(toCsv({ name: 't', columns: [{ key: 'a', label: 'A' }], rows: [{ a: '=HYPERLINK("x")' }, { a: -3 }, { a: 'a,b' }] })).toBe('\ufeffA\r\n"\'=HYPERLINK(""x"")"\r\n-3\r\n"a,b"\r\n');
  });
});

describe('pages', () => {
  test('/ asks: the figure, its citation linked to the report line; clarify candidates ask again with the agency', async () => {
    const res = await ask('鹿城区2020年行政复议多少件');
    expect(res.body).toContain('<div class="figure cell-number" data-metric="review.total">23 件</div>');
    expect(res.body).toContain('<a href="/reports/3#L565">《温州市鹿城区人民政府2020年政府信息公开工作年度报告》四、政府信息公开行政复议、行政诉讼情况，第565行</a>');
    const clarify = await ask('2020年行政复议多少件');
    expect(clarify.body).toContain(`<a href="/?q=${encodeURIComponent('2020年行政复议多少件')}&amp;agency=3">温州市鹿城区人民政府</a>`);
    expect((await ask('2020年行政复议多少件', '&agency=3')).body).toContain('data-metric="review.total">23 件</div>');
  });

  test('a ranking answer links to its bar chart; the chart is an SVG with the agencies', async () => {
    const res = await ask('2020年哪个单位行政复议最多？');
    expect(res.body).toContain('<a href="/compare?metric=review.total&amp;year=2020&amp;ids=3%2C4%2C1%2C2">以柱状图比较这些单位 →</a>');
    const svg = await get('/compare/chart.svg?metric=review.total&year=2020&ids=3,4,1,2');
    expect(svg.headers['content-type']).toBe('image/svg+xml; charset=utf-8');
    expect(svg.body).toMatch(/^<svg /);
    expect(svg.body).toContain('温州市鹿城区人民政府');
  });

  test('the report page: every line anchored, the cited ones marked, cells marked by kind, warnings link both lines', async () => {
    const body = (await get('/reports/2')).body;
    expect(body).toContain('<li id="L59" class="cited"><a class="ln" href="#L59">59</a><span>一、本年新收政府信息公开申请数量\t\t7\t—\t—\t—\t—\t—\t7\t</span></li>');
    expect(body).toContain('报告正文称本年新收申请14件（第19行），表格为7件（第59行）\n <a href="#L19">第19行</a> <a href="#L59">第59行</a>');
    const marks = [...body.matchAll(/data-cell="(\w+)"/g)].map((m) => m[1]);
    expect(new Set(marks)).toEqual(new Set(['number', 'dash']));
    expect(body).toContain('文件 001_0057fa3dafb4cac1.txt');
  });

  test('no server path on any page or export', async () => {
    const urls = ['/', '/reports/1', '/reports/2', '/reports/3', '/reports/3.json', '/agencies', '/agencies/3', '/compare', '/review', '/review.json'];
    for (const url of urls) {
      const body = (await get(url)).body;
      expect(body, url).not.toContain(process.cwd());
      expect(body, url).not.toContain(tmpdir());
      expect(body, url).not.toContain('data/reports/');
    }
  });

  test('the API names files relative to the reports folder too (/api/ask, /api/reports)', async () => {
    const answer = JSON.parse((await get(`/api/ask?q=${encodeURIComponent('鹿城区2020年复议和诉讼各多少')}`)).body);
    expect(answer.results.map((r: { source: { file: string } }) => r.source.file)).toEqual(['002_ebc6c56e4ff49493.txt', '002_ebc6c56e4ff49493.txt']);
    expect(answer.results[1].sources.map((s: { file: string }) => s.file)).toEqual(['002_ebc6c56e4ff49493.txt', '002_ebc6c56e4ff49493.txt']);
    const reports = JSON.parse((await get('/api/reports')).body).items.map((r: { file: string }) => r.file);
    expect(reports.sort()).toEqual(['000_3035c731dff6020a.txt', '001_0057fa3dafb4cac1.txt', '002_ebc6c56e4ff49493.txt', '003_9ca5b3fc5e07fc94.txt', '004_8d900a062941073b.txt']);
  });

  test('publicFileName: relative to the folder however it is spelled, the base name outside it', async () => {
    const { publicFileName } = await import('../../src/bot/public-paths.ts');
    expect(publicFileName('/srv/gongkai/reports/2020/a.txt', '/srv/gongkai/reports')).toBe('2020/a.txt');
    expect(publicFileName('data/reports/a.txt', './data/reports/')).toBe('a.txt');
    expect(publicFileName('/home/x/elsewhere/b.html', '/srv/gongkai/reports')).toBe('b.html');
  });

  test('errors are pages: unknown report 404, bad format 400, unknown metric said', async () => {
    const missing = await get('/reports/999');
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(missing.body).toContain('找不到这份报告');
    expect((await get('/reports/x1')).statusCode).toBe(404);
    expect((await get('/reports/3?format=xml')).statusCode).toBe(400);
    expect((await get('/compare?metric=nope&year=2020')).body).toContain('没有“nope”这项数字');
    expect((await get('/compare?year=abc')).statusCode).toBe(400);
    expect((await ask('问'.repeat(501))).statusCode).toBe(400);
  });

  test('an unknown address: a page for a browser, the JSON error for the API and scripts', async () => {
    const page = await app.inject({ url: '/nope', headers: { accept: 'text/html,application/xhtml+xml' } });
    expect(page.statusCode).toBe(404);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    expect(page.body).toContain('<h1>没有这个页面</h1>');
    expect(JSON.parse((await get('/nope')).body)).toEqual({ error: { code: 'NOT_FOUND', message: '没有这个地址' } });
    expect(JSON.parse((await app.inject({ url: '/api/nope', headers: { accept: 'text/html' } })).body).error.code).toBe('NOT_FOUND');
  });
});

describe('untrusted text is escaped', () => {
  test('a question with markup comes back as text, in the box and in the answer', async () => {
    const body = (await ask('<script>alert("x")</script>鹿城区')).body;
    expect(body).not.toContain('<script');
    expect(body).toContain('value="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;鹿城区"');
  });

  test('a draft whose lines hold markup is shown as text (the same line renderer as the report page)', async () => {
    const evil = Buffer.from(SEED_001.toString('utf8').replace('（二）回应社会关切', '<img src=x onerror=alert(1)>"\'（二）回应社会关切'));
    const res = await upload('draft<b>.txt', evil);
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('<img src=x');
    expect(res.body).not.toContain('<b>');
    expect(res.body).toContain('&lt;img src=x onerror=alert(1)&gt;&quot;&#39;（二）回应社会关切');
    expect(res.body).toContain('<h1>报告自查：draft&lt;b&gt;.txt</h1>');
  });
});

describe('security headers', () => {
  test('pages: a CSP with no script and no inline style, nosniff, no framing', async () => {
    for (const url of ['/', '/reports/3', '/agencies', '/review', '/reports/999']) {
      const res = await get(url);
      expect(res.headers['content-security-policy'], url).toBe("default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'");
      expect(res.headers['x-content-type-options'], url).toBe('nosniff');
      expect(res.headers['x-frame-options'], url).toBe('DENY');
      expect(res.body, url).not.toMatch(/<script|\sstyle=|\son\w+=/i);
    }
  });

  test('charts: an SVG may style itself but can run nothing', async () => {
    const res = await get('/agencies/3/chart.svg');
    expect(res.headers['content-security-policy']).toBe("default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'");
    expect(res.body).not.toMatch(/<script|\son\w+=/i);
  });
});

describe('draft upload', () => {
  test('the check of a draft: its warnings (14 vs 7) with links to the draft\'s lines, nothing indexed', async () => {
    const res = await upload('001_0057fa3dafb4cac1.txt', SEED_001);
    expect(res.body).toContain('<h2>发现的问题（2）</h2>');
    expect(res.body).toContain('报告正文称本年新收申请14件（第19行），表格为7件（第59行）\n <a href="#L19">第19行</a> <a href="#L59">第59行</a>');
    expect(JSON.parse((await get('/healthz')).body).index.reports).toBe(5);
  });

  test.each([
    ['report.pdf', '福州市鼓楼区人民政府 · 2023年 · 格式 2021', '读出 202 个数字'],
    ['report.docx', '福州市鼓楼区人民政府 · 2023年 · 格式 2021', '读出 202 个数字'],
    ['scan.pdf', '无法读取为年度报告：PDF 没有文字层（扫描件，1 页只有图像）', ''],
  ])('a draft as published (%s) is checked as ingest reads it', async (name, said, figures) => {
    const res = await upload(name, readFileSync(join(FIXTURES, name)));
    expect(res.body).toContain(said);
    expect(res.body).toContain(figures);
  });

  test('a draft larger than the API\'s 16 KB body limit is accepted (the upload has its own limit)', async () => {
    const bytes = readFileSync(join(SEED_DIR, '002_ebc6c56e4ff49493.txt'));
    const padded = Buffer.concat([bytes, Buffer.from('\n'.repeat(20 * 1024))]);
    const res = await upload('002.txt', padded);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('温州市鹿城区人民政府 · 2020年 · 格式 2019');
  });

  test('a follow-up carries the previous question in the form: 那诉讼呢？ after 鹿城区2020年行政复议', async () => {
    const first = (await ask('鹿城区2020年行政复议多少件')).body;
    const ctx = /name="ctx" value="([^"]*)"/.exec(first)![1]!.replace(/&quot;/g, '"');
    const body = (await ask('那诉讼呢？', `&ctx=${encodeURIComponent(ctx)}`)).body;
    expect(body).toContain('<div class="figure cell-computed" data-metric="litigation.total">18 件</div>');
    expect(body).toContain('<div class="formula">计算：直接起诉总计 13 + 复议后起诉总计 5 = 18</div>');
    // Garbage context is ignored, not an error.
    expect((await ask('那诉讼呢？', '&ctx=%7Bnope')).statusCode).toBe(200);
  });

  test('too large, empty, not multipart, not a report: a page saying why', async () => {
    const big = await upload('big.txt', Buffer.alloc(MAX_UPLOAD_BYTES + 128 * 1024, 0x41));
    expect(big.statusCode).toBe(413);
    expect(big.body).toContain('文件太大（最多 5 MB）');
    const empty = await upload('empty.txt', Buffer.alloc(0));
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('文件 empty.txt 是空的。');
    const form = await app.inject({ method: 'POST', url: '/review/check', headers: { 'content-type': 'text/plain' }, payload: 'x' });
    expect(form.statusCode).toBe(400);
    expect(form.body).toContain('请用页面上的表单上传文件（multipart/form-data）。');
    const notReport = await upload('notes.txt', Buffer.from('hello\nworld\n'));
    expect(notReport.body).toContain('无法读取为年度报告：不是政府信息公开工作年度报告');
  });
});
