import { z } from 'zod';
import { MATERIAL_KEYS } from './materials';
import { parseMajorUnits } from '../money';
import { SORTS, type Sort } from './sorts';

export { SORTS, type Sort } from './sorts';

/**
 * The catalog's filters, sort and page, as they live in the URL (so a filtered page can be
 * shared and the back button works). Parsing is forgiving by design: a value that makes no
 * sense is dropped or clamped and the catalog is still shown, never an error page.
 */
export interface CatalogQuery {
  q: string | null;
  collection: string | null;
  materials: string[];
  colour: string | null;
  minPriceCents: number | null;
  maxPriceCents: number | null;
  inStock: boolean;
  sort: Sort;
  page: number;
}

export const MAX_PAGE = 500;
const MAX_QUERY_LENGTH = 80;

export type RawSearchParams = Record<string, string | string[] | undefined>;

function first(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}
function all(v: string | string[] | undefined): string[] {
  if (v === undefined) return [];
  return (Array.isArray(v) ? v : [v]).flatMap((s) => s.split(','));
}

const slugish = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9-]{1,60}$/);
const material = z.enum(MATERIAL_KEYS);
const colour = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[\p{L} -]+$/u);

/** The highest price a filter may name ($1,000,000.00): prices are 32-bit integers of cents. */
export const MAX_FILTER_PRICE_CENTS = 100_000_000;

function priceCents(v: string | undefined): number | null {
  if (v === undefined || v === '') return null;
  const cents = parseMajorUnits(v);
  return cents === null ? null : Math.min(cents, MAX_FILTER_PRICE_CENTS);
}

/** Control characters (NUL and the like) never reach a query: they are turned into spaces. */
function cleanText(v: string): string {
  return v
    .replace(/[\p{Cc}\p{Cf}\p{Cs}]/gu, ' ')
    .trim()
    .replace(/\s+/g, ' ');
}

export function parseCatalogQuery(params: RawSearchParams): CatalogQuery {
  const q =
    cleanText(first(params.q) ?? '')
      .slice(0, MAX_QUERY_LENGTH)
      .trim() || null;
  const collectionParsed = slugish.safeParse(first(params.collection) ?? '');
  const materials = [
    ...new Set(
      all(params.material).flatMap((m) => {
        const r = material.safeParse(m.trim().toLowerCase());
        return r.success ? [r.data] : [];
      }),
    ),
  ].sort();
  const colourParsed = colour.safeParse(first(params.colour) ?? '');
  let minPriceCents = priceCents(first(params.minPrice));
  let maxPriceCents = priceCents(first(params.maxPrice));
  // A reversed range is most likely two fields typed the wrong way round.
  if (minPriceCents !== null && maxPriceCents !== null && minPriceCents > maxPriceCents) {
    [minPriceCents, maxPriceCents] = [maxPriceCents, minPriceCents];
  }
  const sortRaw = first(params.sort);
  const sort: Sort = sortRaw && Object.hasOwn(SORTS, sortRaw) ? (sortRaw as Sort) : 'featured';
  const pageNum = Number.parseInt(first(params.page) ?? '1', 10);
  const page = Number.isFinite(pageNum) ? Math.min(Math.max(pageNum, 1), MAX_PAGE) : 1;
  const inStockRaw = first(params.inStock);
  return {
    q,
    collection: collectionParsed.success ? collectionParsed.data : null,
    materials,
    colour: colourParsed.success ? colourParsed.data.toLowerCase() : null,
    minPriceCents,
    maxPriceCents,
    inStock: inStockRaw === '1' || inStockRaw === 'true' || inStockRaw === 'on',
    sort,
    page,
  };
}

function centsToParam(cents: number): string {
  return cents % 100 === 0 ? String(cents / 100) : `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}

/** The canonical query string for a query (defaults omitted), e.g. for pagination links. */
export function catalogSearchParams(query: CatalogQuery, overrides: Partial<CatalogQuery> = {}, omitCollection = false): URLSearchParams {
  const merged = { ...query, ...overrides };
  const sp = new URLSearchParams();
  if (merged.q) sp.set('q', merged.q);
  if (merged.collection && !omitCollection) sp.set('collection', merged.collection);
  for (const m of merged.materials) sp.append('material', m);
  if (merged.colour) sp.set('colour', merged.colour);
  if (merged.minPriceCents !== null) sp.set('minPrice', centsToParam(merged.minPriceCents));
  if (merged.maxPriceCents !== null) sp.set('maxPrice', centsToParam(merged.maxPriceCents));
  if (merged.inStock) sp.set('inStock', '1');
  if (merged.sort !== 'featured') sp.set('sort', merged.sort);
  if (merged.page > 1) sp.set('page', String(merged.page));
  return sp;
}

/** A stable string for a query; used as the cache key of the result page. */
export function catalogQueryKey(query: CatalogQuery): string {
  return catalogSearchParams(query).toString();
}

/**
 * Catalog pages are cached per canonical query: proxy.ts rewrites /products?… to
 * /products/q/<key>, a page that is rendered once per key and then served from the cache.
 * "_" is the unfiltered first page. Nonsense values are dropped before they reach the key,
 * so junk URLs share the canonical page instead of filling the cache.
 */
export function catalogPathKey(query: CatalogQuery, omitCollection = false): string {
  return encodeURIComponent(catalogSearchParams(query, {}, omitCollection).toString() || '_');
}

export function parseCatalogPathKey(key: string): CatalogQuery {
  let decoded: string;
  try {
    decoded = decodeURIComponent(key);
  } catch {
    decoded = '';
  }
  const sp = new URLSearchParams(decoded === '_' ? '' : decoded);
  const params: RawSearchParams = {};
  for (const k of new Set(sp.keys())) params[k] = sp.getAll(k);
  return parseCatalogQuery(params);
}

export function isFiltered(query: CatalogQuery): boolean {
  return Boolean(query.q || query.materials.length || query.colour || query.minPriceCents !== null || query.maxPriceCents !== null || query.inStock);
}
