'use server';

import { redirect } from 'next/navigation';
import type { ReturnFormState } from '@/components/returns/return-form-state';
import { shopConfig } from '@/lib/config';
import { db } from '@/lib/db';
import { mediaStorage } from '@/lib/media/storage';
import { numberFromPath } from '@/lib/orders/order-page';
import { findReturnForm } from '@/lib/returns/customer-view';
import { parseReturnForm } from '@/lib/returns/form';
import { returnRequestSchema } from '@/lib/returns/input';
import { prepareReturnPhotos } from '@/lib/returns/photos';
import { requestReturn } from '@/lib/returns/request';
import { ReturnError } from '@/lib/returns/states';
import { requestProof, withToken } from '../order-proof';

const NO_ORDER = 'We can’t find that order for you any more. Open it again from your confirmation e-mail, or find it with its number and your e-mail.';

/**
 * "Request the return". A public endpoint: the order is proven again here (lib/orders/order-proof.ts),
 * the lines are parsed with zod (lib/returns/form.ts), the photos checked by their bytes and
 * re-encoded (lib/returns/photos.ts), and lib/returns/request.ts decides with the order row locked.
 * Nothing the browser sends says which order it is beyond the number its proof must match.
 */
export async function requestReturnAction(prev: ReturnFormState, form: FormData): Promise<ReturnFormState> {
  const attempt = prev.attempt + 1;
  const values: Record<string, string> = {};
  for (const [k, v] of form.entries()) {
    if (typeof v === 'string' && /^(qty|reason|comment)\.c[a-z0-9]{20,32}$/.test(k) && Object.keys(values).length < 300) values[k] = v.slice(0, 500);
  }
  const order = form.get('order');
  const number = typeof order === 'string' ? numberFromPath(order) : null;
  if (number === null) return { attempt, message: NO_ORDER, errors: {}, values };
  const c = shopConfig();
  const proof = await requestProof(form.get('token'));
  const view = await findReturnForm(
    db(),
    { order: order as string, linkToken: proof.linkToken, cartToken: proof.cartToken, passToken: proof.passTokenFor(number) },
    { appSecret: c.APP_SECRET, windowDays: c.RETURN_WINDOW_DAYS },
  );
  if (!view) return { attempt, message: NO_ORDER, errors: {}, values };
  if (view.kind === 'closed') return { attempt, message: view.message, errors: {}, values };
  const parsed = parseReturnForm(form);
  if (!parsed.ok) return { attempt, message: parsed.message, errors: parsed.errors, values };
  const input = returnRequestSchema.safeParse({ orderId: view.orderId, lines: parsed.lines });
  if (!input.success) return { attempt, message: input.error.issues[0]?.message ?? 'Check the items and try again.', errors: {}, values };
  // Checked again under the order's lock by requestReturn; here so a request that cannot succeed costs no photo decoding.
  for (const asked of input.data.lines) {
    const line = view.lines.find((l) => l.id === asked.orderLineId);
    if (!line) return { attempt, message: 'One of those items is not part of this order.', errors: {}, values };
    if (asked.quantity > line.left) {
      const message = line.left === 0 ? (line.why ?? 'This item cannot be returned.') : `You can return at most ${line.left} of this item.`;
      return { attempt, message: 'Check the items marked below.', errors: { [`qty.${line.id}`]: message }, values };
    }
  }
  const photos = await prepareReturnPhotos(form.getAll('photos').filter((f): f is File => f instanceof File));
  if (!photos.ok) return { attempt, message: 'Check the photos.', errors: { photos: photos.message }, values };
  let created;
  try {
    created = await requestReturn(db(), input.data, { windowDays: c.RETURN_WINDOW_DAYS }, new Date(), { storage: mediaStorage(), prepared: photos.photos });
  } catch (err) {
    if (err instanceof ReturnError) return { attempt, message: err.message, errors: {}, values };
    throw err;
  }
  redirect(withToken(`/returns/${created.number}`, proof.linkToken));
}
