import { beforeAll, expect, it } from 'vitest';
import { PermissionError, type StaffActor } from '@/lib/auth/permissions';
import { ProductError } from '@/lib/catalog/admin/errors';
import { productInputSchema } from '@/lib/catalog/admin/input';
import { listAdminProducts } from '@/lib/catalog/admin/list';
import { createProduct, updateProduct } from '@/lib/catalog/admin/save-product';
import { adjustStock } from '@/lib/catalog/admin/stock';
import { getProductBySlug } from '@/lib/catalog/queries';
import { seedCatalog } from '@/lib/catalog/seed-catalog';
import { describeEachDatabase } from '../support/databases';
import { makeActor } from '../support/staff';

const USD = { currency: 'USD' };

function form(over: Record<string, unknown> = {}) {
  return productInputSchema.parse({
    title: 'Khangai Felt Slippers',
    description: 'Hand-felted **slippers** from Khangai sheep wool.',
    material: 'felt',
    isWool: 'on',
    origin: 'Arkhangai aimag',
    care: 'Brush off dust; air them out.',
    status: 'active',
    collections: ['felt-home'],
    variants: [
      { sku: 'kfs-38-grey', size: '38', colour: 'Grey', price: '49.00', stock: '4' },
      { sku: 'KFS-40-GREY', size: '40', colour: 'Grey', price: '49.50', compareAt: '60', stock: '' },
    ],
    ...over,
  });
}

async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (e) {
    if (e instanceof ProductError) return `${e.kind}${e.field ? ` @${e.field}` : ''}: ${e.message}`;
    if (e instanceof PermissionError) return `403 ${e.message}`;
    throw e;
  }
}

describeEachDatabase('staff catalog', (ctx) => {
  let manager: StaffActor;
  let editor: StaffActor;
  beforeAll(async () => {
    await seedCatalog(ctx.db);
    manager = await makeActor(ctx.db, 'manager');
    editor = await makeActor(ctx.db, 'editor');
  });

  it('creates a product with variants in cents, opening stock in the history, an audit entry, and the storefront sees it', async () => {
    const made = await createProduct(ctx.db, manager, form(), USD);
    expect(made.slug).toBe('khangai-felt-slippers');
    expect(made.tags).toEqual(['products', 'collections', 'product:khangai-felt-slippers', 'collection:felt-home']);
    const p = await ctx.db.product.findUniqueOrThrow({ where: { id: made.id }, include: { variants: { orderBy: { position: 'asc' } } } });
    expect(p).toMatchObject({ minPriceCents: 4900, maxPriceCents: 4950, isWool: true });
    expect(p.editedAt).not.toBeNull();
    expect(p.variants.map((v) => [v.sku, v.priceCents, v.compareAtCents, v.stock])).toEqual([
      ['KFS-38-GREY', 4900, null, 4],
      ['KFS-40-GREY', 4950, 6000, 0],
    ]);
    expect(await ctx.db.stockAdjustment.count({ where: { variant: { productId: made.id } } })).toBe(1);
    expect(await ctx.db.auditEntry.count({ where: { entityId: made.id, action: 'product.create', actorId: manager.id } })).toBe(1);
    expect((await getProductBySlug(ctx.db, made.slug))?.title).toBe('Khangai Felt Slippers');
  });

  it('refuses a taken slug or SKU beside its field, writing nothing', async () => {
    const [products, audits] = [await ctx.db.product.count(), await ctx.db.auditEntry.count()];
    expect(await refusal(createProduct(ctx.db, manager, form(), USD))).toBe(
      'slug-taken @slug: Another product already uses the slug “khangai-felt-slippers”. Choose another.',
    );
    const otherSlug = form({
      title: 'Another slipper',
      variants: [
        { sku: 'NEW-1', size: 'S', colour: 'Red', price: '10' },
        { sku: 'KFS-40-GREY', size: 'M', colour: 'Red', price: '10' },
      ],
    });
    expect(await refusal(createProduct(ctx.db, manager, otherSlug, USD))).toBe(
      'sku-taken @variants.1.sku: SKU KFS-40-GREY already belongs to another variant. Each SKU is used once.',
    );
    expect([await ctx.db.product.count(), await ctx.db.auditEntry.count()]).toEqual([products, audits]);
    expect(await ctx.db.variant.count({ where: { sku: 'NEW-1' } })).toBe(0);
  });

  it('an editor cannot touch the catalog: refused, nothing written', async () => {
    const before = await ctx.db.product.count();
    const p = await ctx.db.product.findUniqueOrThrow({ where: { slug: 'khangai-felt-slippers' }, include: { variants: true } });
    expect(await refusal(createProduct(ctx.db, editor, form({ title: 'Editor hat' }), USD))).toBe('403 Your role cannot change the catalog.');
    expect(await refusal(updateProduct(ctx.db, editor, p.id, form({ title: 'Renamed' }), USD))).toBe('403 Your role cannot change the catalog.');
    expect(await refusal(adjustStock(ctx.db, editor, { variantId: p.variants[0]!.id, delta: 5, reason: 'x' }))).toBe(
      '403 Your role cannot change the catalog.',
    );
    expect(await refusal(listAdminProducts(ctx.db, editor, { page: 1 }, 5))).toBe('403 Your role cannot change the catalog.');
    expect(await ctx.db.product.count()).toBe(before);
    expect((await ctx.db.product.findUniqueOrThrow({ where: { id: p.id } })).title).toBe('Khangai Felt Slippers');
  });

  it('edits fields and variants in one save, refuses a stale save, and archiving takes it off the storefront', async () => {
    const p = await ctx.db.product.findUniqueOrThrow({ where: { slug: 'khangai-felt-slippers' }, include: { variants: { orderBy: { position: 'asc' } } } });
    const [v38, v40] = p.variants;
    const edit = form({
      title: 'Khangai Felt Slippers',
      updatedAt: p.updatedAt.toISOString(),
      variants: [
        { id: v38!.id, sku: v38!.sku, size: '38', colour: 'Grey', price: '52.00' },
        { id: v40!.id, sku: v40!.sku, size: '40', colour: 'Grey', price: '49.50', remove: 'on' },
        { sku: 'KFS-42-GREY', size: '42', colour: 'Grey', price: '55', stock: '2' },
      ],
    });
    await updateProduct(ctx.db, manager, p.id, edit, USD);
    const after = await ctx.db.product.findUniqueOrThrow({ where: { id: p.id }, include: { variants: { orderBy: { position: 'asc' } } } });
    expect(after.variants.map((v) => [v.sku, v.priceCents, v.stock])).toEqual([
      ['KFS-38-GREY', 5200, 4],
      ['KFS-42-GREY', 5500, 2],
    ]);
    expect(after.minPriceCents).toBe(5200);
    const entry = await ctx.db.auditEntry.findFirstOrThrow({ where: { entityId: p.id, action: 'product.update' } });
    expect(entry.before).toMatchObject({ variants: expect.any(Array) });
    expect(entry.after).not.toHaveProperty('title');

    // A second editor who opened the page before that save is told, and nothing of theirs is written.
    expect(await refusal(updateProduct(ctx.db, manager, p.id, { ...edit, title: 'Overwritten' }, USD))).toMatch(
      /^stale: Someone saved this product after you opened it/,
    );
    expect((await ctx.db.product.findUniqueOrThrow({ where: { id: p.id } })).title).toBe('Khangai Felt Slippers');

    const archive = form({
      status: 'archived',
      updatedAt: after.updatedAt.toISOString(),
      variants: after.variants.map((v) => ({ id: v.id, sku: v.sku, size: v.size, colour: v.colour, price: (v.priceCents / 100).toFixed(2) })),
    });
    const saved = await updateProduct(ctx.db, manager, p.id, archive, USD);
    expect(saved.tags).toContain('product:khangai-felt-slippers');
    expect(await getProductBySlug(ctx.db, 'khangai-felt-slippers')).toBeNull();
  });

  it('two saves of the same copy at once: one wins, the other is told it is stale', async () => {
    const p = await ctx.db.product.findUniqueOrThrow({ where: { slug: 'khangai-felt-slippers' }, include: { variants: { orderBy: { position: 'asc' } } } });
    const copy = (title: string) =>
      form({
        title,
        slug: p.slug,
        status: 'archived',
        updatedAt: p.updatedAt.toISOString(),
        variants: p.variants.map((v) => ({ id: v.id, sku: v.sku, size: v.size, colour: v.colour, price: (v.priceCents / 100).toFixed(2) })),
      });
    const results = await Promise.all([
      refusal(updateProduct(ctx.db, manager, p.id, copy('First'), USD)),
      refusal(updateProduct(ctx.db, manager, p.id, copy('Second'), USD)),
    ]);
    expect(results.filter((r) => r === 'ok')).toHaveLength(1);
    expect(results.filter((r) => r.startsWith('stale'))).toHaveLength(1);
  });

  it('stock adjustments never go below zero, even at once, and each leaves a history row', async () => {
    const v = await ctx.db.variant.findUniqueOrThrow({ where: { sku: 'KFS-38-GREY' } }); // stock 4
    const history = await ctx.db.stockAdjustment.count({ where: { variantId: v.id } });
    expect(await refusal(adjustStock(ctx.db, manager, { variantId: v.id, delta: -5, reason: 'Stock count' }))).toBe(
      'stock-negative @delta: Only 4 in stock: you can take away at most 4.',
    );
    const results = await Promise.all(
      Array.from({ length: 6 }, () => refusal(adjustStock(ctx.db, manager, { variantId: v.id, delta: -1, reason: 'Damaged in the shop' }))),
    );
    expect(results.filter((r) => r === 'ok')).toHaveLength(4);
    expect((await ctx.db.variant.findUniqueOrThrow({ where: { id: v.id } })).stock).toBe(0);
    const rows = await ctx.db.stockAdjustment.findMany({ where: { variantId: v.id }, orderBy: { createdAt: 'asc' } });
    expect(rows).toHaveLength(history + 4);
    expect(
      rows
        .slice(-4)
        .map((r) => r.stockAfter)
        .sort(),
    ).toEqual([0, 1, 2, 3]);
    expect(await ctx.db.auditEntry.count({ where: { entityId: v.id, action: 'stock.adjust' } })).toBe(4);
    const back = await adjustStock(ctx.db, manager, { variantId: v.id, delta: 10, reason: 'Delivery from the workshop' });
    expect(back.stock).toBe(10);
  });

  it('lists with search and filters for staff', async () => {
    const all = await listAdminProducts(ctx.db, manager, { page: 1 }, 5);
    expect(all.total).toBe(await ctx.db.product.count());
    expect((await listAdminProducts(ctx.db, manager, { q: 'kfs-42', page: 1 }, 5)).rows.map((r) => r.slug)).toEqual(['khangai-felt-slippers']);
    const archived = await listAdminProducts(ctx.db, manager, { status: 'archived', page: 1 }, 5);
    expect(archived.rows.every((r) => r.status === 'archived')).toBe(true);
    const out = await listAdminProducts(ctx.db, manager, { stock: 'out', page: 1 }, 5);
    expect(out.rows.every((r) => r.soldOut > 0)).toBe(true);
    const felt = await listAdminProducts(ctx.db, manager, { collection: 'felt-home', page: 1 }, 5);
    expect(felt.total).toBeGreaterThan(0);
  });

  it('the demo loader never overwrites a product staff edited, even when forced', async () => {
    const demo = await ctx.db.product.findFirstOrThrow({
      where: { editedAt: null, status: 'active' },
      include: { variants: { orderBy: { position: 'asc' } }, collections: { include: { collection: true } } },
    });
    const edit = productInputSchema.parse({
      title: 'Renamed by staff',
      slug: demo.slug,
      description: demo.description,
      material: demo.material,
      isWool: demo.isWool ? 'on' : undefined,
      origin: demo.origin,
      care: demo.care,
      status: 'active',
      collections: demo.collections.map((c) => c.collection.slug),
      updatedAt: demo.updatedAt.toISOString(),
      variants: demo.variants.map((v) => ({ id: v.id, sku: v.sku, size: v.size, colour: v.colour, price: (v.priceCents / 100).toFixed(2) })),
    });
    await updateProduct(ctx.db, manager, demo.id, edit, USD);
    expect((await seedCatalog(ctx.db)).skipped).toBe(true);
    await seedCatalog(ctx.db, { force: true });
    expect((await ctx.db.product.findUniqueOrThrow({ where: { id: demo.id } })).title).toBe('Renamed by staff');
  });
});
