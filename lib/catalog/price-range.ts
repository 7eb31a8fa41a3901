import type { Prisma } from '../generated/prisma/client';

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
