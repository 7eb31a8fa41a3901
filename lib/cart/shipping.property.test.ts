import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  defaultShippingMethod,
  freeExpressProgress,
  progressMessage,
  shippingOptions,
  woolSubtotalCents,
  type ShippableLine,
  type ShippingRules,
} from './shipping';
import { formatMoney } from '../money-format';

const line = fc.record({ isWool: fc.boolean(), lineTotalCents: fc.integer({ min: 0, max: 200_000 }) });
const lines = fc.array(line, { maxLength: 12 });
const rules: fc.Arbitrary<ShippingRules> = fc.record({
  currency: fc.constant('USD'),
  standardCents: fc.integer({ min: 0, max: 5_000 }),
  expressCents: fc.integer({ min: 0, max: 10_000 }),
  freeExpressThresholdCents: fc.oneof(fc.constant(15_000), fc.integer({ min: 0, max: 500_000 })),
  standardEstimate: fc.constant('5–8 days'),
  expressEstimate: fc.constant('2–3 days'),
});
const wool = (ls: ShippableLine[]) => ls.filter((l) => l.isWool).reduce((s, l) => s + l.lineTotalCents, 0);

describe('the free Express rule, for any set of lines (fast-check)', () => {
  it('qualifies exactly when the wool subtotal is strictly more than the threshold', () => {
    fc.assert(
      fc.property(lines, rules, (ls, r) => {
        const p = freeExpressProgress(ls, r);
        expect(woolSubtotalCents(ls)).toBe(wool(ls));
        expect(p.woolSubtotal).toEqual({ amount: wool(ls), currency: 'USD' });
        expect(p.threshold).toEqual({ amount: r.freeExpressThresholdCents, currency: 'USD' });
        expect(p.qualifies).toBe(wool(ls) > r.freeExpressThresholdCents);
        expect(defaultShippingMethod(ls, r)).toBe(p.qualifies ? 'express' : 'standard');
      }),
    );
  });

  it('the remaining amount is the smallest that qualifies: one cent less does not', () => {
    fc.assert(
      fc.property(lines, rules, (ls, r) => {
        const p = freeExpressProgress(ls, r);
        const w = wool(ls);
        if (p.qualifies) {
          expect(p.remaining.amount).toBe(0);
        } else {
          expect(p.remaining.amount).toBeGreaterThan(0);
          expect(freeExpressProgress([...ls, { isWool: true, lineTotalCents: p.remaining.amount }], r).qualifies).toBe(true);
          expect(freeExpressProgress([...ls, { isWool: true, lineTotalCents: p.remaining.amount - 1 }], r).qualifies).toBe(false);
          expect(w + p.remaining.amount).toBe(r.freeExpressThresholdCents + 1);
          expect(progressMessage(p)).toBe(`Add ${formatMoney(p.remaining)} more in wool goods for free Express shipping`);
        }
        if (p.qualifies) expect(progressMessage(p)).toBe('Free Express shipping unlocked');
      }),
    );
  });

  it('goods that are not wool never count, and the order of lines does not matter', () => {
    fc.assert(
      fc.property(lines, fc.integer({ min: 0, max: 1_000_000 }), rules, (ls, notWool, r) => {
        const before = freeExpressProgress(ls, r);
        expect(freeExpressProgress([...ls, { isWool: false, lineTotalCents: notWool }], r)).toEqual(before);
        expect(freeExpressProgress([...ls].reverse(), r)).toEqual(before);
      }),
    );
  });

  it('the progress bar runs from 0 to 100 and is full only when Express is free', () => {
    fc.assert(
      fc.property(lines, rules, (ls, r) => {
        const p = freeExpressProgress(ls, r);
        expect(Number.isInteger(p.percent)).toBe(true);
        expect(p.percent).toBeGreaterThanOrEqual(0);
        expect(p.percent).toBeLessThanOrEqual(100);
        // A threshold of 0 (every wool purchase qualifies) shows a full bar even before the first one.
        expect(p.percent === 100).toBe(p.qualifies);
        if (!p.qualifies) expect(p.percent).toBe(Math.floor((wool(ls) * 100) / (r.freeExpressThresholdCents + 1)));
      }),
    );
  });

  it('Standard always costs its rate; Express costs nothing once it qualifies, its rate otherwise', () => {
    fc.assert(
      fc.property(lines, rules, (ls, r) => {
        const { qualifies } = freeExpressProgress(ls, r);
        const [standard, express] = shippingOptions(ls, r);
        expect(standard).toEqual({
          method: 'standard',
          label: 'Standard',
          price: { amount: r.standardCents, currency: 'USD' },
          regularPrice: { amount: r.standardCents, currency: 'USD' },
          free: r.standardCents === 0,
          estimate: r.standardEstimate,
        });
        expect(express).toEqual({
          method: 'express',
          label: 'Express',
          price: { amount: qualifies ? 0 : r.expressCents, currency: 'USD' },
          regularPrice: { amount: r.expressCents, currency: 'USD' },
          free: qualifies || r.expressCents === 0,
          estimate: r.expressEstimate,
        });
      }),
    );
  });
});
