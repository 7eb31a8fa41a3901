import type { Db } from '../db';
import { Prisma } from '../generated/prisma/client';
import type { CatalogQuery, Sort } from './filters';
import { cardSelect, productInclude, toCollection, toProduct, toProductCard } from './mappers';
import { MATERIALS, isMaterial } from './materials';
import { isSlug } from '../slug';
import { searchMatchSql, searchQuery, searchRankSql, titleMatchSql, titleRankSql } from './search';
import type { CatalogFacets, CatalogPage, CollectionView, ProductCardView, ProductView } from './types';

/**
 * Catalog reads. Each takes the client so tests can hand in their own database;
 * pages call the cached wrappers in ./cached.ts instead.
 */

const active = { status: 'active' } satisfies Prisma.ProductWhereInput;

/** True when the query has a filter on the variants (one variant must satisfy them all together). */
function hasVariantFilter(query: CatalogQuery): boolean {
  return Boolean(query.colour || query.inStock || query.minPriceCents !== null || query.maxPriceCents !== null);
}

/**
 * The SQL condition "product p is listed for this query"; `tsquery` is the search (lib/catalog/search.ts).
 * One variant must satisfy colour, stock and price together ("a blue one in stock under $100"). Stored
 * columns answer first, so the database reads only candidates: Product.colours (GIN) for the colour, and the
 * product's price range, which alone decides a product whose every price is inside the bounds; only the rest
 * are checked against their variants.
 */
export function catalogWhereSql(query: CatalogQuery, tsquery: string | null, use: 'page' | 'count' = 'page'): Prisma.Sql {
  const and: Prisma.Sql[] = [Prisma.sql`p."status" = 'active'`];
  if (query.collection) {
    and.push(Prisma.sql`EXISTS (SELECT 1 FROM "CollectionProduct" cp JOIN "Collection" c ON c."id" = cp."collectionId"
      WHERE cp."productId" = p."id" AND c."slug" = ${query.collection})`);
  }
  if (query.materials.length) and.push(Prisma.sql`p."material" = ANY(${query.materials}::text[])`);
  if (tsquery !== null) and.push(searchMatchSql(tsquery));
  const { colour, inStock, minPriceCents: lo, maxPriceCents: hi } = query;
  if (colour) and.push(Prisma.sql`p."colours" @> ARRAY[${colour}]::text[]`);
  if (lo !== null) and.push(Prisma.sql`p."maxPriceCents" >= ${lo}`);
  if (hi !== null) and.push(Prisma.sql`p."minPriceCents" <= ${hi}`);
  const variant: Prisma.Sql[] = [];
  if (colour) variant.push(Prisma.sql`v."colourKey" = ${colour}`);
  if (inStock) variant.push(Prisma.sql`v."stock" > 0`);
  if (lo !== null) variant.push(Prisma.sql`v."priceCents" >= ${lo}`);
  if (hi !== null) variant.push(Prisma.sql`v."priceCents" <= ${hi}`);
  // OFFSET 0 keeps the variant check a subquery run per candidate (through the productId index): the stored
  // columns leave few candidates, where a join would read every variant first (docs/perf/catalog-explain.md).
  const variantCheck = () => Prisma.sql`EXISTS (SELECT 1 FROM "Variant" v WHERE v."productId" = p."id" AND ${Prisma.join(variant, ' AND ')} OFFSET 0)`;
  const onlyPrice = !colour && !inStock && (lo !== null || hi !== null);
  if (use === 'count' && (onlyPrice || (colour && inStock))) {
    // Counting reads every candidate anyway: one pass over the variants that qualify, read from an index alone,
    // joined to the products, costs less than a check per candidate. Price: Variant(priceCents, productId) (2.4
    // against 4.8 ms at 10,000 products; a product whose whole range is inside has such a variant too). Colour in
    // stock: the partial index Variant(colourKey, productId) WHERE stock > 0 (migration colour_key).
    and.push(Prisma.sql`p."id" IN (SELECT v."productId" FROM "Variant" v WHERE ${Prisma.join(variant, ' AND ')})`);
  } else if (onlyPrice) {
    // Every price inside the bounds: the product matches without reading its variants.
    const inside = Prisma.sql`(${lo === null ? Prisma.sql`TRUE` : Prisma.sql`p."minPriceCents" >= ${lo}`} AND ${
      hi === null ? Prisma.sql`TRUE` : Prisma.sql`p."maxPriceCents" <= ${hi}`
    })`;
    and.push(Prisma.sql`(${inside} OR ${variantCheck()})`);
  } else if (inStock || (colour && (lo !== null || hi !== null))) {
    and.push(variantCheck());
  }
  return Prisma.join(and, ' AND ');
}

/** The SQL order of a listing in the shopper's chosen sort. */
export function catalogOrderSql(sort: Sort): Prisma.Sql {
  switch (sort) {
    case 'newest':
      return Prisma.sql`p."createdAt" DESC, p."slug" ASC`;
    case 'price-asc':
      return Prisma.sql`p."minPriceCents" ASC, p."slug" ASC`;
    case 'price-desc':
      return Prisma.sql`p."minPriceCents" DESC, p."slug" ASC`;
    case 'featured':
      // A search in this order is ranked by relevance instead (rankedSearchPage).
      return Prisma.sql`p."featuredRank" ASC NULLS LAST, p."createdAt" DESC, p."slug" ASC`;
  }
}

/** A listing the stored counts answer: no search and no variant filter (collection and materials only). */
function hasStoredCount(query: CatalogQuery): boolean {
  return !query.q && !hasVariantFilter(query);
}

/**
 * How many products a listing without a search or a variant filter holds, read from CatalogCount, which
 * triggers keep (migration catalog_counts): a few rows read, not thousands of products counted.
 */
export async function storedCount(db: Db, query: CatalogQuery): Promise<number> {
  const materials = query.materials.length ? Prisma.sql`AND n."material" = ANY(${query.materials}::text[])` : Prisma.empty;
  const [row] = query.collection
    ? await db.$queryRaw<{ n: number }[]>`
        SELECT coalesce(sum(n."products"), 0)::int AS n FROM "CatalogCount" n JOIN "Collection" c ON c."id" = n."collectionId"
        WHERE c."slug" = ${query.collection} ${materials}`
    : await db.$queryRaw<{ n: number }[]>`SELECT coalesce(sum(n."products"), 0)::int AS n FROM "CatalogCount" n WHERE n."collectionId" = '' ${materials}`;
  return row?.n ?? 0;
}

/** The page a listing shows: the one asked for, or the last one when it asks past the end (never an empty page). */
function clampPage(wanted: number, total: number, pageSize: number): number {
  return Math.min(wanted, Math.max(1, Math.ceil(total / pageSize)));
}

async function countWhere(db: Db, where: Prisma.Sql): Promise<number> {
  const [row] = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "Product" p WHERE ${where}`;
  return row?.n ?? 0;
}

/** The ids of a page, in the listing's order. */
async function pageIds(db: Db, where: Prisma.Sql, order: Prisma.Sql, pageSize: number, page: number): Promise<{ id: string }[]> {
  return db.$queryRaw<{ id: string }[]>`
    SELECT p."id" FROM "Product" p WHERE ${where} ORDER BY ${order} LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`;
}

/** The cards of `ids`, in that order. */
async function cardsOf(db: Db, ids: readonly string[]): Promise<ProductCardView[]> {
  if (!ids.length) return [];
  const cards = await db.product.findMany({ where: { id: { in: [...ids] } }, select: { ...cardSelect, id: true } });
  const position = new Map(ids.map((id, i) => [id, i]));
  cards.sort((a, b) => position.get(a.id)! - position.get(b.id)!);
  return cards.map(toProductCard);
}

/**
 * The count and the page asked for are read side by side (on PostgreSQL, on two of the pool's
 * connections), so a listing waits for the slower of the two rather than for both in turn: at 10,000
 * products the count is most of a filter's time. The page is only a guess until the count is known:
 * asked past the end, the last page is read after it (never an empty page). PGlite runs one query at a
 * time, so there they run in turn as before.
 */
async function countBesidePage<T>(count: Promise<number>, wanted: number, pageSize: number, read: (page: number) => Promise<T>) {
  const [total, guess] = await Promise.all([count, read(wanted)]);
  const page = clampPage(wanted, total, pageSize);
  return { total, page, result: page === wanted ? guess : await read(page) };
}

/**
 * Where a ranked search reads its matches: ProductSearch (the active products' id, slug and vectors only,
 * kept by a trigger; migration product_search) when the search is the only condition, so a thousand
 * matches are some fifty narrow blocks rather than a thousand wide Product ones; Product itself when a
 * filter needs its other columns. Both have p."id", p."slug", p."searchVector" and p."titleVector".
 */
type SearchSource = Prisma.Sql;
const PRODUCTS: SearchSource = Prisma.sql`"Product"`;
const SEARCH_ONLY: SearchSource = Prisma.sql`"ProductSearch"`;

/** True when a query's only condition is its search: no collection, material, colour, stock or price. */
function isSearchOnly(query: CatalogQuery): boolean {
  return Boolean(query.q) && !query.collection && query.materials.length === 0 && !hasVariantFilter(query);
}

/**
 * A search in the default order: title matches first (ranked on the title), then the other matches (ranked
 * on the whole document). One query counts both tiers; a page is read from the tier(s) it falls in, so the
 * first pages rank only the title matches. The title tier's part of the page is read beside the count
 * (countBesidePage); the rest of the page, where the tiers meet or past them, only once the count says so.
 */
async function rankedSearchPage(db: Db, from: SearchSource, where: Prisma.Sql, tsquery: string, pageSize: number, wanted: number) {
  const title = titleMatchSql(tsquery);
  let titled = 0;
  const count = db.$queryRaw<{ total: number; titled: number }[]>`
    SELECT count(*)::int AS total, (count(*) FILTER (WHERE ${title}))::int AS titled FROM ${from} p WHERE ${where}`.then(([row]) => {
    titled = row?.titled ?? 0;
    return row?.total ?? 0;
  });
  // A full page of title matches needs nothing more: its cards are read beside the count too.
  const titlePage = async (page: number) => {
    const rows = await db.$queryRaw<{ id: string }[]>`
      SELECT p."id" FROM ${from} p WHERE ${where} AND ${title}
      ORDER BY ${titleRankSql(tsquery)} DESC, p."slug" ASC LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`;
    return {
      ids: rows.map((r) => r.id),
      cards:
        rows.length === pageSize
          ? await cardsOf(
              db,
              rows.map((r) => r.id),
            )
          : null,
    };
  };
  const { total, page, result } = await countBesidePage(count, wanted, pageSize, titlePage);
  if (result.cards) return { total, page, products: result.cards };
  const ids = [...result.ids];
  if (ids.length < pageSize && total > titled) {
    const offset = (page - 1) * pageSize;
    const rest = await db.$queryRaw<{ id: string }[]>`
      SELECT p."id" FROM ${from} p WHERE ${where} AND NOT (${title})
      ORDER BY ${searchRankSql(tsquery)} DESC, p."slug" ASC LIMIT ${pageSize - ids.length} OFFSET ${Math.max(0, offset - titled)}`;
    ids.push(...rest.map((r) => r.id));
  }
  return { total, page, products: await cardsOf(db, ids) };
}

export async function listProducts(db: Db, query: CatalogQuery, pageSize: number): Promise<CatalogPage> {
  const tsquery = query.q ? await searchQuery(db, query.q) : null;
  // Words that are no words at all (e.g. "%") find nothing.
  if (query.q && tsquery === null) return { products: [], total: 0, page: 1, pageCount: 1, pageSize };
  const where = catalogWhereSql(query, tsquery);
  const order = catalogOrderSql(query.sort);
  // Without a search or a variant filter the count is stored; otherwise it is counted on its own: the count
  // reads the candidates through their indexes while the page walks an index in the listing's order and
  // stops after one page. (A window count in the page's query made the planner read every candidate in page
  // order: 74 ms for the price filter at 10,000 products.)
  let total: number, page: number, products: ProductCardView[];
  if (tsquery !== null && query.sort === 'featured') {
    ({ total, page, products } = isSearchOnly(query)
      ? await rankedSearchPage(db, SEARCH_ONLY, searchMatchSql(tsquery), tsquery, pageSize, query.page)
      : await rankedSearchPage(db, PRODUCTS, where, tsquery, pageSize, query.page));
  } else {
    const count = hasStoredCount(query) ? storedCount(db, query) : countWhere(db, catalogWhereSql(query, tsquery, 'count'));
    ({
      total,
      page,
      result: products,
    } = await countBesidePage(count, query.page, pageSize, async (p) =>
      cardsOf(
        db,
        (await pageIds(db, where, order, pageSize, p)).map((r) => r.id),
      ),
    ));
  }
  return { products, total, page, pageCount: Math.max(1, Math.ceil(total / pageSize)), pageSize };
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
  id: true,
  slug: true,
  title: true,
  description: true,
  imagePath: true,
  imageAlt: true,
} satisfies Prisma.CollectionSelect;

/** Active products per collection id, read from CatalogCount (kept by triggers; migration catalog_counts). */
async function collectionCounts(db: Db, collectionIds: string[] | null): Promise<Map<string, number>> {
  const rows = await db.catalogCount.groupBy({
    by: ['collectionId'],
    where: collectionIds ? { collectionId: { in: collectionIds } } : { collectionId: { not: '' } },
    _sum: { products: true },
  });
  return new Map(rows.map((r) => [r.collectionId, r._sum.products ?? 0]));
}

export async function listCollections(db: Db): Promise<CollectionView[]> {
  const [rows, counts] = await Promise.all([
    db.collection.findMany({ orderBy: [{ featuredRank: { sort: 'asc', nulls: 'last' } }, { title: 'asc' }], select: collectionSelect }),
    collectionCounts(db, null),
  ]);
  return rows.map((r) => toCollection(r, counts.get(r.id) ?? 0));
}

export async function getCollectionBySlug(db: Db, slug: string): Promise<CollectionView | null> {
  if (!isSlug(slug)) return null;
  const row = await db.collection.findUnique({ where: { slug }, select: collectionSelect });
  if (!row) return null;
  return toCollection(row, (await collectionCounts(db, [row.id])).get(row.id) ?? 0);
}

/** The choices the filter form offers: only values that some active product has (CatalogCount, CatalogColour). */
export async function catalogFacets(db: Db): Promise<CatalogFacets> {
  const [collections, materials, colours] = await Promise.all([
    db.collection.findMany({ orderBy: [{ featuredRank: { sort: 'asc', nulls: 'last' } }, { title: 'asc' }], select: { slug: true, title: true } }),
    db.catalogCount.findMany({ where: { collectionId: '', products: { gt: 0 } }, orderBy: { material: 'asc' } }),
    db.catalogColour.findMany({ where: { products: { gt: 0 } }, orderBy: { colour: 'asc' }, select: { colour: true } }),
  ]);
  return {
    collections,
    materials: materials
      .filter((m) => isMaterial(m.material))
      .map((m) => ({ value: m.material, label: MATERIALS[m.material as keyof typeof MATERIALS].label, count: m.products })),
    colours: colours.map((c) => c.colour),
  };
}

export async function activeProductSlugs(db: Db): Promise<{ slug: string; updatedAt: Date }[]> {
  return db.product.findMany({ where: active, select: { slug: true, updatedAt: true }, orderBy: { slug: 'asc' } });
}
