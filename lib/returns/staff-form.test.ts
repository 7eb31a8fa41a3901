import { describe, expect, it } from 'vitest';
import { closeSchema, receiveSchema, returnRefundSchema } from './input';
import { readReceiveForm, readTextForm } from './staff-form';

const returnId = 'c' + 'a'.repeat(24);
const lineA = 'c' + 'b'.repeat(24);
const lineB = 'c' + 'd'.repeat(24);
const form = (fields: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  return f;
};

describe('the staff return forms as posted', () => {
  it('read the receive form line by line: "yes" restocks, "no" does not, anything else is asked again', () => {
    const { raw, values } = readReceiveForm(
      form({
        returnId,
        'lines.0.returnLineId': lineA,
        'lines.0.receivedQuantity': '2',
        'lines.0.restock': 'yes',
        'lines.1.returnLineId': lineB,
        'lines.1.receivedQuantity': '0',
        'lines.1.restock': 'no',
      }),
    );
    expect(receiveSchema.parse(raw)).toEqual({
      returnId,
      lines: [
        { returnLineId: lineA, receivedQuantity: 2, restock: true },
        { returnLineId: lineB, receivedQuantity: 0, restock: false },
      ],
    });
    expect(values['lines.1.receivedQuantity']).toBe('0');
    const bad = readReceiveForm(form({ returnId, 'lines.0.returnLineId': lineA, 'lines.0.receivedQuantity': '1.5', 'lines.0.restock': 'maybe' }));
    expect(receiveSchema.safeParse(bad.raw).error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['lines.0.receivedQuantity', 'Enter a whole number of items'],
      ['lines.0.restock', 'Choose restock or do not restock'],
    ]);
    expect(receiveSchema.safeParse(readReceiveForm(form({ returnId })).raw).error?.issues[0]?.message).toBe('Mark every line of the return');
  });

  it('leave blank optional fields out: an empty amount is the proposal, an empty note is none', () => {
    expect(returnRefundSchema.parse(readTextForm(form({ returnId, amount: ' ', note: '' }), ['returnId'], ['amount', 'note']).raw)).toEqual({ returnId });
    expect(closeSchema.parse(readTextForm(form({ returnId, note: '  ' }), ['returnId'], ['note']).raw)).toEqual({ returnId });
    const typed = readTextForm(form({ returnId, amount: '12.345' }), ['returnId'], ['amount', 'note']);
    expect(typed.values).toEqual({ returnId, amount: '12.345' });
    expect(returnRefundSchema.safeParse(typed.raw).error?.issues[0]?.message).toBe('Enter the amount to refund, e.g. 49.00');
  });
});
