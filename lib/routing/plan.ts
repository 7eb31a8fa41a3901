import { catalogPathKey, parseCatalogQuery, type CatalogQuery, type RawSearchParams } from '../catalog/filters';
import { blogPathKey, parseBlogQuery } from '../blog/list-query';
import { isSlug } from '../slug';

/**
 * Where a shopper URL is served from, decided before anything renders, so that what visitors
 * type can never add pages to the cache:
 *  - the canonical browsing pages (the catalog with at most one known filter, a known
 *    collection, a known product or article) go to routes that are rendered once and cached;
 *  - searches, price ranges and filter combinations go to routes rendered per request from the
 *    database, which store nothing;
 *  - unknown slugs, tags and pages past the end go to one shared 404 page;
 *  - the internal cache paths (/q/, /s/) are not addresses: asked for directly, they are 404.
 * Pure: the proxy hands in what the catalog holds (`Known`).
 */
export interface Known {
  product: (slug: string) => Promise<boolean>;
  collection: (slug: string) => Promise<boolean>;
  article: (slug: string) => Promise<boolean>;
  /** Colours some active product has, lower-case. */
  colours: () => Promise<ReadonlySet<string>>;
  /** Tags of articles readers can see. */
  tags: () => Promise<ReadonlySet<string>>;
  activeProducts: () => Promise<number>;
  visibleArticles: () => Promise<number>;
}

export interface PlanSettings {
  catalogPageSize: number;
  blogPageSize: number;
}

export type Plan = { kind: 'pass' } | { kind: 'rewrite'; pathname: string } | { kind: 'not-found' };

/** The one page every unknown address is rewritten to: rendered and stored once. */
export const NOT_FOUND_PATH = '/missing';

export function toRawParams(search: URLSearchParams): RawSearchParams {
  const params: RawSearchParams = {};
  for (const k of new Set(search.keys())) params[k] = search.getAll(k);
  return params;
}

function pages(count: number, size: number): number {
  return Math.max(1, Math.ceil(count / size));
}

/** Whether a catalog query is one of the bounded set of pages worth keeping in the cache. */
export async function isCacheableCatalogQuery(query: CatalogQuery, known: Known, settings: PlanSettings, inCollection: boolean): Promise<boolean> {
  if (query.q || query.minPriceCents !== null || query.maxPriceCents !== null) return false;
  const dimensions = (inCollection ? 0 : query.collection ? 1 : 0) + query.materials.length + (query.colour ? 1 : 0) + (query.inStock ? 1 : 0);
  if (dimensions > 1) return false;
  if (query.colour && !(await known.colours()).has(query.colour)) return false;
  if (!inCollection && query.collection && !(await known.collection(query.collection))) return false;
  return query.page <= pages(await known.activeProducts(), settings.catalogPageSize);
}

function safeDecode(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

async function planBlogIndex(search: URLSearchParams, known: Known, settings: PlanSettings): Promise<Plan> {
  const q = parseBlogQuery(toRawParams(search));
  if (q.tag && !(await known.tags()).has(q.tag)) return { kind: 'not-found' };
  if (!q.tag && q.page > pages(await known.visibleArticles(), settings.blogPageSize)) return { kind: 'not-found' };
  return { kind: 'rewrite', pathname: `/blog/q/${blogPathKey(q)}` };
}

async function planCatalog(base: string, search: URLSearchParams, known: Known, settings: PlanSettings, collection: string | null): Promise<Plan> {
  const parsed = parseCatalogQuery(toRawParams(search));
  const query = collection ? { ...parsed, collection } : parsed;
  const cached = await isCacheableCatalogQuery(query, known, settings, collection !== null);
  return { kind: 'rewrite', pathname: `${base}/${cached ? 'q' : 's'}/${catalogPathKey(query, collection !== null)}` };
}

/**
 * The proxy also sees the internal path it rewrote to (Next runs it again when it renders that
 * route). An internal path passes only when it is exactly what planning its public URL gives;
 * anything else there (junk keys, non-canonical keys, the wrong route for the query) is a 404.
 */
async function planInternal(publicPath: string, internalPath: string, rawKey: string, known: Known, settings: PlanSettings): Promise<Plan> {
  const key = safeDecode(rawKey);
  if (key === null) return { kind: 'not-found' };
  const search = new URLSearchParams(key === '_' ? '' : key);
  const plan = await planRequest(publicPath, search, known, settings);
  // Compared decoded: the key may arrive percent-encoded differently than it was written.
  return plan.kind === 'rewrite' && safeDecode(plan.pathname) === safeDecode(internalPath) ? { kind: 'pass' } : { kind: 'not-found' };
}

/**
 * The shopper's own orders: the lookup form and one order page per number, written as the shop
 * writes it (/orders/MN-100001). Everything else under /orders is the shared 404. The pages are
 * per shopper and never stored, so no database question is needed here: the page itself asks for
 * the proof (lib/orders/order-page.ts).
 */
export function planOrders(parts: string[]): Plan {
  if (parts.length !== 2) return { kind: 'not-found' };
  const [, page] = parts;
  return page === 'lookup' || /^MN-\d{6,9}$/.test(page!) ? { kind: 'pass' } : { kind: 'not-found' };
}

/**
 * A shopper's returns: /returns (the form, for the order named in its query) and one page per
 * return (/returns/R-5001). Like the orders, per shopper and proven by the page itself.
 */
export function planReturns(parts: string[]): Plan {
  if (parts.length === 1) return { kind: 'pass' };
  return parts.length === 2 && /^R-\d{1,9}$/.test(parts[1]!) ? { kind: 'pass' } : { kind: 'not-found' };
}

export async function planRequest(pathname: string, search: URLSearchParams, known: Known, settings: PlanSettings): Promise<Plan> {
  const parts = pathname.split('/').slice(1);
  const [section, rawSlug, third, fourth] = parts;
  if (section === 'orders') return planOrders(parts);
  if (section === 'returns') return planReturns(parts);
  if (section !== 'products' && section !== 'collections' && section !== 'blog') return { kind: 'pass' };
  if (parts.some((p) => p === '')) return parts.length === 1 ? { kind: 'pass' } : { kind: 'not-found' };

  if (rawSlug === undefined) {
    if (section === 'blog') return planBlogIndex(search, known, settings);
    if (section === 'products') return planCatalog('/products', search, known, settings, null);
    return { kind: 'pass' }; // /collections alone: Next's own 404
  }
  if (section === 'products' && (rawSlug === 'q' || rawSlug === 's') && parts.length === 3) {
    return planInternal('/products', pathname, third!, known, settings);
  }
  if (section === 'blog' && rawSlug === 'q' && parts.length === 3) return planInternal('/blog', pathname, third!, known, settings);
  if (section === 'blog' && rawSlug === 'feed.xml' && parts.length === 2) return { kind: 'pass' };

  const slug = safeDecode(rawSlug);
  if (slug === null || !isSlug(slug)) return { kind: 'not-found' };
  if (section === 'collections' && (third === 'q' || third === 's') && parts.length === 4) {
    return planInternal(`/collections/${slug}`, pathname, fourth!, known, settings);
  }
  if (parts.length > 2) return { kind: 'not-found' };
  if (section === 'products') return (await known.product(slug)) ? { kind: 'pass' } : { kind: 'not-found' };
  if (section === 'blog') return (await known.article(slug)) ? { kind: 'pass' } : { kind: 'not-found' };
  if (!(await known.collection(slug))) return { kind: 'not-found' };
  return planCatalog(`/collections/${slug}`, search, known, settings, slug);
}
