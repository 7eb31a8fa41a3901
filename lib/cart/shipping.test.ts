import { describe, expect, it } from 'vitest';
import { defaultShippingMethod, freeExpressProgress, progressMessage, shippingOptions, type ShippingRules } from './shipping';

const rules: ShippingRules = {
  currency: 'USD',
  standardCents: 995,
  expressCents: 2495,
  freeExpressThresholdCents: 15000,
  standardEstimate: '5–8 business days',
  expressEstimate: '2–3 business days',
};
const wool = (cents: number) => ({ isWool: true, lineTotalCents: cents });
const notWool = (cents: number) => ({ isWool: false, lineTotalCents: cents });
const express = (lines: Parameters<typeof shippingOptions>[0]) => shippingOptions(lines, rules).find((o) => o.method === 'express')!;

describe('free Express shipping on wool orders over $150.00', () => {
  it('$149.99 of wool does not qualify', () => {
    const p = freeExpressProgress([wool(14999)], rules);
    expect(p.qualifies).toBe(false);
    expect(p.remaining.amount).toBe(2);
    expect(express([wool(14999)]).price.amount).toBe(2495);
  });

  it('$150.00 exactly does not qualify: the rule is strictly more', () => {
    const p = freeExpressProgress([wool(15000)], rules);
    expect(p.qualifies).toBe(false);
    expect(progressMessage(p)).toBe('Add $0.01 more in wool goods for free Express shipping');
    expect(express([wool(15000)]).free).toBe(false);
  });

  it('$150.01 qualifies', () => {
    const p = freeExpressProgress([wool(15001)], rules);
    expect(p.qualifies).toBe(true);
    expect(p.remaining.amount).toBe(0);
    expect(p.percent).toBe(100);
    expect(progressMessage(p)).toBe('Free Express shipping unlocked');
    expect(express([wool(15001)])).toMatchObject({ free: true, price: { amount: 0 }, regularPrice: { amount: 2495 } });
  });

  it('goods that are not wool do not count: a $140 sweater and a $30 book is not free', () => {
    const lines = [wool(14000), notWool(3000)];
    const p = freeExpressProgress(lines, rules);
    expect(p.woolSubtotal.amount).toBe(14000);
    expect(p.qualifies).toBe(false);
    expect(progressMessage(p)).toBe('Add $10.01 more in wool goods for free Express shipping');
    expect(express(lines).price.amount).toBe(2495);
  });

  it('wool lines add up across the cart', () => {
    expect(freeExpressProgress([wool(7500), wool(7501), notWool(100000)], rules).qualifies).toBe(true);
  });

  it('an empty cart shows the whole way to go, and Standard is the default', () => {
    const p = freeExpressProgress([], rules);
    expect(p).toMatchObject({ qualifies: false, percent: 0, remaining: { amount: 15001 } });
    expect(defaultShippingMethod([], rules)).toBe('standard');
    expect(defaultShippingMethod([wool(20000)], rules)).toBe('express');
  });

  it('Standard always costs its rate and both options carry a delivery estimate', () => {
    const [standard, exp] = shippingOptions([wool(50000)], rules);
    expect(standard).toMatchObject({ method: 'standard', price: { amount: 995 }, estimate: '5–8 business days' });
    expect(exp).toMatchObject({ method: 'express', estimate: '2–3 business days' });
  });

  it('the progress bar moves in whole percent', () => {
    expect(freeExpressProgress([wool(7500)], rules).percent).toBe(49);
    expect(freeExpressProgress([wool(15000)], rules).percent).toBe(99);
  });

  it('follows a configured threshold and rates', () => {
    const custom = { ...rules, freeExpressThresholdCents: 5000, expressCents: 1500 };
    expect(freeExpressProgress([wool(5001)], custom).qualifies).toBe(true);
    expect(shippingOptions([wool(4000)], custom)[1]!.price.amount).toBe(1500);
  });
});
