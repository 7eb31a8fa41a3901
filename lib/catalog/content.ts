import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { Db } from '../db';
import { MATERIAL_KEYS, MATERIALS } from './materials';
import { refreshPriceRange } from './price-range';
import { ContentError, parseContent } from '../content-error';

/**
 * The demo catalog lives in content/catalog as JSON files. Each file is validated before anything
 * is written; a bad file stops the load with its name and the field at fault.
 */
const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case words joined by hyphens');
const cents = z.number().int('must be a whole number of cents').min(1).max(10_000_00);

export const collectionFileSchema = z.array(
  z.strictObject({
    slug,
    title: z.string().min(2).max(80),
    description: z.string().min(10).max(400),
    featuredRank: z.number().int().min(1).optional(),
    imageAlt: z.string().min(5),
    art: z.object({ kind: z.string(), colour: z.string() }),
  }),
);

export const productFileSchema = z
  .strictObject({
    slug,
    title: z.string().min(2).max(120),
    status: z.enum(['draft', 'active', 'archived']),
    material: z.enum(MATERIAL_KEYS),
    origin: z.string().min(2).max(80),
    description: z.string().min(40),
    care: z.string().min(10),
    collections: z.array(slug).min(1),
    featuredRank: z.number().int().min(1).optional(),
    addedDaysAgo: z.number().int().min(0).max(3650),
    art: z.object({ kind: z.string() }),
    images: z
      .array(z.strictObject({ alt: z.string().min(5).max(200) }))
      .min(1)
      .max(8),
    variants: z
      .array(
        z.strictObject({
          sku: z.string().regex(/^[A-Z0-9-]{3,40}$/, 'must be upper-case letters, digits and hyphens'),
          size: z.string().min(1).max(40),
          colour: z.string().min(1).max(40),
          priceCents: cents,
          compareAtCents: cents.optional(),
          stock: z.number().int().min(0).max(100_000),
        }),
      )
      .min(1)
      .max(24),
  })
  .superRefine((p, ctx) => {
    const combos = new Set<string>();
    p.variants.forEach((v, i) => {
      const key = `${v.size}|${v.colour}`;
      if (combos.has(key)) ctx.addIssue({ code: 'custom', path: ['variants', i], message: `repeats size ${v.size} / colour ${v.colour}` });
      combos.add(key);
      if (v.compareAtCents !== undefined && v.compareAtCents <= v.priceCents)
        ctx.addIssue({ code: 'custom', path: ['variants', i, 'compareAtCents'], message: 'must be more than the price' });
    });
  });

export type CollectionContent = z.infer<typeof collectionFileSchema>[number];
export type ProductContent = z.infer<typeof productFileSchema>;

function parseFile<T>(file: string, text: string, schema: z.ZodType<T>): T {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new ContentError(file, '', `is not valid JSON (${(err as Error).message})`);
  }
  return parseContent(file, json, schema);
}

export const productImagePath = (productSlug: string, n: number) => `/images/products/${productSlug}-${n}.webp`;
export const collectionImagePath = (collectionSlug: string) => `/images/collections/${collectionSlug}.webp`;
export const PRODUCT_IMAGE_SIZE = { width: 960, height: 1200 };

export interface CatalogContent {
  collections: CollectionContent[];
  products: ProductContent[];
}

export async function readCatalogContent(dir: string): Promise<CatalogContent> {
  const collectionsFile = path.join(dir, 'collections.json');
  const collections = parseFile(path.relative(process.cwd(), collectionsFile), await fs.readFile(collectionsFile, 'utf8'), collectionFileSchema);
  const productDir = path.join(dir, 'products');
  const names = (await fs.readdir(productDir)).filter((n) => n.endsWith('.json')).sort();
  const products: ProductContent[] = [];
  const skus = new Map<string, string>();
  const collectionSlugs = new Set(collections.map((c) => c.slug));
  for (const name of names) {
    const file = path.relative(process.cwd(), path.join(productDir, name));
    const product = parseFile(file, await fs.readFile(path.join(productDir, name), 'utf8'), productFileSchema);
    if (`${product.slug}.json` !== name) throw new ContentError(file, 'slug', `must match the file name (${name})`);
    product.collections.forEach((c, i) => {
      if (!collectionSlugs.has(c)) throw new ContentError(file, `collections.${i}`, `names an unknown collection "${c}"`);
    });
    product.variants.forEach((v, i) => {
      const other = skus.get(v.sku);
      if (other) throw new ContentError(file, `variants.${i}.sku`, `${v.sku} is already used in ${other}`);
      skus.set(v.sku, file);
    });
    products.push(product);
  }
  return { collections, products };
}

/**
 * Writes the catalog: an upsert by slug / sku, so loading twice changes nothing and an edited file
 * updates its row. Runs in one transaction so a failure leaves the database as it was.
 */
export async function loadCatalog(db: Db, content: CatalogContent, now = new Date()): Promise<{ products: number; variants: number }> {
  let variantCount = 0;
  await db.$transaction(
    async (tx) => {
      const collectionIds = new Map<string, string>();
      for (const c of content.collections) {
        const data = {
          title: c.title,
          description: c.description,
          featuredRank: c.featuredRank ?? null,
          imagePath: collectionImagePath(c.slug),
          imageAlt: c.imageAlt,
        };
        const row = await tx.collection.upsert({ where: { slug: c.slug }, create: { slug: c.slug, ...data }, update: data, select: { id: true } });
        collectionIds.set(c.slug, row.id);
      }
      // Products staff created or edited in /admin are theirs now: a forced reload leaves them alone.
      const edited = new Set((await tx.product.findMany({ where: { editedAt: { not: null } }, select: { slug: true } })).map((p) => p.slug));
      for (const p of content.products) {
        if (edited.has(p.slug)) continue;
        const data = {
          title: p.title,
          description: p.description,
          material: p.material,
          origin: p.origin,
          care: p.care,
          status: p.status,
          isWool: MATERIALS[p.material].wool,
          featuredRank: p.featuredRank ?? null,
        };
        const createdAt = new Date(now.getTime() - p.addedDaysAgo * 86_400_000);
        const product = await tx.product.upsert({
          where: { slug: p.slug },
          create: { slug: p.slug, createdAt, ...data },
          update: data,
          select: { id: true },
        });
        await tx.productImage.deleteMany({ where: { productId: product.id } });
        await tx.productImage.createMany({
          data: p.images.map((img, i) => ({ productId: product.id, path: productImagePath(p.slug, i + 1), alt: img.alt, position: i, ...PRODUCT_IMAGE_SIZE })),
        });
        await tx.collectionProduct.deleteMany({ where: { productId: product.id } });
        await tx.collectionProduct.createMany({
          data: p.collections.map((slugName, i) => ({ productId: product.id, collectionId: collectionIds.get(slugName)!, position: i })),
        });
        for (const [i, v] of p.variants.entries()) {
          const vdata = { size: v.size, colour: v.colour, priceCents: v.priceCents, compareAtCents: v.compareAtCents ?? null, stock: v.stock, position: i };
          await tx.variant.upsert({ where: { sku: v.sku }, create: { sku: v.sku, productId: product.id, ...vdata }, update: vdata });
          variantCount++;
        }
        await refreshPriceRange(tx, product.id);
      }
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
  return { products: content.products.length, variants: variantCount };
}
