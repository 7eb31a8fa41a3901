import { describe, expect, it } from 'vitest';
import { fillDays, periodStart, share } from './stats';

describe('the dashboard period', () => {
  it('is today and the 29 UTC days before it', () => {
    expect(periodStart(new Date('2026-11-27T23:59:00Z')).toISOString()).toBe('2026-10-29T00:00:00.000Z');
    expect(periodStart(new Date('2026-03-01T00:30:00Z'), 2).toISOString()).toBe('2026-02-28T00:00:00.000Z');
    expect(periodStart(new Date('2026-03-01T00:30:00Z'), 1).toISOString()).toBe('2026-03-01T00:00:00.000Z');
  });

  it('has every day, oldest first, with nothing sold on the days without sales', () => {
    const days = fillDays(new Date('2026-02-27T00:00:00Z'), 3, new Map([['2026-03-01', { orders: 2, revenueCents: 5000 }]]));
    expect(days).toEqual([
      { day: '2026-02-27', orders: 0, revenueCents: 0 },
      { day: '2026-02-28', orders: 0, revenueCents: 0 },
      { day: '2026-03-01', orders: 2, revenueCents: 5000 },
    ]);
  });

  it('shares are fractions of a whole, and nothing when there is no whole', () => {
    expect(share(1, 4)).toBe(0.25);
    expect(share(0, 4)).toBe(0);
    expect(share(0, 0)).toBeNull();
  });
});
