import { describe, expect, it } from 'vitest';
import { add, formatMajorUnits, formatMoney, money, multiply, parseMajorUnits, subtract, sum } from './money';

describe('money', () => {
  it('adds and multiplies in whole cents', () => {
    expect(add(money(1999, 'USD'), money(1, 'USD'))).toEqual({ amount: 2000, currency: 'USD' });
    expect(multiply(money(1999, 'USD'), 3).amount).toBe(5997);
    expect(subtract(money(15001, 'USD'), money(15000, 'USD')).amount).toBe(1);
    expect(sum([money(10, 'USD'), money(20, 'USD')], 'USD').amount).toBe(30);
  });

  it('refuses fractions of a cent and mixed currencies', () => {
    expect(() => money(10.5, 'USD')).toThrow(/whole cents/);
    expect(() => add(money(1, 'USD'), money(1, 'EUR'))).toThrow(/USD with EUR/);
    expect(() => money(1, 'usd')).toThrow('A currency is a three-letter ISO code such as USD');
    expect(() => money(1, 'USDX')).toThrow('A currency is a three-letter ISO code such as USD');
    expect(() => money(1, 'XUSD')).toThrow('A currency is a three-letter ISO code such as USD');
  });

  it('formats with Intl.NumberFormat', () => {
    expect(formatMoney(money(15001, 'USD'))).toBe('$150.01');
    expect(formatMoney(money(1800, 'USD'))).toBe('$18.00');
    expect(formatMoney(money(123456, 'USD'))).toBe('$1,234.56');
    // One formatter per locale and currency: formatting one never changes how the next is shown.
    expect(formatMoney(money(1800, 'EUR'))).toBe('€18.00');
    expect(formatMoney(money(1800, 'JPY'))).toBe('¥1,800');
    expect(formatMoney(money(1800, 'USD'), 'de-DE')).toMatch(/^18,00\s\$$/);
    expect(formatMoney(money(1800, 'USD'))).toBe('$18.00');
  });

  it('parses typed amounts into cents without floats', () => {
    expect(parseMajorUnits('150')).toBe(15000);
    expect(parseMajorUnits('150.5')).toBe(15050);
    expect(parseMajorUnits('0.29')).toBe(29);
    expect(parseMajorUnits('abc')).toBeNull();
    expect(parseMajorUnits('-3')).toBeNull();
    expect(parseMajorUnits('1e9')).toBeNull();
    expect(parseMajorUnits('1.234')).toBeNull();
  });

  it('writes cents as a plain amount that parses back to the same cents', () => {
    expect(formatMajorUnits(4900)).toBe('49.00');
    expect(formatMajorUnits(5)).toBe('0.05');
    expect(formatMajorUnits(123456)).toBe('1234.56');
    expect(formatMajorUnits(0)).toBe('0.00');
    expect(formatMajorUnits(1500, 0)).toBe('1500');
    for (const c of [0, 1, 10, 99, 100, 101, 4999, 15000, 999_999_999]) expect(parseMajorUnits(formatMajorUnits(c))).toBe(c);
    expect(() => formatMajorUnits(-1)).toThrow(/minor units/);
    expect(() => formatMajorUnits(1.5)).toThrow(/minor units/);
  });
});
