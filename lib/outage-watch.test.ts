import { describe, expect, it, vi } from 'vitest';
import { outageWatch } from './outage-watch';

/** A probe whose answers the test decides, and a clock the test moves. */
function setup(options: { everyMs?: number; timeoutMs?: number } = {}) {
  // Not 0: a clock that starts at 0 cannot tell "now - then" from "now + then".
  let time = 10_000;
  let calls = 0;
  let answer: () => Promise<unknown> = () => Promise.resolve(1);
  const watch = outageWatch(
    () => {
      calls++;
      return answer();
    },
    { now: () => time, ...options },
  );
  return {
    watch,
    calls: () => calls,
    answer: (next: () => Promise<unknown>) => (answer = next),
    advance: (ms: number) => (time += ms),
  };
}

describe('outageWatch', () => {
  it('says up while the probe answers, and asks it again only once the last answer is everyMs old', async () => {
    const t = setup({ everyMs: 1000 });
    expect(await t.watch.looksDown()).toBe(false);
    expect(t.calls()).toBe(1);
    t.advance(999);
    expect(await t.watch.looksDown()).toBe(false);
    expect(t.calls()).toBe(1);
    t.advance(1);
    expect(await t.watch.looksDown()).toBe(false);
    expect(t.calls()).toBe(2);
  });

  it('says down when the probe fails, and up again when it answers: recovery needs no restart', async () => {
    const t = setup({ everyMs: 1000 });
    t.answer(() => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:5432')));
    expect(await t.watch.looksDown()).toBe(true);
    t.advance(500);
    expect(await t.watch.looksDown()).toBe(true);
    t.answer(() => Promise.resolve(1));
    t.advance(500);
    expect(await t.watch.looksDown()).toBe(false);
  });

  it('says down when the probe throws before it returns a promise', async () => {
    const t = setup();
    t.answer(() => {
      throw new Error('no client');
    });
    expect(await t.watch.looksDown()).toBe(true);
    t.advance(1000);
    t.answer(() => Promise.resolve(1));
    expect(await t.watch.looksDown()).toBe(false);
    expect(t.calls()).toBe(2);
  });

  it('says down when the probe takes longer than timeoutMs (a database that swallows packets)', async () => {
    const t = setup({ timeoutMs: 20 });
    t.answer(() => new Promise(() => {}));
    expect(await t.watch.looksDown()).toBe(true);
  });

  it('leaves no timer behind once the probe has answered', async () => {
    vi.useFakeTimers();
    try {
      const t = setup({ timeoutMs: 5_000 });
      expect(await t.watch.looksDown()).toBe(false);
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it('asks once for all the requests that arrive while a probe is out', async () => {
    const t = setup();
    let release!: () => void;
    t.answer(() => new Promise<void>((resolve) => (release = resolve)));
    const waiting = [t.watch.looksDown(), t.watch.looksDown(), t.watch.looksDown()];
    release();
    expect(await Promise.all(waiting)).toEqual([false, false, false]);
    expect(t.calls()).toBe(1);
  });

  it('tells onChange when the view turns, with the reason for "down", and says nothing while it stays', async () => {
    let time = 10_000;
    let fail = false;
    const changes: [boolean, string | null][] = [];
    const watch = outageWatch(() => (fail ? Promise.reject(new Error('Connection terminated unexpectedly')) : Promise.resolve(1)), {
      now: () => time,
      onChange: (down, error) => changes.push([down, error instanceof Error ? error.message : null]),
    });
    expect(await watch.looksDown()).toBe(false);
    expect(changes).toEqual([]);
    fail = true;
    for (let i = 0; i < 3; i++) {
      time += 1000;
      expect(await watch.looksDown()).toBe(true);
    }
    fail = false;
    time += 1000;
    expect(await watch.looksDown()).toBe(false);
    time += 1000;
    expect(await watch.looksDown()).toBe(false);
    expect(changes).toEqual([
      [true, 'Connection terminated unexpectedly'],
      [false, null],
    ]);
  });

  it('names a probe that did not answer in time', async () => {
    vi.useFakeTimers();
    try {
      const reasons: unknown[] = [];
      const watch = outageWatch(() => new Promise(() => {}), { timeoutMs: 1000, onChange: (_, e) => reasons.push(e instanceof Error ? e.message : e) });
      const answer = watch.looksDown();
      await vi.advanceTimersByTimeAsync(1000);
      expect(await answer).toBe(true);
      expect(reasons).toEqual(['no answer within 1000 ms']);
    } finally {
      vi.useRealTimers();
    }
  });
});
