import type { Db, Prisma } from '../db';
import type { CatalogQuery, Sort } from './filters';
import { cardSelect, productInclude, toCollection, toProduct, toProductCard } from './mappers';
import { MATERIALS, isMaterial } from './materials';
import { isSlug } from '../slug';
import { searchProducts } from './search';
import type { CatalogFacets, CatalogPage, CollectionView, ProductCardView, ProductView } from './types';

/**
 * Catalog reads. Each takes the client so tests can hand in their own database;
 * pages call the cached wrappers in ./cached.ts instead.
 */

const active = { status: 'active' } satisfies Prisma.ProductWhereInput;

/** `matches`: the ids a search found (lib/catalog/search.ts), when the query has words. */
export function catalogWhere(query: CatalogQuery, matches: readonly string[] | null = null): Prisma.ProductWhereInput {
  const and: Prisma.ProductWhereInput[] = [active];
  if (query.collection) and.push({ collections: { some: { collection: { slug: query.collection } } } });
  if (query.materials.length) and.push({ material: { in: query.materials } });
  if (query.q) and.push({ id: { in: [...(matches ?? [])] } });
  // One variant must satisfy colour, stock and price together: "a blue one in stock under $100".
  const variant: Prisma.VariantWhereInput = {};
  if (query.colour) variant.colour = { equals: query.colour, mode: 'insensitive' };
  if (query.inStock) variant.stock = { gt: 0 };
  if (query.minPriceCents !== null || query.maxPriceCents !== null) {
    variant.priceCents = {
      ...(query.minPriceCents !== null ? { gte: query.minPriceCents } : {}),
      ...(query.maxPriceCents !== null ? { lte: query.maxPriceCents } : {}),
    };
  }
  if (Object.keys(variant).length) and.push({ variants: { some: variant } });
  return { AND: and };
}

export function catalogOrderBy(sort: Sort): Prisma.ProductOrderByWithRelationInput[] {
  switch (sort) {
    case 'newest':
      return [{ createdAt: 'desc' }, { slug: 'asc' }];
    case 'price-asc':
      return [{ minPriceCents: 'asc' }, { slug: 'asc' }];
    case 'price-desc':
      return [{ minPriceCents: 'desc' }, { slug: 'asc' }];
    case 'featured':
      return [{ featuredRank: { sort: 'asc', nulls: 'last' } }, { createdAt: 'desc' }, { slug: 'asc' }];
  }
}

export async function listProducts(db: Db, query: CatalogQuery, pageSize: number): Promise<CatalogPage> {
  const scores = query.q ? await searchProducts(db, query.q) : null;
  const where = catalogWhere(query, scores ? [...scores.keys()] : null);
  if (scores && query.sort === 'featured') {
    // A search in the default order lists the best matches first (the other sorts are the shopper's choice).
    // Ranked on ids and slugs only; the cards are read for the page shown, not for every match.
    const matches = await db.product.findMany({ where, select: { id: true, slug: true } });
    matches.sort((a, b) => (scores.get(b.id) ?? 0) - (scores.get(a.id) ?? 0) || a.slug.localeCompare(b.slug));
    const total = matches.length;
    const pageCount = Math.max(1, Math.ceil(total / pageSize));
    const page = Math.min(query.page, pageCount);
    const ids = matches.slice((page - 1) * pageSize, page * pageSize).map((m) => m.id);
    const rows = await db.product.findMany({ where: { id: { in: ids } }, select: { ...cardSelect, id: true } });
    rows.sort((a, b) => ids.indexOf(a.id) - ids.indexOf(b.id));
    return { products: rows.map(toProductCard), total, page, pageCount, pageSize };
  }
  const total = await db.product.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  // A page past the end shows the last page rather than an empty one.
  const page = Math.min(query.page, pageCount);
  const rows = await db.product.findMany({
    where,
    orderBy: catalogOrderBy(query.sort),
    skip: (page - 1) * pageSize,
    take: pageSize,
    select: cardSelect,
  });
  return { products: rows.map(toProductCard), total, page, pageCount, pageSize };
}

export async function getProductBySlug(db: Db, slug: string): Promise<ProductView | null> {
  if (!isSlug(slug)) return null;
  const row = await db.product.findUnique({ where: { slug }, include: productInclude });
  if (!row || row.status !== 'active') return null;
  return toProduct(row);
}

export async function featuredProducts(db: Db, limit: number): Promise<ProductCardView[]> {
  const rows = await db.product.findMany({
    where: { ...active, featuredRank: { not: null } },
    orderBy: [{ featuredRank: 'asc' }, { slug: 'asc' }],
    take: limit,
    select: cardSelect,
  });
  return rows.map(toProductCard);
}

export async function relatedProducts(db: Db, product: ProductView, limit: number): Promise<ProductCardView[]> {
  const rows = await db.product.findMany({
    where: {
      ...active,
      slug: { not: product.slug },
      OR: [{ collections: { some: { collection: { slug: { in: product.collections.map((c) => c.slug) } } } } }, { material: product.material }],
    },
    orderBy: [{ featuredRank: { sort: 'asc', nulls: 'last' } }, { slug: 'asc' }],
    take: limit,
    select: cardSelect,
  });
  return rows.map(toProductCard);
}

const collectionSelect = {
  slug: true,
  title: true,
  description: true,
  imagePath: true,
  imageAlt: true,
  _count: { select: { products: { where: { product: active } } } },
} satisfies Prisma.CollectionSelect;

export async function listCollections(db: Db): Promise<CollectionView[]> {
  const rows = await db.collection.findMany({
    orderBy: [{ featuredRank: { sort: 'asc', nulls: 'last' } }, { title: 'asc' }],
    select: collectionSelect,
  });
  return rows.map(toCollection);
}

export async function getCollectionBySlug(db: Db, slug: string): Promise<CollectionView | null> {
  if (!isSlug(slug)) return null;
  const row = await db.collection.findUnique({ where: { slug }, select: collectionSelect });
  return row ? toCollection(row) : null;
}

/** The choices the filter form offers: only values that some active product has. */
export async function catalogFacets(db: Db): Promise<CatalogFacets> {
  const [collections, materials, colours] = await Promise.all([
    db.collection.findMany({ orderBy: [{ featuredRank: { sort: 'asc', nulls: 'last' } }, { title: 'asc' }], select: { slug: true, title: true } }),
    db.product.groupBy({ by: ['material'], where: active, _count: { _all: true }, orderBy: { material: 'asc' } }),
    // groupBy is a GROUP BY in SQL; findMany's distinct would read every variant and drop the repeats in memory.
    db.variant.groupBy({ by: ['colour'], where: { product: active }, orderBy: { colour: 'asc' } }),
  ]);
  return {
    collections,
    materials: materials
      .filter((m) => isMaterial(m.material))
      .map((m) => ({ value: m.material, label: MATERIALS[m.material as keyof typeof MATERIALS].label, count: m._count._all })),
    colours: colours.map((c) => c.colour),
  };
}

export async function activeProductSlugs(db: Db): Promise<{ slug: string; updatedAt: Date }[]> {
  return db.product.findMany({ where: active, select: { slug: true, updatedAt: true }, orderBy: { slug: 'asc' } });
}
