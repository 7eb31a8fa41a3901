import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { add, money, parseMajorUnits, subtract, sum } from './money';
import { formatMoney } from './money-format';

/** Amounts parseMajorUnits accepts: up to 9 digits of whole units. */
const cents = fc.integer({ min: 0, max: 999_999_999_99 });
const plain = (c: number) => `${Math.floor(c / 100)}.${String(c % 100).padStart(2, '0')}`;
/** What a shopper would type after reading a formatted price: no symbol, no grouping. */
const unformat = (s: string) => s.replace(/[^\d.-]/g, '');

describe('money round trips (fast-check)', () => {
  it('parses any amount written with two decimals back to its cents', () => {
    fc.assert(
      fc.property(cents, (c) => {
        expect(parseMajorUnits(plain(c))).toBe(c);
      }),
    );
  });

  it('parses one decimal as tenths, none as whole units, with spaces around', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999_999 }), fc.integer({ min: 0, max: 9 }), (whole, tenth) => {
        expect(parseMajorUnits(`${whole}`)).toBe(whole * 100);
        expect(parseMajorUnits(` ${whole}.${tenth} `)).toBe(whole * 100 + tenth * 10);
        expect(parseMajorUnits(`${whole}.${tenth}0`)).toBe(whole * 100 + tenth * 10);
      }),
    );
  });

  it('formats USD so that the figures parse back to the same cents', () => {
    fc.assert(
      fc.property(cents, (c) => {
        const shown = formatMoney({ amount: c, currency: 'USD' });
        expect(shown).toMatch(/^\$\d{1,3}(,\d{3})*\.\d{2}$/);
        expect(parseMajorUnits(unformat(shown))).toBe(c);
      }),
    );
  });

  it('formats a currency without minor units (JPY) whole, and parses it back with 0 decimals', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999_999 }), (yen) => {
        const shown = formatMoney({ amount: yen, currency: 'JPY' });
        expect(shown).not.toContain('.');
        expect(parseMajorUnits(unformat(shown), 0)).toBe(yen);
      }),
    );
    expect(parseMajorUnits('1.5', 0)).toBeNull();
    expect(parseMajorUnits('7', 0)).toBe(7);
  });

  it('never parses anything into a negative, fractional or unsafe number', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const c = parseMajorUnits(s);
        if (c !== null) {
          expect(Number.isSafeInteger(c)).toBe(true);
          expect(c).toBeGreaterThanOrEqual(0);
        }
      }),
    );
    fc.assert(
      fc.property(cents, (c) => {
        expect(parseMajorUnits(`-${plain(c)}`)).toBeNull();
      }),
    );
  });

  it('formats negative amounts with a sign, and different currencies differently', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999_999_999_99 }), (c) => {
        expect(formatMoney({ amount: -c, currency: 'USD' })).toBe(`-${formatMoney({ amount: c, currency: 'USD' })}`);
        expect(formatMoney({ amount: c, currency: 'EUR' })).toBe(formatMoney({ amount: c, currency: 'USD' }).replace('$', '€'));
      }),
    );
  });

  it('adding and subtracting are exact inverses, and a sum does not depend on order', () => {
    const amount = fc.integer({ min: -1_000_000_000, max: 1_000_000_000 });
    fc.assert(
      fc.property(amount, amount, (a, b) => {
        expect(subtract(add(money(a, 'USD'), money(b, 'USD')), money(b, 'USD'))).toEqual(money(a, 'USD'));
      }),
    );
    fc.assert(
      fc.property(fc.array(amount, { maxLength: 20 }), (xs) => {
        const items = xs.map((x) => money(x, 'USD'));
        expect(sum([...items].reverse(), 'USD')).toEqual(sum(items, 'USD'));
        expect(sum(items, 'USD').amount).toBe(xs.reduce((s, x) => s + x, 0));
      }),
    );
  });
});
