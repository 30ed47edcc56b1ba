import { describe, expect, it } from 'vitest';
import { createTurns, MAX_HOLDS } from '../../src/bot/turns.ts';

/** A clock that moves `step` ms each time it is read: each job "takes" one step, whatever the machine does. */
const stepping = (step: number) => {
  let now = 0;
  return () => (now += step);
};

describe('turns: questions answered in order, a bounded amount of work per event-loop turn', () => {
  it('runs nothing where it is asked: the job starts in a later turn', async () => {
    const turns = createTurns(2, stepping(0));
    const seen: string[] = [];
    const done = turns.run(() => seen.push('job'));
    seen.push('after run()');
    expect(turns.waiting).toBe(1);
    await done;
    expect(seen).toEqual(['after run()', 'job']);
    expect(turns.waiting).toBe(0);
  });

  it('answers in the order asked, each with its own result', async () => {
    const turns = createTurns(2, stepping(0));
    const results = await Promise.all([1, 2, 3, 4].map((n) => turns.run(() => n * 10)));
    expect(results).toEqual([10, 20, 30, 40]);
  });

  it("a job's error rejects that job only", async () => {
    const turns = createTurns(2, stepping(0));
    const a = turns.run(() => 'a');
    const b = turns.run(() => {
      throw new Error('boom');
    });
    const c = turns.run(() => 'c');
    await expect(a).resolves.toBe('a');
    await expect(b).rejects.toThrow('boom');
    await expect(c).resolves.toBe('c');
  });

  it('stops a turn once its time is spent, so the loop polls (accepts, reads, writes) before the next job', async () => {
    // Each clock read is 5 ms later: the first job of a turn exhausts a 2 ms turn.
    const turns = createTurns(2, stepping(5));
    const order: string[] = [];
    const jobs = [turns.run(() => order.push('A')), turns.run(() => order.push('B'))];
    const other = new Promise<void>((done) => setImmediate(() => done(void order.push('other I/O callback'))));
    await Promise.all([...jobs, other]);
    expect(order).toEqual(['A', 'other I/O callback', 'B']);
  });

  it('runs every queued job in one turn while time is left', async () => {
    const turns = createTurns(1_000, stepping(0));
    const order: string[] = [];
    const jobs = [turns.run(() => order.push('A')), turns.run(() => order.push('B'))];
    const other = new Promise<void>((done) => setImmediate(() => done(void order.push('other I/O callback'))));
    await Promise.all([...jobs, other]);
    expect(order).toEqual(['A', 'B', 'other I/O callback']);
  });

  it('a job queued by a job runs after the jobs already waiting', async () => {
    const turns = createTurns(1_000, stepping(0));
    const order: string[] = [];
    let inner: Promise<unknown> | undefined;
    const first = turns.run(() => {
      order.push('A');
      inner = turns.run(() => order.push('C'));
    });
    const second = turns.run(() => order.push('B'));
    await Promise.all([first, second]);
    await inner;
    expect(order).toEqual(['A', 'B', 'C']);
  });

  it('keeps order across a queue that never empties (each job queues the next), compacting as it goes', async () => {
    const turns = createTurns(1_000, stepping(0));
    const order: number[] = [];
    let last: Promise<unknown> = Promise.resolve();
    const job = (n: number) => () => {
      order.push(n);
      if (n + 3 < 3_000) last = turns.run(job(n + 3));
    };
    const first = [0, 1, 2].map((n) => turns.run(job(n)));
    await Promise.all(first);
    while (turns.waiting > 0) await last;
    await last;
    expect(order).toEqual(Array.from({ length: 3_000 }, (_, i) => i));
    expect(turns.waiting).toBe(0);
  });
});

describe('turns: connections being accepted come first', () => {
  it('a hold() lets the loop poll once more before the next job', async () => {
    const turns = createTurns(1_000, stepping(0));
    const order: string[] = [];
    const job = turns.run(() => order.push('A'));
    turns.hold();
    const other = new Promise<void>((done) => setImmediate(() => done(void order.push('other I/O callback'))));
    await Promise.all([job, other]);
    expect(order).toEqual(['other I/O callback', 'A']);
  });

  it(`a flood of holds delays a job by at most ${MAX_HOLDS} turns`, async () => {
    const turns = createTurns(1_000, stepping(0));
    let polls = 0;
    let done = false;
    // A connection accepted on every poll, for as long as the job waits.
    const flood = () => {
      if (done) return;
      polls++;
      turns.hold();
      setImmediate(flood);
    };
    turns.hold();
    const job = turns.run(() => (done = true));
    setImmediate(flood);
    await job;
    expect(polls).toBe(MAX_HOLDS);
  });
});
