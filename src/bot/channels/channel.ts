/**
 * The one shape of an office-chat adapter: verify the platform's signature and extract the question
 * (`receive`, pure: request + clock in, verdict out), then turn the Answer into the platform's reply
 * (`respond`). The webhook runner (webhooks.ts) does the shared parts once: raw body, replay memory,
 * follow-up context, logging and the 401 without detail.
 */
import type { Answer } from '../../query/answer.ts';

export interface WebhookRequest {
  method: 'GET' | 'POST';
  headers: Record<string, string | undefined>;
  query: Record<string, string | undefined>;
  /** The raw body as received (signatures are computed over it). */
  body: string;
}

export interface WebhookReply {
  status: number;
  contentType?: string;
  body?: string | object;
}

export interface InboundMessage {
  /** The platform's id of this message/event: a second delivery of it is refused. */
  id: string;
  /** Conversation key for follow-up context. */
  chat: string;
  question: string;
  /** Private chats' text is not logged unless at debug level. */
  private: boolean;
  /** Whatever respond() needs (message id to reply to, user to address …). */
  reply?: Record<string, string>;
}

export type Inbound =
  | { kind: 'reject' }
  /** Handshakes (url_verification, echostr) and events to acknowledge without answering. */
  | { kind: 'reply'; reply: WebhookReply }
  | { kind: 'message'; message: InboundMessage };

export interface HttpResponse {
  status: number;
  json: unknown;
}
/** Outgoing HTTP for channels that reply through an API (Feishu); a fake in tests. */
export type HttpClient = (url: string, init: { method: 'POST'; headers: Record<string, string>; body: string }) => Promise<HttpResponse>;

export interface RespondDeps {
  http: HttpClient;
  now: () => number;
  /** Work that outlives the HTTP response (API replies): tracked so shutdown waits and failures are logged. */
  background: (task: Promise<unknown>) => void;
}

export interface ChannelAdapter {
  name: string;
  path: string;
  methods: Array<'GET' | 'POST'>;
  /** How long message ids are remembered; at least 10 minutes and longer than the timestamp window. */
  replayTtlMs: number;
  /**
   * The reply to a verified event delivered again (Feishu and WeCom retry when our first response was
   * lost or late): 200 so the platform stops retrying, and no second answer.
   */
  ack: WebhookReply;
  receive(req: WebhookRequest, nowMs: number): Inbound;
  respond(answer: Answer, message: InboundMessage, deps: RespondDeps): Promise<WebhookReply>;
}

export const MIN_REPLAY_TTL_MS = 10 * 60_000;
export const replayTtl = (windowMs: number) => Math.max(MIN_REPLAY_TTL_MS, 2 * windowMs);

/**
 * Mention markup the platforms put into the text, by platform: Feishu's placeholders (@_user_1, @_all),
 * Slack's escaped user mentions (<@U123> or, with escaping on, <@U123|name>).
 */
const MENTIONS = [/@_user_\d+/g, /@_all\b/g, /<@[A-Z0-9]+(?:\|[^>]*)?>/g];

/** Strip @mentions and surrounding space from a chat message. */
export function cleanQuestion(text: string): string {
  return MENTIONS.reduce((t, re) => t.replace(re, ' '), text).replace(/\s+/g, ' ').trim();
}

export function parseJson(body: string): Record<string, unknown> | null {
  try {
    const v: unknown = JSON.parse(body);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

export const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);
