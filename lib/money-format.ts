/**
 * The part of money the browser needs: the Money shape and display formatting. No zod here:
 * client components import this file, and everything it imports ships in their JavaScript.
 * Constructing and combining amounts (validated with zod) stays in lib/money.ts, on the server.
 */

/** An amount of money: integer minor units (cents) and an ISO 4217 currency code. Never a float. */
export interface Money {
  amount: number;
  currency: string;
}

const formatters = new Map<string, Intl.NumberFormat>();

/** Formats for display, e.g. formatMoney({amount: 15001, currency: 'USD'}) -> "$150.01". */
export function formatMoney(m: Money, locale = 'en-US'): string {
  const key = `${locale}:${m.currency}`;
  let f = formatters.get(key);
  // Stryker disable next-line ConditionalExpression: equivalent (stryker-equivalent.md): the map only saves building a formatter; a fresh one formats the same.
  if (!f) {
    f = new Intl.NumberFormat(locale, { style: 'currency', currency: m.currency });
    formatters.set(key, f);
  }
  const digits = f.resolvedOptions().maximumFractionDigits ?? 2;
  // Division happens only here, for display; amounts themselves stay integers.
  return f.format(m.amount / 10 ** digits);
}
