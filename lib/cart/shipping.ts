import { formatMoney, type Money } from '../money-format';

/**
 * The shop's headline offer, in one place: Express shipping is free when the subtotal of WOOL
 * goods is strictly more than the threshold ($150.00 by default: $150.00 does not qualify,
 * $150.01 does). Goods that are not wool (leather, ceramics, books, tea) do not count toward it.
 * Otherwise Standard and Express cost their configured rates.
 */
export type ShippingMethodName = 'standard' | 'express';

export interface ShippingRules {
  currency: string;
  standardCents: number;
  expressCents: number;
  freeExpressThresholdCents: number;
  standardEstimate: string;
  expressEstimate: string;
}

export interface ShippableLine {
  isWool: boolean;
  /** Unit price times quantity, in minor units. */
  lineTotalCents: number;
}

export interface ShippingOption {
  method: ShippingMethodName;
  label: string;
  price: Money;
  /** What the rate would be without the offer, so the page can show it struck through. */
  regularPrice: Money;
  free: boolean;
  estimate: string;
}

export interface FreeExpressProgress {
  woolSubtotal: Money;
  threshold: Money;
  qualifies: boolean;
  /** Smallest amount of wool goods still to add: the threshold is exceeded at threshold + 1 cent. */
  remaining: Money;
  /** 0–100, for the progress bar. */
  percent: number;
}

export function woolSubtotalCents(lines: ShippableLine[]): number {
  return lines.reduce((sum, l) => (l.isWool ? sum + l.lineTotalCents : sum), 0);
}

export function freeExpressProgress(lines: ShippableLine[], rules: ShippingRules): FreeExpressProgress {
  const wool = woolSubtotalCents(lines);
  const qualifies = wool > rules.freeExpressThresholdCents;
  const remaining = qualifies ? 0 : rules.freeExpressThresholdCents + 1 - wool;
  // Never 100 before the rule is met: with a $0 threshold and no wool yet, one cent is still missing.
  const percent = qualifies ? 100 : Math.floor((wool * 100) / (rules.freeExpressThresholdCents + 1));
  return {
    woolSubtotal: { amount: wool, currency: rules.currency },
    threshold: { amount: rules.freeExpressThresholdCents, currency: rules.currency },
    qualifies,
    remaining: { amount: remaining, currency: rules.currency },
    percent,
  };
}

export function shippingOptions(lines: ShippableLine[], rules: ShippingRules): ShippingOption[] {
  const { qualifies } = freeExpressProgress(lines, rules);
  const money = (amount: number): Money => ({ amount, currency: rules.currency });
  return [
    {
      method: 'standard',
      label: 'Standard',
      price: money(rules.standardCents),
      regularPrice: money(rules.standardCents),
      free: rules.standardCents === 0,
      estimate: rules.standardEstimate,
    },
    {
      method: 'express',
      label: 'Express',
      price: money(qualifies ? 0 : rules.expressCents),
      regularPrice: money(rules.expressCents),
      free: qualifies || rules.expressCents === 0,
      estimate: rules.expressEstimate,
    },
  ];
}

/** The method used when the shopper has not chosen: free Express once it is unlocked. */
export function defaultShippingMethod(lines: ShippableLine[], rules: ShippingRules): ShippingMethodName {
  return freeExpressProgress(lines, rules).qualifies ? 'express' : 'standard';
}

export function progressMessage(p: FreeExpressProgress): string {
  if (p.qualifies) return 'Free Express shipping unlocked';
  return `Add ${formatMoney(p.remaining)} more in wool goods for free Express shipping`;
}
