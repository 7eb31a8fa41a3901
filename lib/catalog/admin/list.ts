import type { Db, Prisma } from '../../db';
import { authorize, type StaffActor } from '../../auth/permissions';
import type { AdminProductQuery } from './input';

export const ADMIN_PAGE_SIZE = 25;

export interface AdminProductRow {
  id: string;
  title: string;
  slug: string;
  status: 'draft' | 'active' | 'archived';
  material: string;
  variants: number;
  stock: number;
  soldOut: number;
  minPriceCents: number;
  maxPriceCents: number;
  currency: string;
  collections: string[];
}

/** The staff product list: search by title, slug or SKU; filter by status, collection, low or no stock; newest edits first. */
export async function listAdminProducts(db: Db, actor: StaffActor, query: AdminProductQuery, lowStock: number) {
  authorize(actor, 'manageCatalog');
  const and: Prisma.ProductWhereInput[] = [];
  if (query.q) {
    const q = query.q;
    and.push({
      OR: [
        { title: { contains: q, mode: 'insensitive' } },
        { slug: { contains: q.toLowerCase() } },
        { variants: { some: { sku: { contains: q.toUpperCase() } } } },
      ],
    });
  }
  if (query.status) and.push({ status: query.status });
  if (query.collection) and.push({ collections: { some: { collection: { slug: query.collection } } } });
  if (query.stock === 'out') and.push({ variants: { some: { stock: 0 } } });
  if (query.stock === 'low') and.push({ variants: { some: { stock: { gt: 0, lte: lowStock } } } });
  const where: Prisma.ProductWhereInput = and.length ? { AND: and } : {};
  const total = await db.product.count({ where });
  const pages = Math.max(1, Math.ceil(total / ADMIN_PAGE_SIZE));
  const page = Math.min(query.page, pages);
  const rows = await db.product.findMany({
    where,
    orderBy: [{ updatedAt: 'desc' }, { id: 'asc' }],
    skip: (page - 1) * ADMIN_PAGE_SIZE,
    take: ADMIN_PAGE_SIZE,
    include: { variants: { select: { stock: true } }, collections: { select: { collection: { select: { title: true } } } } },
  });
  return {
    total,
    page,
    pages,
    rows: rows.map((p): AdminProductRow => ({
      id: p.id,
      title: p.title,
      slug: p.slug,
      status: p.status,
      material: p.material,
      variants: p.variants.length,
      stock: p.variants.reduce((n, v) => n + v.stock, 0),
      soldOut: p.variants.filter((v) => v.stock === 0).length,
      minPriceCents: p.minPriceCents,
      maxPriceCents: p.maxPriceCents,
      currency: p.currency,
      collections: p.collections.map((c) => c.collection.title),
    })),
  };
}
