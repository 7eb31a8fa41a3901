import { z } from 'zod';
import { returnLineSchema, type ReturnRequestInput } from './input';

/**
 * The return form as posted (works without JavaScript): one hidden `line` per order line shown,
 * and for each `qty.<line id>` (0 or empty: not returned), `reason.<line id>`, `comment.<line id>`.
 * Parsed into the lines of a request with a sentence per field; the order itself is proven and
 * resolved by the page, never taken from the form.
 */
export type ReturnFormParse = { ok: true; lines: ReturnRequestInput['lines'] } | { ok: false; message: string; errors: Record<string, string> };

const lineIds = z.array(z.string().regex(/^c[a-z0-9]{20,32}$/)).max(100);

const text = (v: FormDataEntryValue | null) => (typeof v === 'string' ? v : '');

export function parseReturnForm(form: FormData): ReturnFormParse {
  const ids = lineIds.safeParse(form.getAll('line'));
  if (!ids.success) return { ok: false, message: 'That form is out of date: open the order again and start the return there.', errors: {} };
  const errors: Record<string, string> = {};
  const lines: ReturnRequestInput['lines'] = [];
  for (const id of new Set(ids.data)) {
    const qty = text(form.get(`qty.${id}`)).trim();
    if (qty === '' || qty === '0') continue;
    const parsed = returnLineSchema.safeParse({
      orderLineId: id,
      quantity: qty,
      reason: text(form.get(`reason.${id}`)) || undefined,
      comment: text(form.get(`comment.${id}`)),
    });
    if (parsed.success) {
      lines.push(parsed.data);
      continue;
    }
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] === 'quantity' ? 'qty' : issue.path[0] === 'comment' ? 'comment' : 'reason';
      errors[`${field}.${id}`] ??= issue.message;
    }
  }
  if (Object.keys(errors).length) return { ok: false, message: 'Check the items marked below.', errors };
  if (!lines.length) return { ok: false, message: 'Choose at least one item to return: set how many, and why.', errors: {} };
  return { ok: true, lines };
}
