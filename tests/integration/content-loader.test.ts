import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { loadCatalog, readCatalogContent } from '@/lib/catalog/content';
import { ContentError } from '@/lib/content-error';
import { CATALOG_CONTENT_DIR, seedCatalog } from '@/lib/catalog/seed-catalog';
import { describeEachDatabase } from '../support/databases';

async function copyContent(): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'catalog-'));
  await fs.cp(CATALOG_CONTENT_DIR, dir, { recursive: true });
  return dir;
}

async function snapshot(db: Parameters<typeof loadCatalog>[0]) {
  return {
    products: await db.product.count(),
    variants: await db.variant.count(),
    images: await db.productImage.count(),
    links: await db.collectionProduct.count(),
    stock: (await db.variant.aggregate({ _sum: { stock: true } }))._sum.stock,
  };
}

describeEachDatabase('demo catalog loader', (ctx) => {
  it('loads the demo data, and loading twice changes nothing', async () => {
    const first = await seedCatalog(ctx.db, { force: true });
    expect(first.skipped).toBe(false);
    const before = await snapshot(ctx.db);
    expect(before.products).toBeGreaterThanOrEqual(24);
    await seedCatalog(ctx.db, { force: true });
    expect(await snapshot(ctx.db)).toEqual(before);
    // Without force, a store that has products is left alone.
    expect((await seedCatalog(ctx.db)).skipped).toBe(true);
  });

  it('an edited file updates its product', async () => {
    const dir = await copyContent();
    const file = path.join(dir, 'products', 'felt-camel-toy.json');
    const json = JSON.parse(await fs.readFile(file, 'utf8'));
    json.title = 'Felt Bactrian Camel';
    json.variants[0].priceCents = 1950;
    await fs.writeFile(file, JSON.stringify(json));
    await loadCatalog(ctx.db, await readCatalogContent(dir));
    const row = await ctx.db.product.findUniqueOrThrow({ where: { slug: 'felt-camel-toy' } });
    expect(row.title).toBe('Felt Bactrian Camel');
    expect(row.minPriceCents).toBe(1950);
  });

  it('rejects a bad file with its name and field, and writes nothing', async () => {
    const dir = await copyContent();
    const file = path.join(dir, 'products', 'yak-wool-socks.json');
    const json = JSON.parse(await fs.readFile(file, 'utf8'));
    json.variants[1].priceCents = 24.5;
    await fs.writeFile(file, JSON.stringify(json));
    const err = await readCatalogContent(dir).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ContentError);
    expect((err as Error).message).toMatch(/yak-wool-socks\.json: variants\.1\.priceCents/);
  });

  it('rejects an unknown collection and a repeated sku', async () => {
    const dir = await copyContent();
    const file = path.join(dir, 'products', 'felt-camel-toy.json');
    const json = JSON.parse(await fs.readFile(file, 'utf8'));
    json.collections = ['socks-drawer'];
    await fs.writeFile(file, JSON.stringify(json));
    await expect(readCatalogContent(dir)).rejects.toThrow(/felt-camel-toy\.json: collections\.0 names an unknown collection/);
    json.collections = ['felt-home'];
    json.variants[0].sku = 'GCN-S-OAT';
    await fs.writeFile(file, JSON.stringify(json));
    await expect(readCatalogContent(dir)).rejects.toThrow(/variants\.0\.sku GCN-S-OAT is already used/);
  });
});
