/**
 * The error catalogue: stable codes every HTTP error body carries ({"error": {code, message}}).
 * Clients and tests match on the code; the message is Chinese for people.
 * Webhook auth failures carry no detail on purpose (401 with an empty body): a prober learns nothing.
 */
export const ERRORS = {
  BAD_REQUEST: { status: 400, message: '请求格式不正确' },
  INVALID_JSON: { status: 400, message: '请求体不是合法的 JSON' },
  MISSING_QUESTION: { status: 400, message: '请提供问题：{"question": "…"} 或 ?q=…' },
  QUESTION_TOO_LONG: { status: 400, message: '问题太长（最多 500 字）' },
  UNAUTHORIZED: { status: 401, message: '' },
  NOT_FOUND: { status: 404, message: '没有这个地址' },
  PAYLOAD_TOO_LARGE: { status: 413, message: '请求体过大（上限 16 KB）' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: '不支持的 Content-Type' },
  RATE_LIMITED: { status: 429, message: '请求过于频繁，请稍后再试' },
  INTERNAL: { status: 500, message: '服务器内部错误' },
  /** The query engine failed on this question (logged with the understood query); never cached. */
  QUERY_FAILED: { status: 500, message: '处理这个问题时出错了（已记录，请稍后再试或换个问法）' },
  INDEX_UNAVAILABLE: { status: 503, message: '索引未加载' },
} as const;

export type ErrorCode = keyof typeof ERRORS;

export interface ErrorBody {
  error: { code: ErrorCode; message: string };
}

export function errorBody(code: ErrorCode, message?: string): ErrorBody {
  return { error: { code, message: message ?? ERRORS[code].message } };
}

/** Map fastify's own error codes (body parser, limits) onto ours. */
export function codeForFastifyError(err: { code?: string; statusCode?: number }): ErrorCode {
  switch (err.code) {
    case 'QUERY_FAILED':
      return 'QUERY_FAILED';
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return 'PAYLOAD_TOO_LARGE';
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return 'UNSUPPORTED_MEDIA_TYPE';
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return 'INVALID_JSON';
    default:
      break;
  }
  if (err instanceof SyntaxError) return 'INVALID_JSON';
  const status = err.statusCode ?? 500;
  if (status === 413) return 'PAYLOAD_TOO_LARGE';
  if (status === 415) return 'UNSUPPORTED_MEDIA_TYPE';
  if (status === 429) return 'RATE_LIMITED';
  if (status === 401) return 'UNAUTHORIZED';
  if (status >= 400 && status < 500) return 'BAD_REQUEST';
  return 'INTERNAL';
}
