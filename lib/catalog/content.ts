import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { Db } from '../db';
import { BULK_TRANSACTION } from '../db/batches';
import { newId } from '../db/new-id';
import { deleteImagesAndLinks, insertCollectionLinks, insertImages, insertProducts, insertVariants, updateProducts, updateVariants } from './bulk-write';
import { MATERIAL_KEYS, MATERIALS } from './materials';
import { refreshPriceRanges } from './price-range';
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
 * Writes the catalog: new products and variants are created, existing ones (by slug / SKU) updated
 * where their file changed, so loading twice changes nothing. Every write is a batch of up to
 * thousands of rows (lib/catalog/bulk-write.ts: 10,000 products load in seconds, not one query per
 * row), all in one transaction, so a failure anywhere leaves the database as it was.
 */
export async function loadCatalog(db: Db, content: CatalogContent, now = new Date()): Promise<{ products: number; variants: number }> {
  let variantCount = 0;
  await db.$transaction(async (tx) => {
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
    const existing = new Map((await tx.product.findMany({ select: { id: true, slug: true, editedAt: true } })).map((p) => [p.slug, p]));
    // Products staff created or edited in /admin are theirs now: a forced reload leaves them alone.
    const products = content.products.filter((p) => !existing.get(p.slug)?.editedAt);
    const ids = new Map(products.map((p) => [p.slug, existing.get(p.slug)?.id ?? newId()]));
    const fields = (p: ProductContent) => ({
      slug: p.slug,
      title: p.title,
      description: p.description,
      material: p.material,
      origin: p.origin,
      care: p.care,
      status: p.status,
      isWool: MATERIALS[p.material].wool,
      featuredRank: p.featuredRank ?? null,
    });
    const known = products.filter((p) => existing.has(p.slug));
    await updateProducts(tx, known.map(fields));
    await insertProducts(
      tx,
      products
        .filter((p) => !existing.has(p.slug))
        .map((p) => ({
          ...fields(p),
          id: ids.get(p.slug)!,
          currency: 'USD',
          createdAt: new Date(now.getTime() - p.addedDaysAgo * 86_400_000),
          editedAt: null,
        })),
    );

    // Images and collection links are the file's: replaced whole.
    await deleteImagesAndLinks(
      tx,
      known.map((p) => ids.get(p.slug)!),
    );
    await insertImages(
      tx,
      products.flatMap((p) =>
        p.images.map((img, i) => ({
          id: newId(),
          productId: ids.get(p.slug)!,
          path: productImagePath(p.slug, i + 1),
          alt: img.alt,
          position: i,
          ...PRODUCT_IMAGE_SIZE,
        })),
      ),
    );
    await insertCollectionLinks(
      tx,
      products.flatMap((p) => p.collections.map((c, i) => ({ productId: ids.get(p.slug)!, collectionId: collectionIds.get(c)!, position: i }))),
    );

    // Variants by SKU: an existing one is updated in place (orders and carts point at it), a new one created.
    const skus = new Set((await tx.variant.findMany({ select: { sku: true } })).map((v) => v.sku));
    const variants = products.flatMap((p) =>
      p.variants.map((v, position) => ({
        id: newId(),
        productId: ids.get(p.slug)!,
        sku: v.sku,
        size: v.size,
        colour: v.colour,
        priceCents: v.priceCents,
        compareAtCents: v.compareAtCents ?? null,
        currency: 'USD',
        stock: v.stock,
        position,
      })),
    );
    variantCount = variants.length;
    await updateVariants(
      tx,
      variants.filter((v) => skus.has(v.sku)),
    );
    await insertVariants(
      tx,
      variants.filter((v) => !skus.has(v.sku)),
    );
    await refreshPriceRanges(tx, [...ids.values()]);
  }, BULK_TRANSACTION);
  return { products: content.products.length, variants: variantCount };
}
