import type { Prisma } from '../db';

/**
 * Stock for orders, decided by the database: a reservation is one conditional UPDATE that cannot
 * take stock below zero, so concurrent shoppers for the last unit get exactly one success.
 */
export class OutOfStock extends Error {
  constructor(
    readonly variantId: string,
    readonly title: string,
    readonly available: number,
  ) {
    super(available > 0 ? `Only ${available} of ${title} left` : `${title} is sold out`);
    this.name = 'OutOfStock';
  }
}

export async function reserveStock(tx: Prisma.TransactionClient, lines: { variantId: string; quantity: number; title: string }[]): Promise<void> {
  // A fixed order (by id) so two orders sharing variants never lock them in opposite orders.
  for (const line of [...lines].sort((a, b) => (a.variantId < b.variantId ? -1 : a.variantId > b.variantId ? 1 : 0))) {
    const taken =
      await tx.$executeRaw`UPDATE "Variant" SET stock = stock - ${line.quantity}, "updatedAt" = now() WHERE id = ${line.variantId} AND stock >= ${line.quantity}`;
    if (taken === 0) {
      const row = await tx.variant.findUnique({ where: { id: line.variantId }, select: { stock: true } });
      throw new OutOfStock(line.variantId, line.title, Math.max(0, row?.stock ?? 0));
    }
  }
}

/** Gives back the stock of these orders' lines (an order that expired or was cancelled). */
export async function releaseStock(tx: Prisma.TransactionClient, orderIds: string[]): Promise<void> {
  if (!orderIds.length) return;
  // Lock the variants in the same (byte) order reserveStock takes them, so a release and a
  // reservation running at once can never wait on each other in a circle.
  await tx.$queryRaw`SELECT v.id FROM "Variant" v WHERE v.id IN (SELECT "variantId" FROM "OrderLine" WHERE "orderId" = ANY(${orderIds})) ORDER BY v.id COLLATE "C" FOR UPDATE`;
  await tx.$executeRaw`UPDATE "Variant" v SET stock = v.stock + l.total, "updatedAt" = now()
    FROM (SELECT "variantId", SUM(quantity)::int AS total FROM "OrderLine" WHERE "orderId" = ANY(${orderIds}) AND "variantId" IS NOT NULL GROUP BY "variantId") l
    WHERE v.id = l."variantId"`;
}
