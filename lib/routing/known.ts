import 'server-only';
import type { Db } from '../db';
import { visibleTo } from '../blog/queries';
import type { Known } from './plan';

/**
 * What the catalog and the journal hold, for the proxy's routing decision (lib/routing/plan.ts).
 * Lists are read in one go and kept for a few seconds; a slug that is not in the list is looked
 * up on its own before it is called unknown, so a product or article made a moment ago is found
 * at once, and junk costs one indexed lookup but never a rendered or stored page.
 */
export const KNOWN_TTL_MS = 10_000;
/** With the database out of reach, the last lists are kept and the database asked again this often. */
export const KNOWN_RETRY_MS = 2_000;

interface Snapshot {
  at: number;
  products: Set<string>;
  collections: Set<string>;
  articles: Set<string>;
  colours: Set<string>;
  tags: Set<string>;
}

async function loadSnapshot(db: Db, now: Date): Promise<Snapshot> {
  const [products, collections, articles, colours] = await Promise.all([
    db.product.findMany({ where: { status: 'active' }, select: { slug: true } }),
    db.collection.findMany({ select: { slug: true } }),
    db.article.findMany({ where: visibleTo(now), select: { slug: true, tags: true } }),
    db.variant.findMany({ where: { product: { status: 'active' } }, distinct: ['colour'], select: { colour: true } }),
  ]);
  return {
    at: now.getTime(),
    products: new Set(products.map((p) => p.slug)),
    collections: new Set(collections.map((c) => c.slug)),
    articles: new Set(articles.map((a) => a.slug)),
    colours: new Set(colours.map((c) => c.colour.toLowerCase())),
    tags: new Set(articles.flatMap((a) => a.tags.map((t) => t.toLowerCase()))),
  };
}

export function knownFrom(getDb: () => Db, clock: () => Date = () => new Date()): Known {
  let current: Snapshot | null = null;
  let loading: Promise<Snapshot> | null = null;
  // Set when the last load failed: from then on the last lists are served at once while the database is
  // asked again behind them, so a slow failure (a server that drops packets) makes no request wait again.
  let failing = false;
  const snapshot = async (): Promise<Snapshot> => {
    const now = clock();
    if (current && now.getTime() - current.at < KNOWN_TTL_MS) return current;
    const refresh = (loading ??= loadSnapshot(getDb(), now)
      .then(
        (fresh) => {
          failing = false;
          return (current = fresh);
        },
        (err: unknown) => {
          // The database is away: keep routing by what it last said (cached pages keep answering), and ask
          // again only after a pause counted from when the failure came. With no lists yet, the caller degrades.
          failing = true;
          if (current) current = { ...current, at: clock().getTime() - KNOWN_TTL_MS + KNOWN_RETRY_MS };
          throw err;
        },
      )
      .finally(() => {
        loading = null;
      }));
    if (current && failing) {
      refresh.catch(() => {});
      return current;
    }
    try {
      return await refresh;
    } catch (err) {
      if (current) return current;
      throw err;
    }
  };
  const confirm = async (set: keyof Pick<Snapshot, 'products' | 'collections' | 'articles'>, slug: string, lookup: () => Promise<unknown>) => {
    const snap = await snapshot();
    if (snap[set].has(slug)) return true;
    if (!(await lookup())) return false;
    snap[set].add(slug);
    return true;
  };
  return {
    product: (slug) => confirm('products', slug, () => getDb().product.findFirst({ where: { slug, status: 'active' }, select: { id: true } })),
    collection: (slug) => confirm('collections', slug, () => getDb().collection.findUnique({ where: { slug }, select: { id: true } })),
    article: (slug) => confirm('articles', slug, () => getDb().article.findFirst({ where: { slug, ...visibleTo(clock()) }, select: { id: true } })),
    colours: async () => (await snapshot()).colours,
    tags: async () => (await snapshot()).tags,
    activeProducts: async () => (await snapshot()).products.size,
    visibleArticles: async () => (await snapshot()).articles.size,
  };
}
