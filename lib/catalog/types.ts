import type { Money } from '../money';

/** What pages and components receive: plain, serialisable, free of Prisma types. */
export interface ImageView {
  src: string;
  alt: string;
  width: number;
  height: number;
}

export interface VariantView {
  id: string;
  sku: string;
  size: string;
  colour: string;
  price: Money;
  compareAt: Money | null;
  stock: number;
}

export interface ProductCardView {
  slug: string;
  title: string;
  material: string;
  materialLabel: string;
  origin: string;
  isWool: boolean;
  priceFrom: Money;
  priceTo: Money;
  compareAt: Money | null;
  image: ImageView | null;
  secondImage: ImageView | null;
  soldOut: boolean;
  colours: string[];
}

export interface ProductView extends Omit<ProductCardView, 'image' | 'secondImage'> {
  id: string;
  description: string;
  care: string;
  images: ImageView[];
  variants: VariantView[];
  collections: { slug: string; title: string }[];
  updatedAt: string;
}

export interface CollectionView {
  slug: string;
  title: string;
  description: string;
  image: ImageView;
  productCount: number;
}

export interface CatalogPage {
  products: ProductCardView[];
  total: number;
  page: number;
  pageCount: number;
  pageSize: number;
}

export interface CatalogFacets {
  collections: { slug: string; title: string }[];
  materials: { value: string; label: string; count: number }[];
  colours: string[];
}
