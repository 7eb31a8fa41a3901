import { describe, expect, it } from 'vitest';
import { parseReturnForm } from './form';

const A = 'c' + 'a'.repeat(24);
const B = 'c' + 'b'.repeat(24);
const form = (entries: [string, string][]) => {
  const f = new FormData();
  for (const [k, v] of entries) f.append(k, v);
  return f;
};

describe('parseReturnForm', () => {
  it('keeps the lines with a quantity, with their reason and comment', () => {
    const r = parseReturnForm(
      form([
        ['line', A],
        ['line', B],
        [`qty.${A}`, '2'],
        [`reason.${A}`, 'too_small'],
        [`comment.${A}`, '  runs small  '],
        [`qty.${B}`, '0'],
        [`reason.${B}`, ''],
      ]),
    );
    expect(r).toEqual({ ok: true, lines: [{ orderLineId: A, quantity: 2, reason: 'too_small', comment: 'runs small' }] });
  });

  it('asks for at least one item when every quantity is 0 or empty', () => {
    expect(
      parseReturnForm(
        form([
          ['line', A],
          [`qty.${A}`, ''],
        ]),
      ),
    ).toEqual({
      ok: false,
      message: 'Choose at least one item to return: set how many, and why.',
      errors: {},
    });
  });

  it('names the field of each mistake: a missing reason, a fraction, "other" without a comment', () => {
    const r = parseReturnForm(
      form([
        ['line', A],
        ['line', B],
        [`qty.${A}`, '1'],
        [`qty.${B}`, '1.5'],
        [`reason.${B}`, 'other'],
      ]),
    );
    expect(r).toEqual({
      ok: false,
      message: 'Check the items marked below.',
      errors: {
        [`reason.${A}`]: 'Choose a reason for returning this item',
        [`qty.${B}`]: 'Enter a whole number of items',
      },
    });
    const other = parseReturnForm(
      form([
        ['line', A],
        [`qty.${A}`, '1'],
        [`reason.${A}`, 'other'],
        [`comment.${A}`, ' '],
      ]),
    );
    expect(other).toMatchObject({ ok: false, errors: { [`comment.${A}`]: 'Tell us the reason in a few words' } });
  });

  it('refuses a reason that is not on the list and a made-up line id, changing nothing', () => {
    expect(
      parseReturnForm(
        form([
          ['line', A],
          [`qty.${A}`, '1'],
          [`reason.${A}`, 'because'],
        ]),
      ),
    ).toMatchObject({
      ok: false,
      errors: { [`reason.${A}`]: 'Choose a reason for returning this item' },
    });
    expect(
      parseReturnForm(
        form([
          ['line', '../etc'],
          ['qty.../etc', '1'],
        ]),
      ),
    ).toEqual({
      ok: false,
      message: 'That form is out of date: open the order again and start the return there.',
      errors: {},
    });
  });

  it('takes a quantity of spaces as none, and only ids shaped like the shop’s (anchored at both ends)', () => {
    expect(
      parseReturnForm(
        form([
          ['line', A],
          [`qty.${A}`, '   '],
          [`reason.${A}`, 'damaged'],
        ]),
      ),
    ).toEqual({
      ok: false,
      message: 'Choose at least one item to return: set how many, and why.',
      errors: {},
    });
    for (const bad of [`x${A}`, `${A}/x`]) {
      expect(
        parseReturnForm(
          form([
            ['line', bad],
            [`qty.${bad}`, '1'],
            [`reason.${bad}`, 'damaged'],
          ]),
        ),
        bad,
      ).toEqual({ ok: false, message: 'That form is out of date: open the order again and start the return there.', errors: {} });
    }
  });

  it('a line listed twice counts once', () => {
    const r = parseReturnForm(
      form([
        ['line', A],
        ['line', A],
        [`qty.${A}`, '1'],
        [`reason.${A}`, 'damaged'],
      ]),
    );
    expect(r).toEqual({ ok: true, lines: [{ orderLineId: A, quantity: 1, reason: 'damaged' }] });
  });
});
