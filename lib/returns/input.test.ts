import { describe, expect, it } from 'vitest';
import {
  approveSchema,
  closeSchema,
  goodwillRefundSchema,
  RETURN_REASON_LABELS,
  RETURN_REASONS,
  receiveSchema,
  rejectSchema,
  retryRefundSchema,
  returnRefundSchema,
  returnRequestSchema,
} from './input';

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

  it('name each reason the way the customer reads it', () => {
    expect(RETURN_REASONS.map((r) => RETURN_REASON_LABELS[r])).toEqual([
      'Too small',
      'Too large',
      'Not as described',
      'Damaged or defective',
      'Changed my mind',
      'Other',
    ]);
  });

  it('answer every other mistake on the customer form with its own sentence', () => {
    const line = (extra: object) => ({ orderLineId: lineId, quantity: 1, reason: 'damaged', ...extra });
    expect(errors(returnRequestSchema, { orderId, lines: [line({ quantity: 'two' })] })).toEqual(['Enter how many to return']);
    expect(errors(returnRequestSchema, { orderId, lines: [line({ quantity: 1000 })] })).toEqual(['That is more than was bought']);
    expect(returnRequestSchema.parse({ orderId, lines: [line({ quantity: 999 })] }).lines[0]!.quantity).toBe(999);
    expect(errors(returnRequestSchema, { orderId, lines: [line({ comment: 'x'.repeat(501) })] })).toEqual(['Keep the comment under 500 characters']);
    expect(returnRequestSchema.parse({ orderId, lines: [line({ comment: ' Seams ' })] }).lines[0]!.comment).toBe('Seams');
    expect(errors(returnRequestSchema, { orderId })).toEqual(['Choose at least one item to return']);
    const many = Array.from({ length: 101 }, (_, i) => line({ orderLineId: `c${String(i).padStart(24, 'a')}` }));
    expect(errors(returnRequestSchema, { orderId, lines: many })).toEqual(['Too many lines']);
    expect(returnRequestSchema.parse({ orderId, lines: many.slice(0, 100) }).lines).toHaveLength(100);
    expect(errors(returnRequestSchema, { orderId, lines: [line({}), line({ orderLineId: 'c' + 'd'.repeat(24) })] })).toEqual([]);
    expect(errors(returnRequestSchema, { orderId, lines: [line({ orderLineId: 'xc' + 'b'.repeat(24) })] })).toEqual(['That order line does not exist']);
    expect(errors(returnRequestSchema, { orderId, lines: [line({ orderLineId: 'c' + 'b'.repeat(24) + '!' })] })).toEqual(['That order line does not exist']);
    expect(errors(returnRequestSchema, { orderId: 42, lines: [line({})] })).toEqual(['That order does not exist']);
  });

  it('answer every mistake on the staff forms with its own sentence', () => {
    const returnId = 'c' + 'r'.repeat(24);
    expect(approveSchema.parse({ returnId, message: '  Send it back  ' })).toEqual({ returnId, message: 'Send it back' });
    expect(approveSchema.parse({ returnId })).toEqual({ returnId });
    expect(errors(approveSchema, { returnId, message: 'x'.repeat(2001) })).toEqual(['Keep the message under 2,000 characters']);
    expect(approveSchema.parse({ returnId, message: 'x'.repeat(2000) }).message).toHaveLength(2000);
    expect(errors(approveSchema, { returnId: 'nope', message: '' })).toEqual(['That return does not exist']);
    expect(errors(rejectSchema, { returnId })).toEqual(['Tell the customer why the return was rejected']);
    expect(errors(rejectSchema, { returnId: 'r1', message: 'Worn' })).toEqual(['That return does not exist']);
    expect(errors(rejectSchema, { returnId, message: 'x'.repeat(2001) })).toEqual(['Keep the message under 2,000 characters']);

    const received = (extra: object) => ({ returnId, lines: [{ returnLineId: lineId, receivedQuantity: 1, restock: true, ...extra }] });
    expect(errors(receiveSchema, received({ receivedQuantity: 'some' }))).toEqual(['Enter how many arrived']);
    expect(errors(receiveSchema, received({ receivedQuantity: 1.5 }))).toEqual(['Enter a whole number of items']);
    expect(errors(receiveSchema, received({ returnLineId: 'line-1' }))).toEqual(['That return line does not exist']);
    expect(errors(receiveSchema, received({ restock: 'yes' }))).toEqual(['Choose restock or do not restock']);
    expect(errors(receiveSchema, { returnId, lines: [] })).toEqual(['Mark every line of the return']);
    expect(errors(receiveSchema, { ...received({}), returnId: 'x' })).toEqual(['That return does not exist']);

    expect(errors(returnRefundSchema, { returnId, amount: 49 })).toEqual(['Enter the amount to refund, e.g. 49.00']);
    expect(errors(returnRefundSchema, { returnId, amount: '49.001' })).toEqual(['Enter the amount to refund, e.g. 49.00']);
    expect(errors(returnRefundSchema, { returnId, amount: '1.00', note: 'n'.repeat(501) })).toEqual(['Keep the note under 500 characters']);
    expect(returnRefundSchema.parse({ returnId, amount: ' 1.00 ', note: ' Short ' })).toEqual({ returnId, amount: 100, note: 'Short' });
    expect(errors(returnRefundSchema, { returnId: 'r', amount: '1.00' })).toEqual(['That return does not exist']);

    expect(errors(goodwillRefundSchema, { orderId, amount: '5.00', note: 'Late', requestKey: 'short' })).toEqual([
      'This form is out of date: open the order again.',
    ]);
    expect(errors(goodwillRefundSchema, { orderId, amount: '5.00', note: 'Late', requestKey: 7 })).toEqual(['This form is out of date: open the order again.']);
    expect(errors(goodwillRefundSchema, { orderId, amount: '5.00', note: 'Late', requestKey: `${'k'.repeat(16)}!` })).toEqual([
      'This form is out of date: open the order again.',
    ]);
    expect(errors(goodwillRefundSchema, { orderId, amount: '5.00', note: 'Late', requestKey: `!${'k'.repeat(16)}` })).toEqual([
      'This form is out of date: open the order again.',
    ]);
    expect(errors(goodwillRefundSchema, { orderId, amount: '5.00', note: 'Late', requestKey: 'k'.repeat(65) })).toEqual([
      'This form is out of date: open the order again.',
    ]);
    for (const key of ['k'.repeat(16), 'A-b_9'.repeat(4), 'z'.repeat(64)])
      expect(goodwillRefundSchema.parse({ orderId, amount: '5.00', note: 'Late', requestKey: key }).requestKey).toBe(key);
    expect(errors(goodwillRefundSchema, { orderId: 'o', amount: '5.00', note: 'Late' })).toEqual(['That order does not exist']);

    expect(closeSchema.parse({ returnId, note: ' Withdrawn ' })).toEqual({ returnId, note: 'Withdrawn' });
    expect(errors(closeSchema, { returnId, note: 'n'.repeat(501) })).toEqual(['Keep the note under 500 characters']);
    expect(errors(closeSchema, { returnId: '' })).toEqual(['That return does not exist']);
    expect(retryRefundSchema.parse({ refundId: returnId })).toEqual({ refundId: returnId });
    expect(errors(retryRefundSchema, { refundId: 'refund-1' })).toEqual(['That refund does not exist']);
    expect(errors(retryRefundSchema, {})).toEqual(['That refund does not exist']);
  });
});
