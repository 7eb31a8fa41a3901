import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { productFileSchema, readCatalogContent, type CatalogContent } from './content';
import { largeCatalog } from './large-catalog';

let demo: CatalogContent;
beforeAll(async () => {
  demo = await readCatalogContent(path.resolve('content/catalog'));
});

describe('a large catalog made from the demo one', () => {
  it('has the number asked for, the originals first and unchanged, every slug and SKU once', () => {
    const big = largeCatalog(demo, { products: 2_000 });
    expect(big.products).toHaveLength(2_000);
    expect(big.products.slice(0, demo.products.length)).toEqual(demo.products);
    expect(new Set(big.products.map((p) => p.slug)).size).toBe(2_000);
    const skus = big.products.flatMap((p) => p.variants.map((v) => v.sku));
    expect(new Set(skus).size).toBe(skus.length);
    expect(big.collections).toEqual(demo.collections);
  });

  it('makes products the demo loader accepts, each file’s rules included', () => {
    for (const p of largeCatalog(demo, { products: 2_000 }).products) {
      const parsed = productFileSchema.safeParse(p);
      expect(parsed.error?.issues[0]?.message ?? 'ok', p.slug).toBe('ok');
    }
  });

  it('varies like a real shop: some archived, drafts, sold out, on sale, other colours and prices; features only the originals', () => {
    const copies = largeCatalog(demo, { products: 5_000 }).products.slice(demo.products.length);
    const share = (f: (p: (typeof copies)[number]) => boolean) => copies.filter(f).length / copies.length;
    expect(share((p) => p.status === 'archived')).toBeGreaterThan(0.01);
    expect(share((p) => p.status === 'archived')).toBeLessThan(0.06);
    expect(share((p) => p.status === 'draft')).toBeGreaterThan(0.003);
    expect(share((p) => p.variants.every((v) => v.stock === 0))).toBeGreaterThan(0.04);
    expect(share((p) => p.variants.some((v) => v.compareAtCents !== undefined))).toBeGreaterThan(0.1);
    expect(new Set(copies.flatMap((p) => p.variants.map((v) => v.colour))).size).toBeGreaterThanOrEqual(15);
    expect(new Set(copies.map((p) => p.variants[0]!.priceCents)).size).toBeGreaterThan(100);
    expect(copies.every((p) => p.featuredRank === undefined)).toBe(true);
  });

  it('is the same catalog every time', () => {
    expect(largeCatalog(demo, { products: 500 })).toEqual(largeCatalog(demo, { products: 500 }));
  });
});
