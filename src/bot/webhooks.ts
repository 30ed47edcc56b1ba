/**
 * The office-chat routes: the shared half of every adapter. Bodies arrive raw (signatures are computed
 * over the exact bytes); a verified message id seen before is the platform's retry, acknowledged with 200
 * and not answered again; authentication failures are 401 with no body.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ChannelAdapter, HttpClient, WebhookReply, WebhookRequest } from './channels/channel.ts';
import type { Conversation } from './conversation.ts';
import type { SharedStore } from './state/store.ts';
import type { QuestionEvent } from './server.ts';

export interface WebhookDeps {
  store: SharedStore;
  conversation: Conversation;
  http: HttpClient;
  clock: () => number;
  background: (task: Promise<unknown>) => void;
}

function toWebhookRequest(req: FastifyRequest): WebhookRequest {
  const headers: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(req.headers)) headers[k.toLowerCase()] = Array.isArray(v) ? v[0] : v;
  const query: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries((req.query ?? {}) as Record<string, unknown>)) {
    query[k] = Array.isArray(v) ? String(v[0]) : typeof v === 'string' ? v : undefined;
  }
  return { method: req.method === 'GET' ? 'GET' : 'POST', headers, query, body: typeof req.body === 'string' ? req.body : '' };
}

export async function registerWebhooks(app: FastifyInstance, adapters: ChannelAdapter[], deps: WebhookDeps): Promise<void> {
  if (adapters.length === 0) return;
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'string' }, (_req, body, done) => done(null, body));

    for (const adapter of adapters) {
      scope.route({
        method: adapter.methods,
        url: adapter.path,
        schema: { hide: true },
        handler: async (req, reply) => {
          const send = (r: WebhookReply) => {
            reply.code(r.status);
            if (r.contentType) reply.type(r.contentType);
            return r.body === undefined ? reply.send() : reply.send(r.body);
          };
          let inbound;
          try {
            inbound = adapter.receive(toWebhookRequest(req), deps.clock());
          } catch (err) {
            req.log.warn({ err, channel: adapter.name }, 'webhook parse failed');
            inbound = { kind: 'reject' as const };
          }
          if (inbound.kind === 'reject') return reply.code(401).send();
          if (inbound.kind === 'reply') return send(inbound.reply);

          const message = inbound.message;
          // Verified above: a second delivery of the same event is the platform retrying, not an attack.
          if (await deps.store.seen(`${adapter.name}:${message.id}`, adapter.replayTtlMs)) return send(adapter.ack);

          const started = performance.now();
          const log = (status: QuestionEvent['status']) =>
            app.gongkai.logQuestion({ channel: adapter.name, status, latencyMs: performance.now() - started, question: message.question, private: message.private });
          let answer;
          try {
            answer = await deps.conversation.ask(`${adapter.name}:${message.chat}`, message.question);
          } catch (err) {
            log('error');
            throw err;
          }
          log(answer.status);
          return send(await adapter.respond(answer, message, { http: deps.http, now: deps.clock, background: deps.background }));
        },
      });
    }
  });
}
