/**
 * A conversation's memory between two messages, the same for every channel and the CLI batch: the
 * previous structured query and when it was asked. Whether the next message continues it is decided in
 * understand/follow-up.ts; this only says what is remembered.
 */
import type { Answer, AskOptions } from './answer.ts';

export interface Turn {
  /** The structured query of the last question understood. */
  previous?: unknown;
  /** When it was asked (ms since the epoch); absent in a batch, where questions follow each other at once. */
  at?: number;
}

/** The follow-up options for the next message, asked at `now` (ms; absent: at once). */
export function turnOptions(turn: Turn, now?: number): Pick<AskOptions, 'previous' | 'previousAgeMs'> {
  if (turn.previous === undefined) return {};
  return { previous: turn.previous, previousAgeMs: turn.at === undefined || now === undefined ? undefined : now - turn.at };
}

/**
 * What the next message may continue: an understood question (even one the index cannot answer) replaces
 * the previous one; a message not understood at all (small talk, nonsense) leaves it in place.
 */
export function nextTurn(answer: Answer, turn: Turn, now?: number): Turn {
  if (answer.status === 'unsupported' || answer.query === undefined) return turn;
  return now === undefined ? { previous: answer.query } : { previous: answer.query, at: now };
}
