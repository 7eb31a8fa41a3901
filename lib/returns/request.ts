import 'server-only';
import type { Db } from '../db';
import { formatReturnNumber, ReturnError } from './states';
import { sendReturnEmail } from './emails';
import type { ReturnRequestInput } from './input';
import { lockOrder } from './move';
import { newRowId, returnPhotoKey, storeReturnPhotos, type PreparedPhoto } from './photos';
import { returnability } from './returnability';
import type { MediaStorage } from '../media/storage';

/**
 * A customer asks to return lines of their order (the page has already checked they may see it:
 * lib/orders/order-proof.ts). Refused, with a sentence, by the rule in returnability.ts: the order
 * is not paid, the window has closed, a line is final sale or belongs to another order, or a
 * quantity is more than was bought minus what is already returned or asked for. The order row is
 * locked first, so two requests at once cannot together ask for more than was bought.
 * Photos (photos.ts, already checked and re-encoded) are stored before the return is written,
 * under its id, and removed again when the request is refused.
 */
export interface RequestSettings {
  windowDays: number;
}

export async function requestReturn(
  db: Db,
  input: ReturnRequestInput,
  settings: RequestSettings,
  now = new Date(),
  photos: { storage: MediaStorage; prepared: readonly PreparedPhoto[] } | null = null,
): Promise<{ returnId: string; number: string }> {
  const returnId = newRowId();
  let keys: string[] = [];
  let created: { id: string; number: number };
  try {
    keys = photos ? await storeReturnPhotos(photos.storage, returnId, photos.prepared) : [];
    created = await db.$transaction(async (tx) => {
      if (!(await lockOrder(tx, input.orderId))) throw new ReturnError('not-found', 'That order does not exist.');
      const order = await tx.order.findUniqueOrThrow({
        where: { id: input.orderId },
        select: {
          status: true,
          paidAt: true,
          lines: {
            select: {
              id: true,
              title: true,
              quantity: true,
              finalSale: true,
              returnLines: { select: { quantity: true, receivedQuantity: true, return: { select: { status: true } } } },
            },
          },
        },
      });
      const r = returnability(order, settings.windowDays, now);
      if (r.kind === 'closed') throw new ReturnError(r.code, r.message);
      const byId = new Map(order.lines.map((l) => [l.id, l]));
      for (const asked of input.lines) {
        const line = byId.get(asked.orderLineId);
        if (!line) throw new ReturnError('bad-lines', 'One of those items is not part of this order.');
        if (line.finalSale) throw new ReturnError('final-sale', `${line.title} was sold as final sale and cannot be returned.`);
        const left = r.left.get(line.id) ?? 0;
        if (asked.quantity > left) {
          throw new ReturnError(
            'too-many',
            left <= 0 ? `${line.title}: every item bought is already returned or in a return.` : `${line.title}: you can return at most ${left} more.`,
          );
        }
      }
      return tx.return.create({
        data: {
          id: returnId,
          orderId: input.orderId,
          createdAt: now,
          lines: { create: input.lines.map((l) => ({ orderLineId: l.orderLineId, quantity: l.quantity, reason: l.reason, comment: l.comment ?? null })) },
          events: { create: { from: null, to: 'requested', note: 'Requested by the customer', createdAt: now } },
          photos: {
            create: (photos?.prepared ?? []).map((p, i) => ({ key: keys[i]!, width: p.width, height: p.height, position: i, createdAt: now })),
          },
        },
        select: { id: true, number: true },
      });
    });
  } catch (err) {
    // Refused, or a photo could not be written: nothing of this request stays in the store.
    if (photos) await Promise.all(photos.prepared.map((p) => photos.storage.remove(returnPhotoKey(returnId, p.hash)).catch(() => undefined)));
    throw err;
  }
  await sendReturnEmail(db, created.id, 'requested', now);
  return { returnId: created.id, number: formatReturnNumber(created.number) };
}
