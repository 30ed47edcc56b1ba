import { afterEach, describe, expect, test } from 'vitest';
import type { InjectOptions } from 'fastify';
import { AnswerSchema } from '../../src/query/answer.ts';
import { build } from './helpers.ts';
import { LUCHENG_FILE, LUCHENG_Q, SECRETS } from './fakes.ts';

type Built = Awaited<ReturnType<typeof build>>;
let current: Built | null = null;
async function server(env: Record<string, string> = {}) {
  current = await build(env);
  return current;
}
afterEach(async () => {
  await current?.app.close();
  current = null;
});

describe('JSON API', () => {
  test('POST /api/ask answers with the figure and its source line', async () => {
    const { app } = await server();
    const res = await app.inject({ method: 'POST', url: '/api/ask', payload: { question: LUCHENG_Q } });
    expect(res.statusCode).toBe(200);
    const answer = AnswerSchema.parse(res.json());
    expect(answer.results[0].value).toBe(23);
    expect(answer.results[0].source).toMatchObject({ file: LUCHENG_FILE, line: 565 });
  });

  test('GET /api/ask?q= answers the same', async () => {
    const { app } = await server();
    const res = await app.inject({ method: 'GET', url: `/api/ask?q=${encodeURIComponent(LUCHENG_Q)}` });
    expect(res.statusCode).toBe(200);
    expect(res.json().results[0].value).toBe(23);
  });

  test('agencyId answers a clarify answer for the chosen agency', async () => {
    const { app } = await server();
    const clarify = await app.inject({ method: 'POST', url: '/api/ask', payload: { question: '统计局行政复议多少件' } });
    expect(clarify.json()).toMatchObject({ status: 'clarify', candidates: [{ id: 2, name: '温州市统计局' }, { id: 9 }] });
    const picked = await app.inject({ method: 'POST', url: '/api/ask', payload: { question: '统计局行政复议多少件', agencyId: 2 } });
    expect(picked.json().results[0]).toMatchObject({ agency: '温州市统计局', value: 0 });
  });

  test.each([
    ['malformed JSON', { method: 'POST', url: '/api/ask', headers: { 'content-type': 'application/json' }, payload: '{"question": ' }, 400, 'INVALID_JSON'],
    ['empty JSON body', { method: 'POST', url: '/api/ask', headers: { 'content-type': 'application/json' }, payload: '' }, 400, 'INVALID_JSON'],
    ['missing question', { method: 'POST', url: '/api/ask', payload: { q: 'x' } }, 400, 'MISSING_QUESTION'],
    ['blank question', { method: 'POST', url: '/api/ask', payload: { question: '   ' } }, 400, 'MISSING_QUESTION'],
    ['question of wrong type', { method: 'POST', url: '/api/ask', payload: { question: 5 } }, 400, 'MISSING_QUESTION'],
    ['bad agencyId', { method: 'POST', url: '/api/ask', payload: { question: LUCHENG_Q, agencyId: 'x' } }, 400, 'BAD_REQUEST'],
    ['too long question', { method: 'POST', url: '/api/ask', payload: { question: '问'.repeat(501) } }, 400, 'QUESTION_TOO_LONG'],
    ['GET without q', { method: 'GET', url: '/api/ask' }, 400, 'MISSING_QUESTION'],
    ['oversized body', { method: 'POST', url: '/api/ask', payload: { question: 'x'.repeat(17 * 1024) } }, 413, 'PAYLOAD_TOO_LARGE'],
    ['unsupported media type', { method: 'POST', url: '/api/ask', headers: { 'content-type': 'application/xml' }, payload: '<q/>' }, 415, 'UNSUPPORTED_MEDIA_TYPE'],
    ['unknown route', { method: 'GET', url: '/nope' }, 404, 'NOT_FOUND'],
    ['bad page', { method: 'GET', url: '/api/reports?limit=0' }, 400, 'BAD_REQUEST'],
    ['engine failure', { method: 'POST', url: '/api/ask', payload: { question: 'boom' } }, 500, 'INTERNAL'],
  ] as const)('%s → %i %s', async (_name, request, status, code) => {
    const { app } = await server();
    const res = await app.inject(request as InjectOptions);
    expect(res.statusCode).toBe(status);
    expect(res.json().error.code).toBe(code);
    expect(res.json().error.message).toMatch(/\p{Script=Han}/u);
    // the server survives: the next request is answered
    const ok = await app.inject({ method: 'GET', url: `/api/ask?q=${encodeURIComponent(LUCHENG_Q)}` });
    expect(ok.statusCode).toBe(200);
  });

  test('rate limit per client → 429 RATE_LIMITED', async () => {
    const { app } = await server({ RATE_LIMIT_MAX: '3' });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await app.inject({ method: 'GET', url: `/api/ask?q=${encodeURIComponent(LUCHENG_Q)}` })).statusCode);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const res = await app.inject({ method: 'GET', url: '/api/reports' });
    expect(res.statusCode).toBe(429);
    expect(res.json().error.code).toBe('RATE_LIMITED');
    // another client is not limited
    const other = await app.inject({ method: 'GET', url: '/api/reports', remoteAddress: '10.0.0.9' });
    expect(other.statusCode).toBe(200);
    // healthz stays reachable for the load balancer
    expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
  });

  test('GET /api/reports and /api/agencies list the index, paged', async () => {
    const { app } = await server();
    const reports = await app.inject({ method: 'GET', url: '/api/reports' });
    expect(reports.json()).toMatchObject({ total: 1, items: [{ agency: '温州市鹿城区人民政府', year: 2020, file: LUCHENG_FILE }] });
    const agencies = await app.inject({ method: 'GET', url: '/api/agencies?limit=1&offset=1' });
    expect(agencies.json()).toEqual({ total: 2, items: [{ id: 2, name: '温州市统计局', province: '浙江省', city: '温州市', county: null, years: [2020] }] });
  });

  test('GET /healthz reports the index counts, store and channels', async () => {
    const { app } = await server();
    const res = await app.inject({ method: 'GET', url: '/healthz' });
    expect(res.json()).toEqual({
      status: 'ok',
      index: { loaded: true, reports: 5, figures: 321, agencies: 5 },
      store: 'memory',
      channels: ['api', 'dingtalk', 'feishu', 'wecom', 'slack', 'mattermost'],
    });
  });

  test('OpenAPI document at /docs/json is generated from the zod schemas', async () => {
    const { app } = await server();
    const doc = (await app.inject({ method: 'GET', url: '/docs/json' })).json();
    expect(doc.openapi).toMatch(/^3\./);
    const post = doc.paths['/api/ask'].post;
    expect(post.requestBody.content['application/json'].schema.required).toEqual(['question']);
    const answer = post.responses['200'].content['application/json'].schema;
    expect(answer.properties.status.enum).toEqual(['answered', 'clarify', 'not_found', 'unsupported']);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/ask', '/api/reports', '/api/agencies', '/healthz']));
    expect(Object.keys(doc.paths)).not.toContain('/webhooks/slack');
    expect((await app.inject({ method: 'GET', url: '/docs' })).statusCode).toBeLessThan(400);
  });

  test('one log line per question: channel, status, latency — no question text and no secrets', async () => {
    const { app, lines } = await server();
    await app.inject({ method: 'POST', url: '/api/ask', payload: { question: LUCHENG_Q } });
    const questionLines = lines.map((l) => JSON.parse(l)).filter((l) => l.msg === 'question');
    expect(questionLines).toHaveLength(1);
    expect(questionLines[0]).toMatchObject({ channel: 'api', status: 'answered' });
    expect(typeof questionLines[0].latencyMs).toBe('number');
    const all = lines.join('\n');
    expect(all).not.toContain('鹿城区2020');
    for (const secret of Object.values(SECRETS)) expect(all).not.toContain(secret);
  });

  test('at debug level the question text is logged', async () => {
    const { app, lines } = await server({ LOG_LEVEL: 'debug' });
    await app.inject({ method: 'POST', url: '/api/ask', payload: { question: LUCHENG_Q } });
    expect(lines.join('\n')).toContain(LUCHENG_Q);
  });
});
