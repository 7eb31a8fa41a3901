import type { Db } from '../../db';
import { authorize, type StaffActor } from '../../auth/permissions';
import { recordAudit } from '../../audit/record';
import { ProductError } from './errors';
import { tagsForProductChange } from './tags';

export interface StockResult {
  stock: number;
  tags: string[];
}

/**
 * Adds or takes away stock with a reason, kept in the stock history. One conditional UPDATE
 * (`stock + delta >= 0`) decides: concurrent adjustments and orders all count, and stock never
 * goes below zero, whatever anyone read before.
 */
export async function adjustStock(db: Db, actor: StaffActor, input: { variantId: string; delta: number; reason: string }): Promise<StockResult> {
  authorize(actor, 'manageCatalog');
  return db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ stock: number; productId: string }[]>`
      UPDATE "Variant" SET stock = stock + ${input.delta}, "updatedAt" = now()
      WHERE id = ${input.variantId} AND stock + ${input.delta} >= 0
      RETURNING stock, "productId"`;
    const row = rows[0];
    if (!row) {
      const v = await tx.variant.findUnique({ where: { id: input.variantId }, select: { stock: true } });
      if (!v) throw new ProductError('not-found', 'That variant no longer exists: reload the page.', 'delta');
      throw new ProductError('stock-negative', `Only ${v.stock} in stock: you can take away at most ${v.stock}.`, 'delta');
    }
    const stock = Number(row.stock);
    await tx.stockAdjustment.create({ data: { variantId: input.variantId, delta: input.delta, stockAfter: stock, reason: input.reason, actorId: actor.id } });
    await recordAudit(tx, actor, {
      action: 'stock.adjust',
      entityType: 'variant',
      entityId: input.variantId,
      before: { stock: stock - input.delta },
      after: { stock, reason: input.reason },
    });
    const product = await tx.product.findUniqueOrThrow({
      where: { id: row.productId },
      select: { slug: true, collections: { select: { collection: { select: { slug: true } } } } },
    });
    return { stock, tags: tagsForProductChange({ slugs: [product.slug], collectionSlugs: product.collections.map((c) => c.collection.slug) }) };
  });
}
