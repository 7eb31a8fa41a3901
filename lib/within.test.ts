import { afterEach, describe, expect, it, vi } from 'vitest';
import { within } from './within';

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('within', () => {
  it('gives the answer, or the refusal, of a promise that settles in time', async () => {
    await expect(within(Promise.resolve(42), 1000)).resolves.toBe(42);
    await expect(within(Promise.reject(new Error('ECONNREFUSED')), 1000)).rejects.toThrow('ECONNREFUSED');
  });

  it('rejects with "no answer within N ms" when the promise takes longer, without waiting for it', async () => {
    vi.useFakeTimers();
    const settled = vi.fn();
    const pending = within(new Promise(() => {}), 250).catch((e: unknown) => {
      settled(e);
    });
    await vi.advanceTimersByTimeAsync(249);
    expect(settled).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    await pending;
    expect(settled).toHaveBeenCalledWith(new Error('no answer within 250 ms'));
  });

  it('clears its timer when the promise settles first, and never holds the process open', async () => {
    const clear = vi.spyOn(globalThis, 'clearTimeout');
    const set = vi.spyOn(globalThis, 'setTimeout');
    await within(Promise.resolve('up'), 60_000);
    const timer = set.mock.results[0]!.value as NodeJS.Timeout;
    expect(clear).toHaveBeenCalledWith(timer);
    expect(timer.hasRef()).toBe(false);
    await within(Promise.reject(new Error('down')), 60_000).catch(() => {});
    expect(clear).toHaveBeenCalledWith(set.mock.results[1]!.value);
  });
});
