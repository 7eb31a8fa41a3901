import { describe, expect, it } from 'vitest';
import { amountProblem, proposeReturnRefund, refundedCents, refundedOrderStatus, remainingRefundable } from './refundable';

const line = (unitPriceCents: number, receivedQuantity: number | null, reason: Parameters<typeof proposeReturnRefund>[0]['lines'][number]['reason']) => ({
  unitPriceCents,
  receivedQuantity,
  reason,
});

describe('the proposed refund for a return', () => {
  it('is unit price × received quantity, without shipping when the customer changed their mind', () => {
    expect(
      proposeReturnRefund({ lines: [line(4900, 2, 'too_small'), line(1500, 1, 'changed_mind')], orderShippingCents: 995, shippingRefundedCents: 0 }),
    ).toEqual({
      itemsCents: 11300,
      shippingCents: 0,
      totalCents: 11300,
    });
  });

  it('counts only what came back: a partial receipt, a line not received', () => {
    expect(
      proposeReturnRefund({
        lines: [line(4900, 1, 'too_large'), line(1500, 0, 'damaged'), line(700, null, 'damaged')],
        orderShippingCents: 995,
        shippingRefundedCents: 0,
      }),
    ).toEqual({
      itemsCents: 4900,
      shippingCents: 0,
      totalCents: 4900,
    });
  });

  it('adds the shipping when a received line is damaged or not as described', () => {
    expect(proposeReturnRefund({ lines: [line(4900, 1, 'damaged')], orderShippingCents: 995, shippingRefundedCents: 0 }).totalCents).toBe(5895);
    expect(
      proposeReturnRefund({ lines: [line(4900, 1, 'not_as_described'), line(100, 1, 'other')], orderShippingCents: 2495, shippingRefundedCents: 0 }),
    ).toEqual({
      itemsCents: 5000,
      shippingCents: 2495,
      totalCents: 7495,
    });
    // Free Express: nothing to give back.
    expect(proposeReturnRefund({ lines: [line(4900, 1, 'damaged')], orderShippingCents: 0, shippingRefundedCents: 0 }).shippingCents).toBe(0);
  });

  it('gives the shipping back once per order, over several returns', () => {
    expect(proposeReturnRefund({ lines: [line(4900, 1, 'damaged')], orderShippingCents: 995, shippingRefundedCents: 995 })).toEqual({
      itemsCents: 4900,
      shippingCents: 0,
      totalCents: 4900,
    });
    expect(proposeReturnRefund({ lines: [line(4900, 1, 'damaged')], orderShippingCents: 995, shippingRefundedCents: 500 }).shippingCents).toBe(495);
    expect(proposeReturnRefund({ lines: [line(4900, 1, 'damaged')], orderShippingCents: 995, shippingRefundedCents: 2000 }).shippingCents).toBe(0);
  });
});

describe('what an order can still refund', () => {
  const r = (amountCents: number, status: 'pending' | 'succeeded' | 'failed') => ({ amountCents, status });

  it('is captured minus pending and succeeded refunds; failed ones gave nothing back', () => {
    expect(refundedCents([r(1000, 'succeeded'), r(500, 'pending'), r(9999, 'failed')])).toBe(1500);
    expect(remainingRefundable(10000, [])).toBe(10000);
    expect(remainingRefundable(10000, [r(1000, 'succeeded'), r(500, 'pending'), r(9999, 'failed')])).toBe(8500);
  });

  it('is never negative (a refund made in the provider’s dashboard can exceed what we thought)', () => {
    expect(remainingRefundable(10000, [r(10000, 'succeeded')])).toBe(0);
    expect(remainingRefundable(10000, [r(8000, 'succeeded'), r(5000, 'succeeded')])).toBe(0);
  });

  it('covers several returns on one order, then a goodwill refund on top up to what remains', () => {
    const captured = 4900 * 3 + 995;
    const first = proposeReturnRefund({ lines: [line(4900, 1, 'too_small')], orderShippingCents: 995, shippingRefundedCents: 0 }).totalCents;
    const second = proposeReturnRefund({ lines: [line(4900, 1, 'damaged')], orderShippingCents: 995, shippingRefundedCents: 0 }).totalCents;
    const refunds = [r(first, 'succeeded'), r(second, 'succeeded')];
    const remaining = remainingRefundable(captured, refunds);
    expect(remaining).toBe(4900);
    expect(amountProblem({ amountCents: 4900, proposedCents: null, remainingCents: remaining, currency: 'USD' })).toBeNull();
    expect(amountProblem({ amountCents: 4901, proposedCents: null, remainingCents: remaining, currency: 'USD' })).toBe(
      'Only $49.00 of this order can still be refunded.',
    );
  });
});

describe('the amount staff choose', () => {
  const check = (amountCents: number, proposedCents: number | null, remainingCents: number) =>
    amountProblem({ amountCents, proposedCents, remainingCents, currency: 'USD' });

  it('may lower a proposal (a partial refund), never raise it', () => {
    expect(check(5895, 5895, 10000)).toBeNull();
    expect(check(3000, 5895, 10000)).toBeNull();
    expect(check(5896, 5895, 10000)).toBe('This return can be refunded at most $58.95.');
  });

  it('is a positive whole number of cents within what remains', () => {
    expect(check(0, 5895, 10000)).toBe('Enter an amount above zero.');
    expect(check(-5, null, 10000)).toBe('Enter an amount above zero.');
    expect(check(10.5, null, 10000)).toBe('Enter an amount above zero.');
    expect(check(5000, 5895, 4000)).toBe('Only $40.00 of this order can still be refunded.');
    expect(check(1, null, 1)).toBeNull();
    expect(check(100, null, 0)).toBe('Everything paid for this order has already been refunded.');
  });
});

describe('the order’s status after refunds', () => {
  it('follows what succeeded', () => {
    expect(refundedOrderStatus(10000, 0)).toBeNull();
    expect(refundedOrderStatus(10000, 1)).toBe('partially_refunded');
    expect(refundedOrderStatus(10000, 9999)).toBe('partially_refunded');
    expect(refundedOrderStatus(10000, 10000)).toBe('refunded');
    expect(refundedOrderStatus(10000, 12000)).toBe('refunded');
  });
});
