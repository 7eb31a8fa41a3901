import 'server-only';
import type { Db } from '../db';
import { recordAudit } from '../audit/record';
import { authorize, type StaffActor } from '../auth/permissions';
import { tagsForProductChange } from '../catalog/admin/tags';
import { sendReturnEmail } from './emails';
import type { ReceiveInput } from './input';
import { moveReturn } from './move';
import { formatReturnNumber, ReturnError } from './states';

/**
 * approved → received: staff say, line by line, how many arrived and whether they go back on sale
 * (restock) or not (damaged). Restocked units are added to the variant's stock by one UPDATE and
 * kept in the stock history with the reason "Return R-5001". Everything in one transaction, audited;
 * the customer is e-mailed once. Returns the cache tags the restock touched (the caller expires them).
 */
export async function receiveReturn(db: Db, actor: StaffActor | null, input: ReceiveInput, now = new Date()): Promise<{ tags: string[] }> {
  authorize(actor, 'manageOrders');
  const tags = await db.$transaction(async (tx) => {
    await moveReturn(tx, input.returnId, 'receive', { now, actorId: actor.id, note: null, data: { receivedAt: now } });
    const ret = await tx.return.findUniqueOrThrow({
      where: { id: input.returnId },
      select: { number: true, lines: { select: { id: true, quantity: true, orderLine: { select: { title: true, variantId: true } } } } },
    });
    const given = new Map(input.lines.map((l) => [l.returnLineId, l]));
    if (given.size !== input.lines.length || given.size !== ret.lines.length || ret.lines.some((l) => !given.has(l.id))) {
      throw new ReturnError('bad-lines', 'Mark every line of this return once: how many arrived, and restock or not.');
    }
    const reason = `Return ${formatReturnNumber(ret.number)}`;
    const slugs: string[] = [];
    const collections: string[] = [];
    const summary: { line: string; received: number; restock: boolean }[] = [];
    for (const line of ret.lines) {
      const g = given.get(line.id)!;
      if (g.receivedQuantity > line.quantity) {
        throw new ReturnError('too-many', `${line.orderLine.title}: ${line.quantity} were sent back, so at most ${line.quantity} can arrive.`);
      }
      await tx.returnLine.update({ where: { id: line.id }, data: { receivedQuantity: g.receivedQuantity, restock: g.restock } });
      summary.push({ line: line.orderLine.title, received: g.receivedQuantity, restock: g.restock });
      const variantId = line.orderLine.variantId;
      if (!g.restock || g.receivedQuantity === 0 || !variantId) continue;
      const rows = await tx.$queryRaw<{ stock: number; productId: string }[]>`
        UPDATE "Variant" SET stock = stock + ${g.receivedQuantity}, "updatedAt" = ${now}
        WHERE id = ${variantId} RETURNING stock, "productId"`;
      const row = rows[0];
      if (!row) continue; // the variant was deleted since: nothing to put back on sale
      await tx.stockAdjustment.create({
        data: { variantId, delta: g.receivedQuantity, stockAfter: Number(row.stock), reason, actorId: actor.id, createdAt: now },
      });
      const product = await tx.product.findUniqueOrThrow({
        where: { id: row.productId },
        select: { slug: true, collections: { select: { collection: { select: { slug: true } } } } },
      });
      slugs.push(product.slug);
      collections.push(...product.collections.map((c) => c.collection.slug));
    }
    await recordAudit(tx, actor, {
      action: 'return.receive',
      entityType: 'return',
      entityId: input.returnId,
      before: { status: 'approved' },
      after: { status: 'received', lines: summary },
    });
    return slugs.length ? tagsForProductChange({ slugs, collectionSlugs: collections }) : [];
  });
  await sendReturnEmail(db, input.returnId, 'received', now);
  return { tags };
}
