import type { Db, Prisma } from '../../db';
import { authorize, type StaffActor } from '../../auth/permissions';
import { recordAudits, type AuditChange } from '../../audit/record';
import { batches, BULK_TRANSACTION } from '../../db/batches';
import { newId } from '../../db/new-id';
import { insertCollectionLinks, insertProducts, insertStockAdjustments, insertVariantsWithOpeningStock, type VariantRow } from '../bulk-write';
import { refreshPriceRanges } from '../price-range';
import { ProductError } from './errors';
import { readCatalogCsv, type CsvLimits, type CsvProblem, type CsvProduct } from './csv-read';
import type { ProductInput } from './input';
import { updateProductsIn } from './save-product';
import { tagsForProductChange } from './tags';

type Tx = Prisma.TransactionClient;

/**
 * Imports a catalog CSV, all or nothing. A product is matched by its Handle (slug), a variant by
 * its SKU: new ones are created, changed ones updated, unchanged ones left alone (re-importing an
 * export writes nothing); variants missing from the file are kept (an import never deletes). A
 * Variant Inventory Qty sets the stock, kept in the stock history with the reason "CSV import";
 * left blank, stock is not touched.
 *
 * The dry run reads and checks everything and lists every row's problems; the import does the same
 * checks again inside its one transaction (the data may have changed since the dry run), and any
 * problem or failure rolls all of it back.
 */
export interface ImportReport {
  problems: CsvProblem[];
  ignoredColumns: string[];
  created: string[];
  updated: string[];
  unchanged: number;
  stockChanges: { sku: string; from: number; to: number }[];
  /** True when the import was written (never for a dry run). */
  applied: boolean;
  /** Cache tags to expire after an applied import. */
  tags: string[];
}

export const IMPORT_STOCK_REASON = 'CSV import';

interface Plan {
  problems: CsvProblem[];
  creates: CsvProduct[];
  updates: { product: CsvProduct; id: string; input: ProductInput; collectionsBefore: string[] }[];
  unchanged: number;
  stock: { variantSku: string; from: number; to: number }[];
}

const productInclude = {
  variants: { orderBy: { position: 'asc' } },
  collections: { include: { collection: { select: { slug: true } } } },
} as const;

async function plan(db: Db | Tx, products: CsvProduct[]): Promise<Plan> {
  const problems: CsvProblem[] = [];
  const handles = products.map((p) => p.handle);
  const skus = products.flatMap((p) => p.input.variants.map((v) => v.sku));
  const [existing, owners, collections] = await Promise.all([
    db.product.findMany({ where: { slug: { in: handles } }, include: productInclude }),
    db.variant.findMany({ where: { sku: { in: skus } }, select: { id: true, sku: true, productId: true, product: { select: { slug: true } } } }),
    db.collection.findMany({ select: { slug: true } }),
  ]);
  const bySlug = new Map(existing.map((p) => [p.slug, p]));
  const ownerBySku = new Map(owners.map((o) => [o.sku, o]));
  const knownCollections = new Set(collections.map((c) => c.slug));
  const result: Plan = { problems, creates: [], updates: [], unchanged: 0, stock: [] };

  for (const p of products) {
    const before = problems.length;
    const current = bySlug.get(p.handle);
    const unknown = p.input.collections.filter((c) => !knownCollections.has(c));
    if (unknown.length)
      problems.push({
        row: p.row,
        column: 'Collections',
        message: `No collection ${unknown.map((c) => `“${c}”`).join(', ')}. The shop's collections are: ${[...knownCollections].sort().join(', ') || 'none yet'}.`,
      });
    const fileSkus = new Set(p.input.variants.map((v) => v.sku));
    for (const [i, v] of p.input.variants.entries()) {
      const owner = ownerBySku.get(v.sku);
      if (owner && owner.productId !== current?.id)
        problems.push({
          row: p.variantRows[i]!.row,
          column: 'Variant SKU',
          message: `SKU ${v.sku} already belongs to ${owner.product.slug}. Each SKU is used once.`,
        });
      const clash = current?.variants.find((e) => !fileSkus.has(e.sku) && e.size === v.size && e.colour === v.colour);
      if (clash)
        problems.push({
          row: p.variantRows[i]!.row,
          column: 'Option2 Value',
          message: `${p.handle} already has size ${v.size} in ${v.colour} (SKU ${clash.sku}), which is not in the file.`,
        });
    }
    if (problems.length > before) continue;
    if (!current) {
      result.creates.push(p);
      continue;
    }
    const bySku = new Map(current.variants.map((v) => [v.sku, v]));
    const input: ProductInput = { ...p.input, variants: p.input.variants.map((v) => ({ ...v, id: bySku.get(v.sku)?.id ?? null })) };
    for (const [i, v] of p.input.variants.entries()) {
      const was = bySku.get(v.sku);
      if (was && p.variantRows[i]!.stockGiven && was.stock !== v.initialStock) result.stock.push({ variantSku: v.sku, from: was.stock, to: v.initialStock });
    }
    const collectionsBefore = current.collections.map((c) => c.collection.slug);
    const same =
      current.title === input.title &&
      current.description === input.description &&
      current.material === input.material &&
      current.isWool === input.isWool &&
      current.origin === input.origin &&
      current.care === input.care &&
      current.status === input.status &&
      JSON.stringify([...collectionsBefore].sort()) === JSON.stringify([...input.collections].sort()) &&
      input.variants.every((v) => {
        const was = bySku.get(v.sku);
        return was && was.size === v.size && was.colour === v.colour && was.priceCents === v.priceCents && was.compareAtCents === v.compareAtCents;
      });
    if (same) result.unchanged += 1;
    else result.updates.push({ product: p, id: current.id, input, collectionsBefore });
  }
  return result;
}

/**
 * Writes the new products as createProduct would, row for row (product, variants with their first
 * stock in the stock history as "Opening stock", collections, price range and search text, one
 * "product.create" audit entry each), but a few statements per 2,000 rows instead of a dozen per
 * product: a 10,000-product file is one transaction of seconds. Returns the cache tags.
 */
async function createProductsIn(tx: Tx, actor: StaffActor, creates: CsvProduct[], currency: string, now: Date): Promise<string[]> {
  if (creates.length === 0) return [];
  const wanted = [...new Set(creates.flatMap((c) => c.input.collections))];
  const collections = await tx.collection.findMany({ where: { slug: { in: wanted } }, select: { id: true, slug: true } });
  const collectionId = new Map(collections.map((c) => [c.slug, c.id]));
  if (collectionId.size !== wanted.length)
    throw new ProductError('unknown-collection', 'One of the chosen collections no longer exists: reload the page.', 'collections');

  const made = creates.map((c) => ({ c, id: newId(now.getTime()), variants: c.input.variants.filter((v) => !v.remove) }));
  await insertProducts(
    tx,
    made.map(({ c, id }) => ({
      id,
      slug: c.input.slug,
      title: c.input.title,
      description: c.input.description,
      material: c.input.material,
      origin: c.input.origin,
      care: c.input.care,
      status: c.input.status,
      isWool: c.input.isWool,
      featuredRank: null,
      currency,
      createdAt: now,
      editedAt: now,
    })),
  );
  const variants: VariantRow[] = made.flatMap(({ id: productId, variants: vs }) =>
    vs.map((v, position) => ({
      id: newId(now.getTime()),
      productId,
      sku: v.sku,
      size: v.size,
      colour: v.colour,
      priceCents: v.priceCents,
      compareAtCents: v.compareAtCents,
      currency,
      stock: v.initialStock,
      position,
    })),
  );
  await insertVariantsWithOpeningStock(tx, variants, actor.id, now);
  await insertCollectionLinks(
    tx,
    made.flatMap(({ c, id }) => c.input.collections.map((slug, position) => ({ collectionId: collectionId.get(slug)!, productId: id, position }))),
  );
  await refreshPriceRanges(
    tx,
    made.map((m) => m.id),
  );
  // The same entry createProduct records (its auditView), built from what was written.
  const changes: AuditChange[] = made.map(({ c, id, variants: vs }) => ({
    action: 'product.create',
    entityType: 'product',
    entityId: id,
    before: null,
    after: {
      title: c.input.title,
      slug: c.input.slug,
      status: c.input.status,
      material: c.input.material,
      isWool: c.input.isWool,
      origin: c.input.origin,
      care: c.input.care,
      description: c.input.description,
      collections: [...c.input.collections].sort(),
      variants: vs.map((v) => ({ sku: v.sku, size: v.size, colour: v.colour, priceCents: v.priceCents, compareAtCents: v.compareAtCents })),
    },
  }));
  await recordAudits(tx, actor, changes);
  return tagsForProductChange({ slugs: made.map((m) => m.c.input.slug), collectionSlugs: wanted });
}

/**
 * Takes the import's locks before it reads anything, always in the same order, so that it waits for (or
 * makes wait) a checkout, a product form or another import instead of deadlocking with them:
 * 1. one import at a time per shop (an advisory lock): the second plans against what the first wrote;
 * 2. the file's existing products, by id in byte order;
 * 3. their variants and the file's SKUs, by id in byte order, as a checkout locks variants
 *    (lib/checkout/stock.ts) — FOR NO KEY UPDATE, which an order line's foreign key check does not wait for.
 * Only then do the writes start; the catalog counts' lock (taken by triggers) always comes last.
 */
async function lockForImport(tx: Tx, products: CsvProduct[]): Promise<void> {
  await tx.$queryRaw`SELECT 1 AS locked FROM (SELECT pg_advisory_xact_lock(hashtext(current_schema() || '.catalog_csv_import'))) AS l`;
  const handles = products.map((p) => p.handle);
  const skus = products.flatMap((p) => p.input.variants.map((v) => v.sku));
  const ids = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "Product" WHERE slug = ANY(${handles}::text[]) ORDER BY id COLLATE "C" FOR NO KEY UPDATE`;
  await tx.$queryRaw`
    SELECT id FROM "Variant" WHERE "productId" = ANY(${ids.map((r) => r.id)}::text[]) OR sku = ANY(${skus}::text[])
    ORDER BY id COLLATE "C" FOR NO KEY UPDATE`;
}

/**
 * Sets the stock of the file's variants, a few statements per 1,000: each row is locked and the
 * stock it holds at that moment (whatever sold since the plan was read) is the history entry's
 * "from"; a variant already at the file's number is left alone. The plan's `from` is updated to it.
 * Returns the cache tags of the products whose stock changed.
 */
async function setStockIn(tx: Tx, actor: StaffActor, stock: Plan['stock']): Promise<string[]> {
  const tags: string[] = [];
  for (const b of batches(stock, 1_000)) {
    const rows = await tx.$queryRaw<{ id: string; sku: string; before: number; after: number; productId: string }[]>`
      WITH locked AS (
        SELECT v.id, v.stock AS before, u.stock AS after
        FROM "Variant" v JOIN unnest(${b.map((s) => s.variantSku)}::text[], ${b.map((s) => s.to)}::int[]) AS u(sku, stock) ON v.sku = u.sku
        ORDER BY v.id COLLATE "C" FOR NO KEY UPDATE OF v
      )
      UPDATE "Variant" AS t SET stock = l.after, "updatedAt" = CURRENT_TIMESTAMP FROM locked l
      WHERE t.id = l.id AND l.before <> l.after
      RETURNING t.id, t.sku, l.before, l.after, t."productId"`;
    const bySku = new Map(b.map((s) => [s.variantSku, s]));
    for (const r of rows) bySku.get(r.sku)!.from = Number(r.before);
    await insertStockAdjustments(
      tx,
      rows.map((r) => ({
        id: newId(),
        variantId: r.id,
        delta: Number(r.after) - Number(r.before),
        stockAfter: Number(r.after),
        reason: IMPORT_STOCK_REASON,
        actorId: actor.id,
      })),
    );
    await recordAudits(
      tx,
      actor,
      rows.map((r) => ({
        action: 'stock.adjust',
        entityType: 'variant',
        entityId: r.id,
        before: { stock: Number(r.before) },
        after: { stock: Number(r.after), reason: IMPORT_STOCK_REASON },
      })),
    );
    const products = await tx.product.findMany({
      where: { id: { in: [...new Set(rows.map((r) => r.productId))] } },
      select: { slug: true, collections: { select: { collection: { select: { slug: true } } } } },
    });
    tags.push(
      ...tagsForProductChange({ slugs: products.map((p) => p.slug), collectionSlugs: products.flatMap((p) => p.collections.map((c) => c.collection.slug)) }),
    );
  }
  return tags;
}

/** The message and metadata of a database error as one text: raw SQL (the bulk writers) reports SQLSTATEs only there. */
function errorText(e: unknown): string | null {
  if (typeof e !== 'object' || e === null) return null;
  return `${String((e as { message?: unknown }).message ?? '')} ${JSON.stringify((e as { meta?: unknown }).meta ?? null)}`;
}

/** A unique key refused a write: P2002 from Prisma's own queries, SQLSTATE 23505 from the bulk writers' raw SQL. */
function isUniqueViolation(e: unknown): boolean {
  if (typeof e === 'object' && e !== null && 'code' in e && (e as { code: unknown }).code === 'P2002') return true;
  return /23505|unique constraint/i.test(errorText(e) ?? '');
}

/** PostgreSQL gave up one of two transactions waiting for each other (40P01) or could not serialise it (40001). */
function isLockConflict(e: unknown): boolean {
  return /40P01|40001|deadlock detected|could not serialize/i.test(errorText(e) ?? '');
}

class ImportRefused extends Error {
  constructor(readonly problems: CsvProblem[]) {
    super('import refused');
  }
}

export async function importCatalogCsv(
  db: Db,
  actor: StaffActor,
  text: string,
  opts: { dryRun: boolean; currency: string; now?: Date; limits?: CsvLimits },
): Promise<ImportReport> {
  authorize(actor, 'manageCatalog');
  const read = readCatalogCsv(text, opts.limits);
  const report = (p: Plan, applied: boolean, tags: string[] = []): ImportReport => ({
    problems: [...read.problems, ...p.problems].sort((a, b) => (a.row ?? 0) - (b.row ?? 0)),
    ignoredColumns: read.ignoredColumns,
    created: p.creates.map((c) => c.handle),
    updated: p.updates.map((u) => u.product.handle),
    unchanged: p.unchanged,
    stockChanges: p.stock.map((s) => ({ sku: s.variantSku, from: s.from, to: s.to })),
    applied,
    tags,
  });
  const checked = await plan(db, read.products);
  if (opts.dryRun || read.problems.length || checked.problems.length) return report(checked, false);
  if (read.products.length === 0) return report(checked, false);

  const now = opts.now ?? new Date();
  try {
    return await db.$transaction(
      async (tx) => {
        await lockForImport(tx, read.products);
        // Checked again inside the transaction, under the locks: what the dry run saw may have changed since.
        const p = await plan(tx, read.products);
        if (p.problems.length) throw new ImportRefused(p.problems);
        const tags = await createProductsIn(tx, actor, p.creates, opts.currency, now);
        tags.push(...(await updateProductsIn(tx, actor, p.updates, { currency: opts.currency, now })));
        tags.push(...(await setStockIn(tx, actor, p.stock)));
        return report(p, true, [...new Set(tags)]);
      },
      // One transaction for the whole file, all or nothing: long enough for 10,000 products on a slow disk.
      BULK_TRANSACTION,
    );
  } catch (e) {
    if (e instanceof ImportRefused) return report({ ...checked, problems: e.problems }, false);
    if (e instanceof ProductError) return report({ ...checked, problems: [{ row: null, column: null, message: `${e.message} Nothing was imported.` }] }, false);
    if (isLockConflict(e))
      return report(
        {
          ...checked,
          problems: [
            {
              row: null,
              column: null,
              message: 'A sale or another save reached the same products at the same moment. Nothing was imported: import the file again.',
            },
          ],
        },
        false,
      );
    if (isUniqueViolation(e))
      return report(
        {
          ...checked,
          problems: [
            { row: null, column: null, message: 'Someone changed the catalog while the file was imported. Nothing was imported: check the file again.' },
          ],
        },
        false,
      );
    throw e;
  }
}
