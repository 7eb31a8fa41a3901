import type { Prisma } from '../generated/prisma/client';
import { money } from '../money';
import { materialLabel } from './materials';
import type { CollectionView, ImageView, ProductCardView, ProductView, VariantView } from './types';

// The shapes the queries select; mappers turn them into the view types pages use.
export const cardSelect = {
  slug: true,
  title: true,
  material: true,
  origin: true,
  isWool: true,
  currency: true,
  minPriceCents: true,
  maxPriceCents: true,
  images: { orderBy: { position: 'asc' }, take: 2, select: { path: true, alt: true, width: true, height: true } },
  variants: { orderBy: { position: 'asc' }, select: { colour: true, stock: true, priceCents: true, compareAtCents: true } },
} satisfies Prisma.ProductSelect;

export type CardRow = Prisma.ProductGetPayload<{ select: typeof cardSelect }>;

export const productInclude = {
  images: { orderBy: { position: 'asc' } },
  variants: { orderBy: { position: 'asc' } },
  collections: { include: { collection: { select: { slug: true, title: true } } } },
} satisfies Prisma.ProductInclude;

export type ProductRow = Prisma.ProductGetPayload<{ include: typeof productInclude }>;

function toImage(i: { path: string; alt: string; width: number; height: number }): ImageView {
  return { src: i.path, alt: i.alt, width: i.width, height: i.height };
}

function cheapestCompareAt(rows: { priceCents: number; compareAtCents: number | null }[], minPrice: number) {
  const v = rows.find((r) => r.priceCents === minPrice && r.compareAtCents !== null && r.compareAtCents > r.priceCents);
  return v?.compareAtCents ?? null;
}

type SummaryFields = Pick<CardRow, 'slug' | 'title' | 'material' | 'origin' | 'isWool' | 'currency' | 'minPriceCents' | 'maxPriceCents'> & {
  variants: { colour: string; stock: number; priceCents: number; compareAtCents: number | null }[];
};

/** What a card and a product page both show: name, material, price range, sale price, stock. */
function toSummary(row: SummaryFields): Omit<ProductCardView, 'image' | 'secondImage'> {
  const compareAt = cheapestCompareAt(row.variants, row.minPriceCents);
  return {
    slug: row.slug,
    title: row.title,
    material: row.material,
    materialLabel: materialLabel(row.material),
    origin: row.origin,
    isWool: row.isWool,
    priceFrom: money(row.minPriceCents, row.currency),
    priceTo: money(row.maxPriceCents, row.currency),
    compareAt: compareAt === null ? null : money(compareAt, row.currency),
    soldOut: row.variants.every((v) => v.stock <= 0),
    colours: [...new Set(row.variants.map((v) => v.colour))],
  };
}

export function toProductCard(row: CardRow): ProductCardView {
  return {
    ...toSummary(row),
    image: row.images[0] ? toImage(row.images[0]) : null,
    secondImage: row.images[1] ? toImage(row.images[1]) : null,
  };
}

export function toVariant(v: ProductRow['variants'][number]): VariantView {
  return {
    id: v.id,
    sku: v.sku,
    size: v.size,
    colour: v.colour,
    price: money(v.priceCents, v.currency),
    compareAt: v.compareAtCents !== null && v.compareAtCents > v.priceCents ? money(v.compareAtCents, v.currency) : null,
    stock: v.stock,
  };
}

export function toProduct(row: ProductRow): ProductView {
  return {
    ...toSummary(row),
    id: row.id,
    description: row.description,
    care: row.care,
    images: row.images.map(toImage),
    variants: row.variants.map(toVariant),
    collections: row.collections.map((c) => c.collection),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function toCollection(
  row: {
    slug: string;
    title: string;
    description: string;
    imagePath: string;
    imageAlt: string;
  },
  productCount: number,
): CollectionView {
  return {
    slug: row.slug,
    title: row.title,
    description: row.description,
    image: { src: row.imagePath, alt: row.imageAlt, width: 1200, height: 900 },
    productCount,
  };
}
