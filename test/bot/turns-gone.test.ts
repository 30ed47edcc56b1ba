/**
 * A client that leaves before its question's turn: nothing is computed for it, nothing cached, and the
 * question is logged as 'gone' — so a burst of clients giving up never leaves the next ones queued behind
 * answers nobody reads. A real socket (inject() has no connection to close); the turn is held back by the
 * test, not by a timer.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { Turns } from '../../src/bot/turns.ts';
import { build } from './helpers.ts';
import { LUCHENG_Q } from './fakes.ts';

/** Turns that run nothing until release(): the test decides when the queued question's turn comes. */
function heldTurns() {
  const held: (() => void)[] = [];
  const turns: Turns = {
    run: (fn) =>
      new Promise((resolve, reject) => {
        held.push(() => {
          try {
            resolve(fn());
          } catch (err) {
            reject(err);
          }
        });
      }),
    hold() {},
    get waiting() {
      return held.length;
    },
  };
  return { turns, held, release: () => held.splice(0).forEach((job) => job()) };
}

const until = async (cond: () => boolean | Promise<boolean>) => {
  while (!(await cond())) await new Promise((r) => setTimeout(r, 5));
};

let close: (() => Promise<void>) | null = null;
afterEach(async () => {
  await close?.();
  close = null;
});

describe('a client that left before its turn', () => {
  test('is not answered: the engine is not run, the answer not cached, the question logged as gone', async () => {
    const h = heldTurns();
    const { app, ask, lines } = await build({}, { turns: h.turns });
    close = () => app.close();
    await app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = app.server.address() as AddressInfo;
    const path = `/api/ask?q=${encodeURIComponent(LUCHENG_Q)}`;

    const socket = connect(port, '127.0.0.1');
    await new Promise<void>((ok) => socket.once('connect', () => ok()));
    socket.write(`GET ${path} HTTP/1.1\r\nHost: x\r\n\r\n`);
    await until(() => h.held.length === 1);
    socket.destroy();
    await until(() => new Promise((ok) => app.server.getConnections((_e, n) => ok(n === 0))));
    h.release();
    const questions = () => lines.map((l) => JSON.parse(l) as { msg: string; channel: string; status: string }).filter((l) => l.msg === 'question');
    await until(() => questions().length > 0);

    expect(ask.calls.length).toBe(0);
    expect(questions().map((l) => [l.channel, l.status])).toEqual([['api', 'gone']]);

    // The same question from a client that stays is computed then (not served as a cached "gone").
    const res = app.inject({ method: 'GET', url: path });
    await until(() => h.held.length === 1);
    h.release();
    expect((await res).json().results[0].value).toBe(23);
    expect(ask.calls.length).toBe(1);
  });
});
