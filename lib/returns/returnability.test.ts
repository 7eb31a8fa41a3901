import { describe, expect, it } from 'vitest';
import { anythingLeft, heldQuantity, NOTHING_LEFT, returnability, type ReturnabilityLine, type ReturnabilityOrder } from './returnability';

const paidAt = new Date('2026-11-01T10:00:00Z');
const line = (over: Partial<ReturnabilityLine> = {}): ReturnabilityLine => ({
  id: 'l1',
  title: 'Scarf',
  quantity: 3,
  finalSale: false,
  returnLines: [],
  ...over,
});
const order = (over: Partial<ReturnabilityOrder> = {}): ReturnabilityOrder => ({ status: 'paid', paidAt, lines: [line()], ...over });
const held = (status: string, quantity: number, receivedQuantity: number | null = null) => ({ quantity, receivedQuantity, return: { status } });

describe('returnability', () => {
  it('is open for paid, shipped and partly refunded orders, until windowDays after payment (inclusive)', () => {
    for (const status of ['paid', 'shipped', 'partially_refunded']) {
      const r = returnability(order({ status }), 30, new Date('2026-12-01T10:00:00Z'));
      expect(r).toMatchObject({ kind: 'open', closesAt: new Date('2026-12-01T10:00:00Z') });
    }
    expect(returnability(order(), 30, new Date('2026-12-01T10:00:00.001Z'))).toEqual({
      kind: 'closed',
      code: 'window-closed',
      message: 'Returns are accepted for 30 days after payment; the window for this order closed on 2026-12-01.',
    });
  });

  it('is closed for orders not paid, refunded in full, or without a payment date', () => {
    const now = new Date('2026-11-02T00:00:00Z');
    for (const status of ['pending', 'cancelled', 'expired']) {
      expect(returnability(order({ status }), 30, now)).toEqual({
        kind: 'closed',
        code: 'order-not-returnable',
        message: 'Only a paid order can be returned.',
      });
    }
    expect(returnability(order({ status: 'refunded' }), 30, now)).toEqual({
      kind: 'closed',
      code: 'order-not-returnable',
      message: 'This order was refunded in full.',
    });
    expect(returnability(order({ paidAt: null }), 30, now)).toMatchObject({ kind: 'closed', code: 'order-not-returnable' });
  });

  it('a window of 0 days turns returns off with a sentence that says how to reach the shop', () => {
    expect(returnability(order(), 0, new Date('2026-11-01T10:00:01Z'))).toEqual({
      kind: 'closed',
      code: 'window-closed',
      message: 'This shop does not take returns on the website; call us and we will help.',
    });
  });

  it('leaves of each line what was bought minus what returns hold; none of a final-sale line', () => {
    const r = returnability(
      order({
        lines: [
          line({ id: 'a', quantity: 3, returnLines: [held('requested', 1), held('rejected', 2)] }),
          line({ id: 'b', quantity: 2, returnLines: [held('received', 2, 1), held('closed', 1, null)] }),
          line({ id: 'c', quantity: 1, finalSale: true }),
          line({ id: 'd', quantity: 1, returnLines: [held('approved', 1), held('requested', 1)] }),
        ],
      }),
      30,
      new Date('2026-11-02T00:00:00Z'),
    );
    if (r.kind !== 'open') throw new Error(r.message);
    expect(Object.fromEntries(r.left)).toEqual({ a: 2, b: 1, c: 0, d: 0 });
  });
});

describe('heldQuantity', () => {
  it('holds what was asked while a return is open, what arrived once received, nothing once rejected', () => {
    expect(heldQuantity(held('requested', 2))).toBe(2);
    expect(heldQuantity(held('approved', 2))).toBe(2);
    expect(heldQuantity(held('received', 2, 1))).toBe(1);
    expect(heldQuantity(held('refunded', 2, 2))).toBe(2);
    expect(heldQuantity(held('closed', 2, null))).toBe(0);
    expect(heldQuantity(held('closed', 2, 1))).toBe(1);
    expect(heldQuantity(held('rejected', 2))).toBe(0);
  });
});

describe('anythingLeft', () => {
  it('is true while one line has a unit left, false when none has (or there are no lines)', () => {
    expect(
      anythingLeft(
        new Map([
          ['a', 0],
          ['b', 1],
        ]),
      ),
    ).toBe(true);
    expect(
      anythingLeft(
        new Map([
          ['a', 0],
          ['b', 0],
        ]),
      ),
    ).toBe(false);
    expect(anythingLeft(new Map())).toBe(false);
    expect(NOTHING_LEFT).toBe('Every item of this order is returned, in a return, or final sale.');
  });
});
