/**
 * The web pages, as one fastify plugin on the API's server: server-rendered HTML (no script at all, so
 * every page works without JavaScript), our one stylesheet, charts as SVG images, and every table also as
 * .csv / .json (or ?format=). Headers on everything it serves: a CSP that allows no script and no inline
 * style, nosniff, no framing.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AskFn } from '../query/answer.ts';
import type { Browser } from '../query/index.ts';
import { MAX_QUESTION_CHARS } from '../bot/schemas.ts';
import { codeForFastifyError, ERRORS } from '../bot/errors.ts';
import { agenciesBody, AgenciesQuerySchema, agenciesTable, agencyBody, agencyChart, historyTable, PAGE_SIZE } from './agencies.ts';
import { checkBody, MAX_UPLOAD_BYTES, uploadedFile } from './check.ts';
import { compareBody, compareChart, CompareQuerySchema, compareTable } from './compare.ts';
import type { WebContext } from './context.ts';
import { FormatSchema, sendTable, type Table } from './export.ts';
import { homeBody, MAX_CONTEXT_CHARS } from './home.ts';
import { html, type Html } from './html.ts';
import { page } from './layout.ts';
import { reportBody, reportTable } from './report.ts';
import { createReportTexts, displayName } from './report-text.ts';
import { storedFileCandidates } from '../bot/public-paths.ts';
import { MAX_EXPORTED, reviewBody, reviewData, ReviewQuerySchema, reviewTable } from './review.ts';
import { FAVICON_SVG, STYLE_CSS } from './style.ts';
import { Lru } from '../query/lookup/lru.ts';

export interface WebOptions {
  ask: AskFn;
  browser: Browser;
  counts(): { reports: number; agencies: number; figures: number };
  /** The configured reports folder: file names are shown relative to it. */
  reportsDir: string;
  clock?: () => number;
  /** The index generation (src/bot/live-index.ts): drawn charts are kept per generation. */
  generation?: () => number;
}

export const PAGE_CSP = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
/** ECharts' SVG carries its own style attributes and a <style>; as an image it can run nothing. */
export const SVG_CSP = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'";

const HTML_TYPE = 'text/html; charset=utf-8';
/** Charts kept (≈ 5–10 KB of SVG each). */
const CHART_CACHE_SIZE = 512;

/** A browser asking for a page (not the API, not a script): unknown addresses get a page, not JSON. */
export function wantsPage(req: FastifyRequest): boolean {
  return req.method === 'GET' && !req.url.startsWith('/api/') && (req.headers.accept ?? '').includes('text/html');
}

/** The 404 page for addresses outside the plugin (sent from the server's not-found handler, so with our headers here). */
export function notFoundPage(reply: FastifyReply) {
  return reply
    .code(404)
    .type(HTML_TYPE)
    .header('content-security-policy', PAGE_CSP)
    .header('x-content-type-options', 'nosniff')
    .header('x-frame-options', 'DENY')
    .send(page('找不到', html`<h1>没有这个页面</h1><p><a href="/">回到首页</a> · <a href="/agencies">单位</a> · <a href="/review">报告审核</a></p>`));
}

/** ".csv" / ".json" on the last path segment, or ?format=. */
function formatOf(req: FastifyRequest, suffix?: string): 'html' | 'csv' | 'json' | null {
  const fromSuffix = suffix === 'csv' || suffix === 'json' ? suffix : undefined;
  const parsed = FormatSchema.safeParse((req.query as { format?: unknown }).format || undefined);
  if (!parsed.success) return null;
  return fromSuffix ?? parsed.data;
}

export async function webPlugin(app: FastifyInstance, options: WebOptions): Promise<void> {
  const clock = options.clock ?? Date.now;
  const web: WebContext = {
    ask: options.ask,
    browser: options.browser,
    counts: options.counts,
    displayName: (file) => displayName(file, options.reportsDir),
    reportIdOf: (file) => options.browser.reportIdByFile(file, storedFileCandidates(file, options.reportsDir)),
    reportText: createReportTexts(options.reportsDir),
    today: () => new Date(clock()),
  };

  // A chart drawn once (ECharts SSR, ≈ 20–150 ms) is kept by what it shows and the index generation it
  // was drawn from: a re-ingested index draws it again.
  const charts = new Lru<string, string>(CHART_CACHE_SIZE);
  const generation = options.generation ?? (() => 0);
  const sendSvg = (reply: FastifyReply, key: string, draw: () => string) =>
    reply.type('image/svg+xml; charset=utf-8').header('content-security-policy', SVG_CSP).header('cache-control', 'private, max-age=60').send(charts.getOr(`${generation()}|${key}`, draw));

  app.addHook('onSend', async (_req, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('x-frame-options', 'DENY');
    reply.header('referrer-policy', 'same-origin');
    if (!reply.hasHeader('content-security-policy')) reply.header('content-security-policy', PAGE_CSP);
    return payload;
  });

  const sendPage = (reply: FastifyReply, title: string, body: Html, status = 200) => reply.code(status).type(HTML_TYPE).send(page(title, body));
  const notFound = (reply: FastifyReply, what: string) => sendPage(reply, '找不到', html`<h1>找不到${what}</h1><p><a href="/">回到首页</a></p>`, 404);
  const badRequest = (reply: FastifyReply, message: string) => sendPage(reply, '请求有误', html`<h1>请求有误</h1><p class="error">${message}</p>`, 400);
  /** A page whose table may be asked for as CSV or JSON instead. */
  const tablePage = (reply: FastifyReply, format: 'html' | 'csv' | 'json', table: () => Table, title: string, body: () => Html) =>
    format === 'html' ? sendPage(reply, title, body()) : sendTable(reply, table(), format);
  const badFormat = (reply: FastifyReply) => badRequest(reply, 'format 只能是 csv 或 json');

  // Pages answer their errors as pages (the API keeps its JSON errors): an upload over the limit says so.
  app.setErrorHandler((err: Error & { code?: string; statusCode?: number }, req, reply) => {
    const code = codeForFastifyError(err);
    if (ERRORS[code].status >= 500) req.log.error({ err }, 'page failed');
    const message = code === 'PAYLOAD_TOO_LARGE' ? `文件太大（最多 ${MAX_UPLOAD_BYTES / 1024 / 1024} MB）` : ERRORS[code].message;
    return sendPage(reply, '出错了', html`<h1>出错了</h1><p class="error">${message}</p><p><a href="/">回到首页</a></p>`, ERRORS[code].status);
  });

  app.get('/assets/style.css', { schema: { hide: true } }, async (_req, reply) =>
    reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(STYLE_CSS),
  );

  app.get('/assets/favicon.svg', { schema: { hide: true } }, async (_req, reply) =>
    reply.type('image/svg+xml').header('cache-control', 'public, max-age=86400').header('content-security-policy', SVG_CSP).send(FAVICON_SVG),
  );

  const HomeQuery = z.object({
    q: z.string().optional(),
    agency: z.coerce.number().int().positive().optional().catch(undefined),
    ctx: z.string().max(MAX_CONTEXT_CHARS).optional().catch(undefined),
  });
  app.get('/', { schema: { hide: true } }, async (req, reply) => {
    const query = HomeQuery.safeParse(req.query);
    const q = (query.success ? query.data.q : '')?.trim() ?? '';
    if (q === '') return sendPage(reply, '问答', homeBody(web, '', null, null));
    if ([...q].length > MAX_QUESTION_CHARS) return sendPage(reply, '问答', homeBody(web, q.slice(0, MAX_QUESTION_CHARS), null, `问题太长了（最多 ${MAX_QUESTION_CHARS} 个字），请问得简短些。`), 400);
    let previous: unknown;
    try {
      previous = query.success && query.data.ctx ? JSON.parse(query.data.ctx) : undefined;
    } catch {
      previous = undefined;
    }
    const started = performance.now();
    const answer = web.ask(q, { agencyId: query.success ? query.data.agency : undefined, previous, today: web.today() });
    app.gongkai?.logQuestion({ channel: 'web', status: answer.status, latencyMs: performance.now() - started, question: q, private: false });
    return sendPage(reply, q, homeBody(web, q, answer, null));
  });

  const reportParams = z.object({ id: z.string().regex(/^\d{1,12}(\.(csv|json))?$/) });
  app.get('/reports/:id', { schema: { hide: true } }, async (req, reply) => {
    const p = reportParams.safeParse(req.params);
    if (!p.success) return notFound(reply, '这份报告');
    const [id, suffix] = p.data.id.split('.');
    const report = web.browser.report(Number(id));
    if (!report) return notFound(reply, '这份报告');
    const format = formatOf(req, suffix);
    if (!format) return badFormat(reply);
    if (format !== 'html') return sendTable(reply, reportTable(report, web.browser.figures(report.id)), format);
    return sendPage(reply, report.title, await reportBody(web, report));
  });

  const agencies = async (req: FastifyRequest, reply: FastifyReply, suffix?: string) => {
    const f = AgenciesQuerySchema.safeParse(req.query);
    const format = formatOf(req, suffix);
    if (!f.success) return badRequest(reply, '筛选条件不正确');
    if (!format) return badFormat(reply);
    // Exports hold every agency that matches, not one page of them.
    const list = web.browser.agencies({ ...f.data, search: f.data.q, limit: format === 'html' ? PAGE_SIZE : MAX_EXPORTED, offset: format === 'html' ? (f.data.page - 1) * PAGE_SIZE : 0 });
    return tablePage(reply, format, () => agenciesTable(list.items), '单位', () => agenciesBody(web, f.data, list));
  };
  app.get('/agencies', { schema: { hide: true } }, (req, reply) => agencies(req, reply));
  app.get('/agencies.:format', { schema: { hide: true } }, (req, reply) => agencies(req, reply, (req.params as { format: string }).format));

  const agencyParams = z.object({ id: z.string().regex(/^\d{1,12}(\.(csv|json))?$/) });
  app.get('/agencies/:id', { schema: { hide: true } }, async (req, reply) => {
    const p = agencyParams.safeParse(req.params);
    if (!p.success) return notFound(reply, '这个单位');
    const [id, suffix] = p.data.id.split('.');
    const agency = web.browser.agency(Number(id));
    if (!agency) return notFound(reply, '这个单位');
    const format = formatOf(req, suffix);
    if (!format) return badFormat(reply);
    const history = web.browser.history(agency.id);
    return tablePage(reply, format, () => historyTable(agency, history), agency.name, () => agencyBody(web, agency, history));
  });
  app.get('/agencies/:id/chart.svg', { schema: { hide: true } }, async (req, reply) => {
    const id = Number((req.params as { id: string }).id);
    const agency = Number.isSafeInteger(id) ? web.browser.agency(id) : null;
    if (!agency) return reply.code(404).type('text/plain; charset=utf-8').send('找不到这个单位');
    return sendSvg(reply, `agency:${agency.id}`, () => agencyChart(agency, web.browser.history(agency.id)));
  });

  const compareInput = (req: FastifyRequest) => {
    const q = CompareQuerySchema.safeParse(req.query);
    if (!q.success) return null;
    const year = q.data.year ?? web.browser.years().at(-1) ?? new Date(clock()).getFullYear() - 1;
    return { ...q.data, year };
  };
  const compareRows = (q: NonNullable<ReturnType<typeof compareInput>>) => web.browser.compare(q.metric, q.year, { ids: q.ids, province: q.province, city: q.city });
  const compare = async (req: FastifyRequest, reply: FastifyReply, suffix?: string) => {
    const q = compareInput(req);
    const format = formatOf(req, suffix);
    if (!q) return badRequest(reply, '比较条件不正确（year 应为年份，ids 为单位编号，用逗号分隔）');
    if (!format) return badFormat(reply);
    const result = compareRows(q);
    return tablePage(reply, format, () => compareTable(q, result.rows), '排名与比较', () => compareBody(web, q, result));
  };
  app.get('/compare', { schema: { hide: true } }, (req, reply) => compare(req, reply));
  app.get('/compare.:format', { schema: { hide: true } }, (req, reply) => compare(req, reply, (req.params as { format: string }).format));
  app.get('/compare/chart.svg', { schema: { hide: true } }, async (req, reply) => {
    const q = compareInput(req);
    if (!q) return reply.code(400).type('text/plain; charset=utf-8').send('比较条件不正确');
    const key = `compare:${q.metric}|${q.year}|${q.ids.join(',')}|${q.province ?? ''}|${q.city ?? ''}`;
    return sendSvg(reply, key, () => compareChart(q, compareRows(q).rows));
  });

  const review = async (req: FastifyRequest, reply: FastifyReply, suffix?: string) => {
    const f = ReviewQuerySchema.safeParse(req.query);
    const format = formatOf(req, suffix);
    if (!f.success) return badRequest(reply, '筛选条件不正确');
    if (!format) return badFormat(reply);
    const data = reviewData(web, f.data, format === 'html' ? undefined : MAX_EXPORTED);
    return tablePage(reply, format, () => reviewTable(data), '报告审核', () => reviewBody(web, f.data, data));
  };
  app.get('/review', { schema: { hide: true } }, (req, reply) => review(req, reply));
  app.get('/review.:format', { schema: { hide: true } }, (req, reply) => review(req, reply, (req.params as { format: string }).format));

  // The upload: the raw body (size-limited below) is parsed by multipart.ts; nothing is written anywhere.
  app.addContentTypeParser('multipart/form-data', { parseAs: 'buffer', bodyLimit: MAX_UPLOAD_BYTES + 64 * 1024 }, (_req, body, done) => done(null, body));
  app.post('/review/check', { schema: { hide: true }, bodyLimit: MAX_UPLOAD_BYTES + 64 * 1024 }, async (req, reply) => {
    const upload = uploadedFile(req.body, req.headers['content-type']);
    if (upload.ok && upload.bytes.length > MAX_UPLOAD_BYTES) return badRequest(reply, `文件太大（最多 ${MAX_UPLOAD_BYTES / 1024 / 1024} MB）`);
    return sendPage(reply, '报告自查', await checkBody(upload), upload.ok ? 200 : 400);
  });
}
