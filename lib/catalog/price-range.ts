import type { Prisma } from '../generated/prisma/client';
import { batches } from '../db/batches';

type Tx = Prisma.TransactionClient;

/**
 * Keeps Product.minPriceCents / maxPriceCents in step with its variants, so the catalog can
 * filter and sort by price with an index. Call it in the same transaction that changes variants.
 */
export async function refreshPriceRange(tx: Tx, productId: string): Promise<void> {
  const agg = await tx.variant.aggregate({ where: { productId }, _min: { priceCents: true }, _max: { priceCents: true } });
  await tx.product.update({
    where: { id: productId },
    data: { minPriceCents: agg._min.priceCents ?? 0, maxPriceCents: agg._max.priceCents ?? 0 },
  });
}

/**
 * The same for many products at once (bulk loads): one statement per batch of ids, and only the
 * rows whose range changed are written.
 */
export async function refreshPriceRanges(tx: Tx, productIds: readonly string[]): Promise<void> {
  for (const ids of batches(productIds, 1_000)) {
    await tx.$executeRaw`
      UPDATE "Product" AS p SET "minPriceCents" = coalesce(r.lo, 0), "maxPriceCents" = coalesce(r.hi, 0), "updatedAt" = CURRENT_TIMESTAMP
      FROM (
        SELECT ids.id, min(v."priceCents") AS lo, max(v."priceCents") AS hi
        FROM unnest(${ids}::text[]) AS ids(id)
        LEFT JOIN "Variant" v ON v."productId" = ids.id
        GROUP BY ids.id
      ) AS r
      WHERE p.id = r.id AND (p."minPriceCents", p."maxPriceCents") IS DISTINCT FROM (coalesce(r.lo, 0), coalesce(r.hi, 0))`;
  }
}
