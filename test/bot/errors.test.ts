import { describe, expect, test } from 'vitest';
import { ERRORS, codeForFastifyError } from '../../src/bot/errors.ts';

describe('error-code catalogue', () => {
  test('codes and statuses are stable (clients match on them)', () => {
    expect(Object.fromEntries(Object.entries(ERRORS).map(([code, e]) => [code, e.status]))).toEqual({
      BAD_REQUEST: 400,
      INVALID_JSON: 400,
      MISSING_QUESTION: 400,
      QUESTION_TOO_LONG: 400,
      UNAUTHORIZED: 401,
      NOT_FOUND: 404,
      PAYLOAD_TOO_LARGE: 413,
      UNSUPPORTED_MEDIA_TYPE: 415,
      RATE_LIMITED: 429,
      INTERNAL: 500,
      QUERY_FAILED: 500,
      INDEX_UNAVAILABLE: 503,
    });
  });

  test.each([
    [{ code: 'FST_ERR_CTP_BODY_TOO_LARGE', statusCode: 413 }, 'PAYLOAD_TOO_LARGE'],
    [{ code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE', statusCode: 415 }, 'UNSUPPORTED_MEDIA_TYPE'],
    [{ code: 'FST_ERR_CTP_EMPTY_JSON_BODY', statusCode: 400 }, 'INVALID_JSON'],
    [{ statusCode: 429 }, 'RATE_LIMITED'],
    [{ statusCode: 418 }, 'BAD_REQUEST'],
    [{}, 'INTERNAL'],
    [{ code: 'QUERY_FAILED' }, 'QUERY_FAILED'],
  ])('%o → %s', (err, code) => {
    expect(codeForFastifyError(err)).toBe(code);
  });
});
