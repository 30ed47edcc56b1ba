/**
 * Questions are answered in turns of the event loop, first come first served, not inside the socket
 * callback that read them.
 *
 * Why: libuv ≥ 1.45 (Node 20) accepts one connection per event-loop iteration (libuv#3696), and the poll
 * phase runs the callback of every readable socket before the next iteration. Answering each question where
 * its request was read makes one iteration as long as all the questions read in it (100 sockets × ≈ 2 ms at
 * 100,000 reports), so new connections are accepted at one per 200 ms: of 1,000 opened at once, hundreds
 * waited in the kernel's accept queue for more than 10 s (docs/performance.md, "Server at scale"). Here the
 * poll phase only reads requests and queues them; a turn (setImmediate, after the poll) answers queued
 * questions for at most TURN_MS, then lets the loop poll again — accepting, reading and writing — and a
 * question waits behind those asked before it, not behind whichever sockets the kernel listed first.
 */

/** How long one turn may answer questions before the loop polls again. */
export const TURN_MS = 2;

/**
 * Turns in a row that hold() may skip. A burst of connections is accepted one per loop iteration, and a
 * turn answers at least one question (≈ 1–3 ms at 100,000 reports): 1,000 connections opened at once —
 * and, after a load run, as many already closed by their clients, still in the accept queue — took
 * seconds to accept. Skipped turns cost a poll each (tens of µs), and one question in every
 * MAX_HOLDS + 1 turns is still answered, however fast connections come.
 */
export const MAX_HOLDS = 64;

export interface Turns {
  /** Runs fn in a later turn, after every job queued before it; its result or its error. */
  run<T>(fn: () => T): Promise<T>;
  /** A connection was just accepted, so more may be waiting: let the loop poll again before the next job. */
  hold(): void;
  /** Jobs waiting (not yet started). */
  readonly waiting: number;
}

export function createTurns(turnMs = TURN_MS, clock: () => number = () => performance.now()): Turns {
  let queue: ((() => void) | undefined)[] = [];
  let head = 0;
  let scheduled = false;
  let held = false;
  let holds = 0;

  // `scheduled` stays set while a turn runs: a job that queues another extends this turn's queue.
  const turn = () => {
    if (held && holds < MAX_HOLDS) {
      held = false;
      holds++;
      setImmediate(turn);
      return;
    }
    held = false;
    holds = 0;
    const end = clock() + turnMs;
    // At least one job a turn, however long it takes: a slow question delays the rest but never starves.
    do {
      const job = queue[head]!;
      // A job run is dropped at once: under steady load the queue never empties, and a slot kept would
      // hold its request and reply until it did (seen: 65 MB more live heap over 15,000 requests).
      queue[head++] = undefined;
      job();
    } while (head < queue.length && clock() < end);
    if (head < queue.length) {
      if (head >= 1024 && head * 2 >= queue.length) {
        queue = queue.slice(head);
        head = 0;
      }
      setImmediate(turn);
      return;
    }
    queue = [];
    head = 0;
    scheduled = false;
  };
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(turn);
  };

  return {
    run<T>(fn: () => T): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        queue.push(() => {
          try {
            resolve(fn());
          } catch (err) {
            reject(err);
          }
        });
        schedule();
      });
    },
    hold() {
      held = true;
    },
    get waiting() {
      return queue.length - head;
    },
  };
}
