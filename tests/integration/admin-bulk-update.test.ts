import { beforeAll, expect, it } from 'vitest';
import type { StaffActor } from '@/lib/auth/permissions';
import { productInputSchema, type ProductInput } from '@/lib/catalog/admin/input';
import { createProduct, updateProductIn, updateProductsIn } from '@/lib/catalog/admin/save-product';
import { seedCatalog } from '@/lib/catalog/seed-catalog';
import type { Db } from '@/lib/db';
import { describeEachDatabase } from '../support/databases';
import { makeActor } from '../support/staff';

/**
 * updateProductsIn (the CSV import: thousands of products in a few statements) promises the same
 * result as updateProductIn (the product form, one product at a time). Each change here is made both
 * ways from the same starting point (a transaction rolled back after each) and everything either
 * writes is compared: the products, their variants, collection links, price ranges and search words,
 * stock history, audit entries, the catalog's counts, and the cache tags to expire.
 */

type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];
const USD = { currency: 'USD' };
class RolledBack extends Error {}

function without<T extends object, K extends keyof T>(o: T, ...keys: K[]): Omit<T, K> {
  const copy = { ...o };
  for (const k of keys) delete copy[k];
  return copy;
}

/** What a save leaves behind for `ids`, without generated ids and clock times. */
async function written(tx: Tx, ids: string[], since: Date) {
  const products = await tx.product.findMany({
    where: { id: { in: ids } },
    orderBy: { id: 'asc' },
    include: {
      variants: { orderBy: { position: 'asc' }, include: { stockChanges: { where: { createdAt: { gte: since } }, orderBy: { createdAt: 'asc' } } } },
      collections: { orderBy: { position: 'asc' }, include: { collection: { select: { slug: true } } } },
    },
  });
  const audits = await tx.auditEntry.findMany({ where: { entityId: { in: ids }, createdAt: { gte: since } }, orderBy: { entityId: 'asc' } });
  return {
    products: products.map((p) => ({
      ...without(p, 'updatedAt', 'createdAt', 'variants', 'collections'),
      variants: p.variants.map((v) => ({
        ...without(v, 'id', 'createdAt', 'updatedAt', 'stockChanges'),
        adjustments: v.stockChanges.map((a) => without(a, 'id', 'variantId', 'createdAt')),
      })),
      collections: p.collections.map((c) => [c.collection.slug, c.position]),
    })),
    audits: audits.map((a) => without(a, 'id', 'createdAt')),
    counts: await tx.catalogCount.findMany({ orderBy: [{ collectionId: 'asc' }, { material: 'asc' }] }),
    colours: await tx.catalogColour.findMany({ orderBy: { colour: 'asc' } }),
    searchTerms: (await tx.searchTerm.findMany({ orderBy: { word: 'asc' } })).map((t) => t.word),
  };
}

describeEachDatabase('a bulk update writes what the one-product save writes', (ctx) => {
  let manager: StaffActor;
  beforeAll(async () => {
    await seedCatalog(ctx.db);
    manager = await makeActor(ctx.db, 'manager');
    await createProduct(
      ctx.db,
      manager,
      productInputSchema.parse({
        title: 'Khangai Felt Slippers',
        description: 'Hand-felted slippers.',
        material: 'felt',
        isWool: 'on',
        origin: 'Arkhangai aimag',
        care: 'Brush off dust.',
        status: 'active',
        collections: ['felt-home'],
        variants: [
          { sku: 'KFS-38-GREY', size: '38', colour: 'Grey', price: '49.00', stock: '4' },
          { sku: 'KFS-40-GREY', size: '40', colour: 'Grey', price: '49.50', compareAt: '60', stock: '0' },
        ],
      }),
      USD,
    );
  });

  /** The product as the form would send it back unchanged, for a test to change. */
  async function asInput(slug: string): Promise<{ id: string; input: ProductInput }> {
    const p = await ctx.db.product.findUniqueOrThrow({
      where: { slug },
      include: { variants: { orderBy: { position: 'asc' } }, collections: { orderBy: { position: 'asc' }, include: { collection: true } } },
    });
    const input = productInputSchema.parse({
      title: p.title,
      slug: p.slug,
      description: p.description,
      material: p.material,
      isWool: p.isWool ? 'on' : undefined,
      origin: p.origin,
      care: p.care,
      status: p.status,
      collections: p.collections.map((c) => c.collection.slug),
      variants: p.variants.map((v) => ({
        id: v.id,
        sku: v.sku,
        size: v.size,
        colour: v.colour,
        price: (v.priceCents / 100).toFixed(2),
        compareAt: v.compareAtCents === null ? '' : (v.compareAtCents / 100).toFixed(2),
      })),
    });
    return { id: p.id, input };
  }

  /** Runs `save` in a transaction, reads what it wrote, and rolls it all back. */
  async function tryOut(ids: string[], now: Date, save: (tx: Tx, now: Date) => Promise<string[]>) {
    let seen: { tags: string[]; state: Awaited<ReturnType<typeof written>> } | undefined;
    await ctx.db
      .$transaction(async (tx) => {
        const tags = await save(tx, now);
        seen = { tags: [...new Set(tags)].sort(), state: await written(tx, ids, new Date(now.getTime() - 1)) };
        throw new RolledBack();
      })
      .catch((e: unknown) => {
        if (!(e instanceof RolledBack)) throw e;
      });
    return seen!;
  }

  const bothWays = async (items: { id: string; input: ProductInput }[]) => {
    const ids = items.map((i) => i.id);
    // One clock for both (the save stamps editedAt with it).
    const now = new Date();
    const one = await tryOut(ids, now, async (tx, now) => {
      const tags: string[] = [];
      for (const { id, input } of items) tags.push(...(await updateProductIn(tx, manager, id, input, { ...USD, now })).tags);
      return tags;
    });
    const bulk = await tryOut(ids, now, (tx, now) => updateProductsIn(tx, manager, items, { ...USD, now }));
    return { one, bulk };
  };

  it('every field, price, colour, order, collection and a new variant with stock, across three products', async () => {
    const slippers = await asInput('khangai-felt-slippers');
    slippers.input = {
      ...slippers.input,
      title: 'Khangai Felt House Slippers',
      slug: 'khangai-felt-house-slippers',
      description: 'Felted by hand, now with a **leather** sole.',
      material: 'yak',
      isWool: true,
      origin: 'Övörkhangai aimag',
      care: 'Air them out.',
      collections: [],
      // The two variants swap places, one is repriced and recoloured, and a third arrives with stock.
      variants: [
        { ...slippers.input.variants[1]!, priceCents: 5200, compareAtCents: null, colour: 'Charcoal' },
        { ...slippers.input.variants[0]!, compareAtCents: 5500 },
        { id: null, sku: 'KFS-42-GREY', size: '42', colour: 'Grey', priceCents: 5500, compareAtCents: null, initialStock: 3, remove: false },
      ],
    };
    const [first, second] = (await ctx.db.product.findMany({ where: { collections: { some: {} } }, orderBy: { slug: 'asc' }, take: 2 })).map((p) => p.slug);
    const a = await asInput(first!);
    a.input = { ...a.input, status: 'archived', collections: [...a.input.collections].reverse() };
    const b = await asInput(second!);
    b.input = {
      ...b.input,
      collections: ['felt-home', ...b.input.collections.filter((c) => c !== 'felt-home')],
      variants: b.input.variants.map((v) => ({ ...v, priceCents: v.priceCents + 100 })),
    };

    const { one, bulk } = await bothWays([slippers, a, b]);
    // The change was real: the rolled-back state differs from today's.
    expect(one.state).not.toEqual(await written(ctx.db as unknown as Tx, [slippers.id, a.id, b.id], new Date()));
    expect(one.state.products.find((p) => p.id === slippers.id)?.variants.map((v) => [v.sku, v.priceCents, v.stock, v.adjustments.length])).toEqual([
      ['KFS-40-GREY', 5200, 0, 0],
      ['KFS-38-GREY', 4900, 4, 0],
      ['KFS-42-GREY', 5500, 3, 1],
    ]);
    expect(one.state.audits).toHaveLength(3);
    expect(bulk.state).toEqual(one.state);
    expect(bulk.tags).toEqual(one.tags);
  });

  it('an unchanged product: no audit entry, no link rewritten, the same tags', async () => {
    const same = await asInput('khangai-felt-slippers');
    const { one, bulk } = await bothWays([same]);
    expect(one.state.audits).toEqual([]);
    expect(bulk.state).toEqual(one.state);
    expect(bulk.tags).toEqual(one.tags);
  });
});
