/**
 * A failure inside the query engine (a bug, a damaged index): never an ordinary answer. It carries the
 * structured query the question was understood as (null when it failed before that), so the log line
 * says what was being answered without repeating the user's words, and a stable code for every channel.
 */
import type { StructuredQuery } from './understand/structured-query.ts';

export const QUERY_FAILED = 'QUERY_FAILED';

export class QueryError extends Error {
  override name = 'QueryError';
  readonly code = QUERY_FAILED;
  constructor(
    readonly query: StructuredQuery | null,
    override readonly cause: unknown,
  ) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    const sqlite = (cause as { code?: unknown } | null)?.code;
    super(`query failed${typeof sqlite === 'string' ? ` (${sqlite})` : ''}: ${reason}`);
  }
}
