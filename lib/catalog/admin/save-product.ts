import type { Db, Prisma } from '../../db';
import { authorize, type StaffActor } from '../../auth/permissions';
import { recordAudit, recordAudits, type AuditChange } from '../../audit/record';
import { changedFields } from '../../audit/diff';
import { batches } from '../../db/batches';
import { newId } from '../../db/new-id';
import { insertCollectionLinks, insertVariantsWithOpeningStock, type VariantRow } from '../bulk-write';
import { refreshPriceRange, refreshPriceRanges } from '../price-range';
import { ProductError } from './errors';
import type { ProductInput, VariantInput } from './input';
import { tagsForProductChange } from './tags';

type Tx = Prisma.TransactionClient;

export interface SaveResult {
  id: string;
  slug: string;
  /** Cache tags to expire so the storefront shows the change at once. */
  tags: string[];
}

const withDetail = { variants: { orderBy: { position: 'asc' } }, collections: { include: { collection: { select: { slug: true } } } } } as const;
type Detail = Prisma.ProductGetPayload<{ include: typeof withDetail }>;

/** What the audit log keeps of a product: enough to see what changed. */
function auditView(p: Detail) {
  return {
    title: p.title,
    slug: p.slug,
    status: p.status,
    material: p.material,
    isWool: p.isWool,
    origin: p.origin,
    care: p.care,
    description: p.description,
    collections: p.collections.map((c) => c.collection.slug).sort(),
    variants: p.variants.map((v) => ({ sku: v.sku, size: v.size, colour: v.colour, priceCents: v.priceCents, compareAtCents: v.compareAtCents })),
  };
}

function isUniqueViolation(e: unknown): boolean {
  return typeof e === 'object' && e !== null && 'code' in e && (e as { code: unknown }).code === 'P2002';
}

/**
 * After a write failed on a unique key, says which one in words, beside the right field. The
 * database decided (the write failed); this read only finds the words for it.
 */
async function explainConflict(db: Db, input: ProductInput, productId: string | null): Promise<ProductError> {
  const slugOwner = await db.product.findUnique({ where: { slug: input.slug }, select: { id: true } });
  if (slugOwner && slugOwner.id !== productId)
    return new ProductError('slug-taken', `Another product already uses the slug “${input.slug}”. Choose another.`, 'slug');
  const kept = input.variants.map((v, i) => ({ v, i })).filter(({ v }) => !v.remove);
  const taken = await db.variant.findMany({ where: { sku: { in: kept.map(({ v }) => v.sku) } }, select: { id: true, sku: true, productId: true } });
  for (const { v, i } of kept) {
    const other = taken.find((t) => t.sku === v.sku && t.id !== v.id);
    if (other) return new ProductError('sku-taken', `SKU ${v.sku} already belongs to another variant. Each SKU is used once.`, `variants.${i}.sku`);
  }
  return new ProductError('duplicate-option', 'Two variants have the same size and colour. Change one of them.', 'variants');
}

async function collectionIds(tx: Tx, slugs: string[]): Promise<{ id: string; slug: string }[]> {
  const rows = await tx.collection.findMany({ where: { slug: { in: slugs } }, select: { id: true, slug: true } });
  if (rows.length !== slugs.length)
    throw new ProductError('unknown-collection', 'One of the chosen collections no longer exists: reload the page.', 'collections');
  return slugs.map((s) => rows.find((r) => r.slug === s)!);
}

function productData(input: ProductInput, currency: string, now: Date) {
  return {
    title: input.title,
    slug: input.slug,
    description: input.description,
    material: input.material,
    isWool: input.isWool,
    origin: input.origin,
    care: input.care,
    status: input.status,
    currency,
    editedAt: now,
  };
}

function variantData(v: VariantInput, currency: string, position: number) {
  return { sku: v.sku, size: v.size, colour: v.colour, priceCents: v.priceCents, compareAtCents: v.compareAtCents, currency, position };
}

async function guard<T>(db: Db, input: ProductInput, productId: string | null, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (isUniqueViolation(e)) throw await explainConflict(db, input, productId);
    throw e;
  }
}

/** A new product with its variants (and their first stock, in the stock history), collections and an audit entry, in one transaction. */
export async function createProduct(db: Db, actor: StaffActor, input: ProductInput, opts: { currency: string; now?: Date }): Promise<SaveResult> {
  authorize(actor, 'manageCatalog');
  return guard(db, input, null, () => db.$transaction((tx) => createProductIn(tx, actor, input, opts)));
}

/** createProduct's work inside the caller's transaction (the CSV import writes many products in one). */
export async function createProductIn(tx: Tx, actor: StaffActor, input: ProductInput, opts: { currency: string; now?: Date }): Promise<SaveResult> {
  authorize(actor, 'manageCatalog');
  const now = opts.now ?? new Date();
  const cols = await collectionIds(tx, input.collections);
  const kept = input.variants.filter((v) => !v.remove);
  const product = await tx.product.create({
    data: {
      ...productData(input, opts.currency, now),
      collections: { create: cols.map((c, i) => ({ collectionId: c.id, position: i })) },
      variants: {
        create: kept.map((v, i) => ({ ...variantData(v, opts.currency, i), stock: v.initialStock })),
      },
    },
    include: withDetail,
  });
  const opening = product.variants.filter((v) => v.stock > 0);
  if (opening.length) {
    await tx.stockAdjustment.createMany({
      data: opening.map((v) => ({ variantId: v.id, delta: v.stock, stockAfter: v.stock, reason: 'Opening stock', actorId: actor.id })),
    });
  }
  await refreshPriceRange(tx, product.id);
  await recordAudit(tx, actor, { action: 'product.create', entityType: 'product', entityId: product.id, before: null, after: auditView(product) });
  return { id: product.id, slug: product.slug, tags: tagsForProductChange({ slugs: [product.slug], collectionSlugs: input.collections }) };
}

/**
 * Saves an edit: the product's fields, its variants (changed, added, removed) and collections, in
 * one transaction. `input.updatedAt` is when the editor's copy was read: if someone saved since, the
 * save is refused ("changed since you opened it") instead of silently overwriting their work.
 * Stock of existing variants is not set here: it changes by adjustments with a reason (stock.ts).
 */
export async function updateProduct(
  db: Db,
  actor: StaffActor,
  productId: string,
  input: ProductInput,
  opts: { currency: string; now?: Date },
): Promise<SaveResult> {
  authorize(actor, 'manageCatalog');
  return guard(db, input, productId, () => db.$transaction((tx) => updateProductIn(tx, actor, productId, input, opts)));
}

/** updateProduct's work inside the caller's transaction. */
export async function updateProductIn(
  tx: Tx,
  actor: StaffActor,
  productId: string,
  input: ProductInput,
  opts: { currency: string; now?: Date },
): Promise<SaveResult> {
  authorize(actor, 'manageCatalog');
  const now = opts.now ?? new Date();
  const before = await tx.product.findUnique({ where: { id: productId }, include: withDetail });
  if (!before) throw new ProductError('not-found', 'That product no longer exists.');
  const claimed = await tx.product.updateMany({
    where: { id: productId, ...(input.updatedAt ? { updatedAt: new Date(input.updatedAt) } : {}) },
    data: productData(input, opts.currency, now),
  });
  if (claimed.count === 0) {
    throw new ProductError('stale', 'Someone saved this product after you opened it. Reload the page to see their changes, then make yours again.');
  }
  const ownIds = new Set(before.variants.map((v) => v.id));
  for (const v of input.variants) {
    if (v.id && !ownIds.has(v.id)) throw new ProductError('not-found', 'A variant in the form no longer exists: reload the page.', 'variants');
  }
  const removed = input.variants.filter((v) => v.remove && v.id).map((v) => v.id!);
  if (removed.length) await tx.variant.deleteMany({ where: { id: { in: removed }, productId } });
  const kept = input.variants.filter((v) => !v.remove);
  for (const [position, v] of kept.entries()) {
    const data = variantData(v, opts.currency, position);
    if (v.id) {
      await tx.variant.update({ where: { id: v.id }, data });
    } else {
      const made = await tx.variant.create({ data: { ...data, productId, stock: v.initialStock } });
      if (made.stock > 0)
        await tx.stockAdjustment.create({
          data: { variantId: made.id, delta: made.stock, stockAfter: made.stock, reason: 'Opening stock', actorId: actor.id },
        });
    }
  }
  // Links are rewritten only when the collections or their order changed: every write to them
  // recounts the catalog's counts (a database trigger), which a price change need not pay for.
  const linked = [...before.collections].sort((a, b) => a.position - b.position).map((c) => c.collection.slug);
  if (linked.join('\n') !== input.collections.join('\n')) {
    const cols = await collectionIds(tx, input.collections);
    await tx.collectionProduct.deleteMany({ where: { productId } });
    if (cols.length) await tx.collectionProduct.createMany({ data: cols.map((c, i) => ({ productId, collectionId: c.id, position: i })) });
  }
  await refreshPriceRange(tx, productId);
  const after = await tx.product.findUniqueOrThrow({ where: { id: productId }, include: withDetail });
  const diff = changedFields(auditView(before), auditView(after));
  if (diff) await recordAudit(tx, actor, { action: 'product.update', entityType: 'product', entityId: productId, before: diff.before, after: diff.after });
  return {
    id: productId,
    slug: after.slug,
    tags: tagsForProductChange({
      slugs: [before.slug, after.slug],
      collectionSlugs: [...before.collections.map((c) => c.collection.slug), ...input.collections],
    }),
  };
}

/** The collections a product is in, in its order. */
const linkedSlugs = (p: Detail) => [...p.collections].sort((a, b) => a.position - b.position).map((c) => c.collection.slug);

/**
 * updateProductIn for many products at once (the CSV import: a price change across 10,000
 * products): the same fields, variant and collection writes, stock history for added variants,
 * price ranges, audit entries and cache tags, but a few statements per 1,000 products instead of a
 * dozen per product. Each batch's products are locked first (by id in byte order; the CSV import
 * has locked them all already), so the audit's "before" is what each held when it was written. For a file, not a form: there is no "changed since you opened it" check
 * (a file has no opening time) and variants are updated or added, never removed.
 */
export async function updateProductsIn(
  tx: Tx,
  actor: StaffActor,
  items: readonly { id: string; input: ProductInput }[],
  opts: { currency: string; now?: Date },
): Promise<string[]> {
  authorize(actor, 'manageCatalog');
  const now = opts.now ?? new Date();
  const tags = new Set<string>();
  for (const batch of batches(items, 1_000)) {
    const ids = batch.map((i) => i.id);
    await tx.$queryRaw`SELECT id FROM "Product" WHERE id = ANY(${ids}::text[]) ORDER BY id COLLATE "C" FOR NO KEY UPDATE`;
    const before = new Map((await tx.product.findMany({ where: { id: { in: ids } }, include: withDetail })).map((p) => [p.id, p]));
    const variantUpdates: { id: string; productId: string; v: VariantInput; position: number }[] = [];
    const variantInserts: VariantRow[] = [];
    for (const { id, input } of batch) {
      const was = before.get(id);
      if (!was) throw new ProductError('not-found', 'A product in the file no longer exists: check the file again.');
      const own = new Set(was.variants.map((v) => v.id));
      for (const [position, v] of input.variants.entries()) {
        if (v.remove) throw new Error('updateProductsIn never removes a variant: use updateProductIn.');
        if (v.id && !own.has(v.id)) throw new ProductError('not-found', 'A variant in the file no longer exists: check the file again.', 'variants');
        if (v.id) variantUpdates.push({ id: v.id, productId: id, v, position });
        else variantInserts.push({ ...variantData(v, opts.currency, position), id: newId(now.getTime()), productId: id, stock: v.initialStock });
      }
    }
    const b = batch.map((i) => i.input);
    await tx.$executeRaw`
      UPDATE "Product" AS p SET title = u.title, slug = u.slug, description = u.description, material = u.material, "isWool" = u."isWool",
        origin = u.origin, care = u.care, status = u.status::"ProductStatus", currency = ${opts.currency}, "editedAt" = ${now}, "updatedAt" = CURRENT_TIMESTAMP
      FROM unnest(${ids}::text[], ${b.map((i) => i.title)}::text[], ${b.map((i) => i.slug)}::text[], ${b.map((i) => i.description)}::text[],
        ${b.map((i) => i.material)}::text[], ${b.map((i) => i.isWool)}::boolean[], ${b.map((i) => i.origin)}::text[], ${b.map((i) => i.care)}::text[],
        ${b.map((i) => i.status)}::text[]) AS u(id, title, slug, description, material, "isWool", origin, care, status)
      WHERE p.id = u.id`;
    for (const vb of batches(variantUpdates)) {
      // Only variants whose fields differ are written: an untouched row is never locked against a checkout.
      await tx.$executeRaw`
        UPDATE "Variant" AS t SET sku = u.sku, size = u.size, colour = u.colour, "priceCents" = u."priceCents", "compareAtCents" = u."compareAtCents",
          currency = ${opts.currency}, position = u.position, "updatedAt" = CURRENT_TIMESTAMP
        FROM unnest(${vb.map((r) => r.id)}::text[], ${vb.map((r) => r.productId)}::text[], ${vb.map((r) => r.v.sku)}::text[], ${vb.map((r) => r.v.size)}::text[],
          ${vb.map((r) => r.v.colour)}::text[], ${vb.map((r) => r.v.priceCents)}::int[], ${vb.map((r) => r.v.compareAtCents)}::int[], ${vb.map((r) => r.position)}::int[])
          AS u(id, "productId", sku, size, colour, "priceCents", "compareAtCents", position)
        WHERE t.id = u.id AND t."productId" = u."productId"
          AND (t.sku, t.size, t.colour, t."priceCents", t."compareAtCents", t.currency, t.position)
            IS DISTINCT FROM (u.sku, u.size, u.colour, u."priceCents", u."compareAtCents", ${opts.currency}::text, u.position)`;
    }
    await insertVariantsWithOpeningStock(tx, variantInserts, actor.id, now);
    const relinked = batch.filter(({ id, input }) => linkedSlugs(before.get(id)!).join('\n') !== input.collections.join('\n'));
    if (relinked.length) {
      const cols = new Map((await collectionIds(tx, [...new Set(relinked.flatMap((i) => i.input.collections))])).map((c) => [c.slug, c.id]));
      await tx.$executeRaw`DELETE FROM "CollectionProduct" WHERE "productId" = ANY(${relinked.map((i) => i.id)}::text[])`;
      await insertCollectionLinks(
        tx,
        relinked.flatMap(({ id, input }) => input.collections.map((slug, position) => ({ collectionId: cols.get(slug)!, productId: id, position }))),
      );
    }
    await refreshPriceRanges(tx, ids);
    const after = await tx.product.findMany({ where: { id: { in: ids } }, include: withDetail });
    const changes: AuditChange[] = [];
    for (const p of after) {
      const was = before.get(p.id)!;
      const diff = changedFields(auditView(was), auditView(p));
      if (diff) changes.push({ action: 'product.update', entityType: 'product', entityId: p.id, before: diff.before, after: diff.after });
      for (const t of tagsForProductChange({ slugs: [was.slug, p.slug], collectionSlugs: [...linkedSlugs(was), ...linkedSlugs(p)] })) tags.add(t);
    }
    await recordAudits(tx, actor, changes);
  }
  return [...tags];
}

/** The product as the edit form shows it. */
export async function productForEdit(db: Db, actor: StaffActor, productId: string) {
  authorize(actor, 'manageCatalog');
  return db.product.findUnique({
    where: { id: productId },
    include: {
      ...withDetail,
      images: { orderBy: [{ position: 'asc' }, { id: 'asc' }] },
      variants: {
        orderBy: { position: 'asc' },
        include: { stockChanges: { orderBy: { createdAt: 'desc' }, take: 5, include: { actor: { select: { email: true } } } } },
      },
    },
  });
}
