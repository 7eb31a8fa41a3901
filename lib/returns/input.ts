import { z } from 'zod';

/**
 * What the return pages and staff actions send, parsed on the server with a sentence per mistake.
 * Ids are checked for shape only; whether they exist and belong together is the transition's job.
 */
// A schema's own `error` is also the sentence for its checks that name none (zod 4), so each is said once.
const id = (what: string) => z.string({ error: `That ${what} does not exist` }).regex(/^c[a-z0-9]{20,32}$/);

export const RETURN_REASONS = ['too_small', 'too_large', 'not_as_described', 'damaged', 'changed_mind', 'other'] as const;
export type ReturnReasonName = (typeof RETURN_REASONS)[number];

export const RETURN_REASON_LABELS: Record<ReturnReasonName, string> = {
  too_small: 'Too small',
  too_large: 'Too large',
  not_as_described: 'Not as described',
  damaged: 'Damaged or defective',
  changed_mind: 'Changed my mind',
  other: 'Other',
};

const quantity = z.coerce
  .number({ error: 'Enter how many to return' })
  .int('Enter a whole number of items')
  .min(1, 'Return at least one item, or leave the line out')
  .max(999, 'That is more than was bought');

const comment = z
  .string()
  .trim()
  .max(500, 'Keep the comment under 500 characters')
  .transform((v) => (v ? v : undefined))
  .optional();

export const returnLineSchema = z
  .strictObject({
    orderLineId: id('order line'),
    quantity,
    reason: z.enum(RETURN_REASONS, { error: 'Choose a reason for returning this item' }),
    comment,
  })
  .refine((l) => l.reason !== 'other' || Boolean(l.comment), { message: 'Tell us the reason in a few words', path: ['comment'] });

export const returnRequestSchema = z.strictObject({
  orderId: id('order'),
  lines: z
    .array(returnLineSchema, { error: 'Choose at least one item to return' })
    .min(1)
    .max(100, 'Too many lines')
    .refine((lines) => new Set(lines.map((l) => l.orderLineId)).size === lines.length, 'Each item can be listed once'),
});
export type ReturnRequestInput = z.infer<typeof returnRequestSchema>;

const message = (required: string) => z.string({ error: required }).trim().min(1).max(2000, 'Keep the message under 2,000 characters');

export const approveSchema = z.strictObject({
  returnId: id('return'),
  message: z.string().trim().max(2000, 'Keep the message under 2,000 characters').optional(),
});
export type ApproveInput = z.infer<typeof approveSchema>;

export const rejectSchema = z.strictObject({
  returnId: id('return'),
  message: message('Tell the customer why the return was rejected'),
});
export type RejectInput = z.infer<typeof rejectSchema>;

export const receiveSchema = z.strictObject({
  returnId: id('return'),
  lines: z
    .array(
      z.strictObject({
        returnLineId: id('return line'),
        receivedQuantity: z.coerce
          .number({ error: 'Enter how many arrived' })
          .int('Enter a whole number of items')
          .min(0, 'Enter how many arrived (0 if none)'),
        restock: z.boolean({ error: 'Choose restock or do not restock' }),
      }),
    )
    .min(1, 'Mark every line of the return'),
});
export type ReceiveInput = z.infer<typeof receiveSchema>;

/** "49.00" or "49" → 4900; the amount must be typed like the product form's prices. */
const cents = z
  .string({ error: 'Enter the amount to refund, e.g. 49.00' })
  .trim()
  .regex(/^\d{1,7}(\.\d{1,2})?$/)
  .transform((v) => {
    const [whole, frac = ''] = v.split('.');
    return Number(whole) * 100 + Number(frac.padEnd(2, '0'));
  })
  .refine((c) => c > 0, 'Enter an amount above zero');

export const returnRefundSchema = z.strictObject({
  returnId: id('return'),
  /** Left out: the proposed amount. */
  amount: cents.optional(),
  note: z.string().trim().max(500, 'Keep the note under 500 characters').optional(),
});
export type ReturnRefundInput = z.infer<typeof returnRefundSchema>;

export const goodwillRefundSchema = z.strictObject({
  orderId: id('order'),
  amount: cents,
  note: message('Say why this goodwill refund is given'),
  /** The form's one-time key: posted twice (a double click, a reload), one refund. */
  requestKey: z
    .string({ error: 'This form is out of date: open the order again.' })
    .regex(/^[A-Za-z0-9_-]{16,64}$/)
    .optional(),
});
export type GoodwillRefundInput = z.infer<typeof goodwillRefundSchema>;

export const closeSchema = z.strictObject({
  returnId: id('return'),
  note: z.string().trim().max(500, 'Keep the note under 500 characters').optional(),
});
export type CloseInput = z.infer<typeof closeSchema>;

export const retryRefundSchema = z.strictObject({ refundId: id('refund') });
