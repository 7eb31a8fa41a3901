import { describe, expect, it } from 'vitest';
import { closeSchema, receiveSchema, returnRefundSchema } from './input';
import { MAX_FORM_LINES, readReceiveForm, readTextForm } from './staff-form';

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
    expect(values).toEqual({
      returnId,
      'lines.0.returnLineId': lineA,
      'lines.0.receivedQuantity': '2',
      'lines.0.restock': 'yes',
      'lines.1.returnLineId': lineB,
      'lines.1.receivedQuantity': '0',
      'lines.1.restock': 'no',
    });
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

  it('read at most 100 lines, and cut a pasted essay to one character over the limit so the schema names the limit', () => {
    const fields: Record<string, string> = { returnId };
    for (let i = 0; i <= MAX_FORM_LINES; i++) Object.assign(fields, { [`lines.${i}.returnLineId`]: lineA, [`lines.${i}.receivedQuantity`]: '1' });
    const { raw, values } = readReceiveForm(form(fields));
    expect(MAX_FORM_LINES).toBe(100);
    expect((raw.lines as unknown[]).length).toBe(100);
    expect(values).not.toHaveProperty(`lines.${MAX_FORM_LINES}.returnLineId`);
    expect(values).toHaveProperty(`lines.${MAX_FORM_LINES - 1}.returnLineId`, lineA);

    const long = readTextForm(form({ returnId, note: 'n'.repeat(5000) }), ['returnId'], ['note'], 500);
    expect((long.raw.note as string).length).toBe(501);
    expect(long.values.note).toHaveLength(501);
    expect(closeSchema.safeParse(long.raw).error?.issues[0]?.message).toBe('Keep the note under 500 characters');
    const exact = readTextForm(form({ returnId, note: 'n'.repeat(500) }), ['returnId'], ['note'], 500);
    expect((exact.raw.note as string).length).toBe(500);
    expect(closeSchema.parse(exact.raw).note).toHaveLength(500);
    expect(readReceiveForm(form({ returnId: 'r'.repeat(300) })).raw.returnId).toHaveLength(101);
  });

  it('leave a blank optional field out of what goes to the schema, not in it as undefined', () => {
    expect(Object.keys(readTextForm(form({ returnId, note: ' ' }), ['returnId'], ['note']).raw)).toEqual(['returnId']);
    expect(readTextForm(form({ returnId, note: 'Withdrawn' }), ['returnId'], ['note']).raw).toEqual({ returnId, note: 'Withdrawn' });
  });
});
