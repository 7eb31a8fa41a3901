import { z } from 'zod';
import type { Money } from './money-format';

// The browser-safe half (the Money shape, display formatting) lives in money-format.ts so client
// components can format prices without shipping zod; server code may keep importing it from here.
export { formatMoney, type Money } from './money-format';

export const currencySchema = z.string().regex(/^[A-Z]{3}$/, 'A currency is a three-letter ISO code such as USD');

export const minorUnitsSchema = z.number().int('Money is kept in whole cents').safe();

export function money(amount: number, currency: string): Money {
  return { amount: minorUnitsSchema.parse(amount), currency: currencySchema.parse(currency) };
}

function sameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) throw new Error(`Cannot combine ${a.currency} with ${b.currency}`);
}

export function add(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return money(a.amount + b.amount, a.currency);
}

export function subtract(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return money(a.amount - b.amount, a.currency);
}

export function multiply(a: Money, quantity: number): Money {
  return money(a.amount * z.number().int().parse(quantity), a.currency);
}

export function sum(items: Money[], currency: string): Money {
  return items.reduce((total, m) => add(total, m), money(0, currency));
}

/** Cents as a plain major-unit amount ("49.00"), the form parseMajorUnits reads back: for forms and CSV files, never for display. */
export function formatMajorUnits(cents: number, fractionDigits = 2): string {
  if (!Number.isSafeInteger(cents) || cents < 0) throw new Error(`Not an amount in minor units: ${cents}`);
  const unit = 10 ** fractionDigits;
  const whole = Math.floor(cents / unit);
  return fractionDigits === 0 ? String(whole) : `${whole}.${String(cents % unit).padStart(fractionDigits, '0')}`;
}

/**
 * Parses a shopper-typed major-unit amount ("150", "150.5", "150.01") into cents without
 * going through a float. Returns null for anything that is not a plain non-negative amount.
 */
export function parseMajorUnits(input: string, fractionDigits = 2): number | null {
  const m = /^\s*(\d{1,9})(?:\.(\d{1,2}))?\s*$/.exec(input);
  if (!m) return null;
  // More decimals than the currency has (e.g. "1.5" yen) is not an amount of it.
  if (m[2] !== undefined && m[2].length > fractionDigits) return null;
  const whole = Number(m[1]);
  const frac = Number((m[2] ?? '').padEnd(fractionDigits, '0')); // Number('') is 0: no decimals typed
  return whole * 10 ** fractionDigits + frac;
}
