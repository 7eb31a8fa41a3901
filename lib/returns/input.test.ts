import { describe, expect, it } from 'vitest';
import { goodwillRefundSchema, receiveSchema, rejectSchema, returnRefundSchema, returnRequestSchema } from './input';

const orderId = 'c' + 'a'.repeat(24);
const lineId = 'c' + 'b'.repeat(24);
const errors = (schema: { safeParse(v: unknown): { error?: { issues: { message: string }[] } } }, v: unknown) =>
  (schema.safeParse(v).error?.issues ?? []).map((i) => i.message);

describe('the return forms', () => {
  it('take lines with a quantity and a reason; "other" needs a comment', () => {
    expect(returnRequestSchema.parse({ orderId, lines: [{ orderLineId: lineId, quantity: '2', reason: 'too_small', comment: ' ' }] })).toEqual({
      orderId,
      lines: [{ orderLineId: lineId, quantity: 2, reason: 'too_small' }],
    });
    expect(errors(returnRequestSchema, { orderId, lines: [{ orderLineId: lineId, quantity: 1, reason: 'other' }] })).toEqual([
      'Tell us the reason in a few words',
    ]);
    expect(errors(returnRequestSchema, { orderId, lines: [] })).toEqual(['Choose at least one item to return']);
    expect(errors(returnRequestSchema, { orderId, lines: [{ orderLineId: lineId, quantity: 0, reason: 'damaged' }] })).toEqual([
      'Return at least one item, or leave the line out',
    ]);
    expect(errors(returnRequestSchema, { orderId, lines: [{ orderLineId: lineId, quantity: 1, reason: 'bored' }] })).toEqual([
      'Choose a reason for returning this item',
    ]);
    const twice = { orderLineId: lineId, quantity: 1, reason: 'damaged' };
    expect(errors(returnRequestSchema, { orderId, lines: [twice, twice] })).toEqual(['Each item can be listed once']);
    expect(errors(returnRequestSchema, { orderId: 'MN-100001', lines: [twice] })).toEqual(['That order does not exist']);
  });

  it('need a message to reject, and whole received quantities', () => {
    expect(errors(rejectSchema, { returnId: orderId, message: '  ' })).toEqual(['Tell the customer why the return was rejected']);
    expect(errors(receiveSchema, { returnId: orderId, lines: [{ returnLineId: lineId, receivedQuantity: -1, restock: true }] })).toEqual([
      'Enter how many arrived (0 if none)',
    ]);
  });

  it('read refund amounts typed like prices, and want a note for goodwill', () => {
    expect(returnRefundSchema.parse({ returnId: orderId, amount: '49.5' }).amount).toBe(4950);
    expect(returnRefundSchema.parse({ returnId: orderId, amount: '49' }).amount).toBe(4900);
    expect(returnRefundSchema.parse({ returnId: orderId }).amount).toBeUndefined();
    expect(errors(returnRefundSchema, { returnId: orderId, amount: '49,00' })).toEqual(['Enter the amount to refund, e.g. 49.00']);
    expect(errors(returnRefundSchema, { returnId: orderId, amount: '0.00' })).toEqual(['Enter an amount above zero']);
    expect(errors(goodwillRefundSchema, { orderId, amount: '5.00' })).toEqual(['Say why this goodwill refund is given']);
    expect(goodwillRefundSchema.parse({ orderId, amount: '5.00', note: 'Late parcel' })).toEqual({ orderId, amount: 500, note: 'Late parcel' });
  });
});
