/**
 * `npm run bench:catalog` (and the first part of `BENCH_CATALOG=large npm run bench`): what the
 * catalog's reads cost with the demo catalog (27 products) and with a grown shop's (the demo one
 * multiplied to 10,017 products, lib/catalog/large-catalog.ts), straight from the database: the lib
 * functions the pages call, timed without the page cache (which hides query cost). Prints the load
 * time, p50 and p95 per read and the large / small ratio of the p50s (the aim: within 2×).
 * Embedded PGlite (in memory) by default; BENCH_DATABASE_URL=postgresql://…?schema=bench_catalog
 * measures on PostgreSQL (schemas <name>_small and <name>_large, emptied first). Asserts nothing.
 *   BENCH_CATALOG_PRODUCTS=10017 BENCH_CATALOG_RUNS=60 BENCH_CATALOG_SECONDS=6 npm run bench:catalog
 */
import { z } from 'zod';
import { loadCatalog, readCatalogContent } from '../lib/catalog/content';
import { parseCatalogQuery, type RawSearchParams } from '../lib/catalog/filters';
import { largeCatalog } from '../lib/catalog/large-catalog';
import { catalogFacets, getProductBySlug, listCollections, listProducts } from '../lib/catalog/queries';
import { CATALOG_CONTENT_DIR } from '../lib/catalog/seed-catalog';
import { createDb, type Db } from '../lib/db';
import { parseDatabaseUrl, type DatabaseTarget } from '../lib/db/connection';
import { applyMigrations } from '../lib/db/migrator';

export const catalogBenchOptions = z.object({
  BENCH_CATALOG_PRODUCTS: z.coerce.number().int().min(100).max(100_000).default(10_017),
  BENCH_CATALOG_RUNS: z.coerce.number().int().min(3).max(1_000).default(60),
  BENCH_CATALOG_SECONDS: z.coerce.number().min(1).max(60).default(6),
  BENCH_DATABASE_URL: z.string().optional(),
});
export type CatalogBenchOptions = z.infer<typeof catalogBenchOptions>;

const PAGE_SIZE = 12;

/** The reads a shopper's pages make; each one a page the cache would not have yet. */
export const CATALOG_READS: { name: string; run: (db: Db) => Promise<unknown> }[] = [
  ...(
    [
      ['catalog, first page', {}],
      ['catalog, newest, page 20', { sort: 'newest', page: '20' }],
      ['collection felt-home', { collection: 'felt-home' }],
      ['material cashmere, price ↑', { material: 'cashmere', sort: 'price-asc' }],
      ['colour charcoal, in stock', { colour: 'charcoal', inStock: '1' }],
      ['price $50–$120', { minPrice: '50', maxPrice: '120' }],
      ['search "sweater"', { q: 'sweater' }],
      ['search "cashmir" (typo)', { q: 'cashmir' }],
      // Two words that both stores have (the small store has no yak scarf: an empty page is less work, no fair baseline).
      ['search "yak sweater", price ↓', { q: 'yak sweater', sort: 'price-desc' }],
    ] satisfies [string, RawSearchParams][]
  ).map(([name, params]) => ({ name, run: (db: Db) => listProducts(db, parseCatalogQuery(params), PAGE_SIZE) })),
  { name: 'facets (filter form)', run: (db) => catalogFacets(db) },
  { name: 'collections with counts', run: (db) => listCollections(db) },
  { name: 'product page', run: (db) => getProductBySlug(db, 'gobi-crew-neck-sweater') },
];

export interface ReadTiming {
  name: string;
  runs: number;
  p50: number;
  p95: number;
  /** How many products a listing found (its total), so both stores are seen to do the same kind of work. */
  found: number | null;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))]!;
}

const foundIn = (result: unknown): number | null =>
  typeof result === 'object' && result !== null && 'total' in result ? Number((result as { total: unknown }).total) : null;

/**
 * Times each read on both stores, alternating small and large call by call (two warm-up calls each,
 * then up to `runs` pairs or `seconds`): a shared machine's slow spell then lands on both sides
 * instead of skewing the ratio (timed one store after the other, the same read moved from 0.7× to
 * 2.4× between two runs).
 */
export async function timeReadPairs(small: Db, large: Db, runs: number, seconds: number): Promise<[ReadTiming, ReadTiming][]> {
  const out: [ReadTiming, ReadTiming][] = [];
  for (const read of CATALOG_READS) {
    const found: (number | null)[] = [null, null];
    for (let i = 0; i < 2; i++) [found[0], found[1]] = [foundIn(await read.run(small)), foundIn(await read.run(large))];
    const times: [number[], number[]] = [[], []];
    const deadline = performance.now() + seconds * 1000;
    while (times[0].length < runs && performance.now() < deadline) {
      for (const [side, db] of [small, large].entries()) {
        const t = performance.now();
        await read.run(db);
        times[side]!.push(performance.now() - t);
      }
    }
    const timing = (side: 0 | 1): ReadTiming => {
      const sorted = [...times[side]].sort((a, b) => a - b);
      return { name: read.name, runs: sorted.length, p50: percentile(sorted, 0.5), p95: percentile(sorted, 0.95), found: found[side]! };
    };
    out.push([timing(0), timing(1)]);
  }
  return out;
}

export async function freshTarget(url: string | undefined, suffix: string): Promise<DatabaseTarget> {
  if (!url) return { kind: 'pglite', dataDir: null };
  const target = parseDatabaseUrl(url);
  if (target.kind !== 'postgres') return target;
  const schema = `${(target.schema ?? 'bench_catalog').replace(/"/g, '')}_${suffix}`;
  const pg = await import('pg');
  const client = new pg.default.Client({ connectionString: target.url });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await client.query(`CREATE SCHEMA "${schema}"`);
  await client.end();
  return { ...target, schema };
}

interface LoadedStore {
  handle: ReturnType<typeof createDb>;
  products: number;
  variants: number;
  loadMs: number;
}

/** A fresh database with `products` products (27: the demo catalog as it is), loaded and analysed. */
async function loadStore(opts: CatalogBenchOptions, products: number | 'demo'): Promise<LoadedStore> {
  const demo = await readCatalogContent(CATALOG_CONTENT_DIR);
  const content = products === 'demo' ? demo : largeCatalog(demo, { products });
  const handle = createDb(await freshTarget(opts.BENCH_DATABASE_URL, products === 'demo' ? 'small' : 'large'));
  try {
    await applyMigrations(handle.factory);
    const t = performance.now();
    const loaded = await loadCatalog(handle.prisma, content);
    const loadMs = performance.now() - t;
    // A running shop's tables are vacuumed and have statistics (autovacuum); a just-loaded one gets both here.
    await handle.prisma.$executeRawUnsafe('VACUUM ANALYZE');
    return { handle, ...loaded, loadMs };
  } catch (e) {
    await handle.close();
    throw e;
  }
}

export async function benchCatalog(opts: CatalogBenchOptions): Promise<void> {
  const engine = opts.BENCH_DATABASE_URL ? 'PostgreSQL' : 'embedded PGlite';
  console.log(
    `Catalog reads, small vs large, on ${engine} (lib calls, no page cache; the two stores alternate call by call; up to ${opts.BENCH_CATALOG_RUNS} runs or ${opts.BENCH_CATALOG_SECONDS} s each)\n`,
  );
  const small = await loadStore(opts, 'demo');
  let large: LoadedStore | null = null;
  try {
    large = await loadStore(opts, opts.BENCH_CATALOG_PRODUCTS);
    for (const [label, r] of [
      ['small', small],
      ['large', large],
    ] as const)
      console.log(`${label}: ${r.products} products, ${r.variants} variants, loaded in ${(r.loadMs / 1000).toFixed(1)} s`);
    console.log();
    const pairs = await timeReadPairs(small.handle.prisma, large.handle.prisma, opts.BENCH_CATALOG_RUNS, opts.BENCH_CATALOG_SECONDS);
    const ms = (n: number) => n.toFixed(1).padStart(8);
    console.log(
      'read'.padEnd(34),
      'small p50'.padStart(10),
      'p95'.padStart(8),
      'large p50'.padStart(10),
      'p95'.padStart(8),
      'ratio'.padStart(7),
      '  within 2×',
      '  found small / large',
    );
    let over = 0;
    for (const [s, l] of pairs) {
      const ratio = l.p50 / s.p50;
      if (ratio > 2) over++;
      console.log(
        s.name.padEnd(34),
        ms(s.p50).padStart(10),
        ms(s.p95),
        ms(l.p50).padStart(10),
        ms(l.p95),
        `${ratio.toFixed(2)}×`.padStart(7),
        ratio <= 2 ? '  yes' : '  NO ',
        s.found === null ? '' : `      ${s.found} / ${l.found ?? '?'}${s.found === 0 ? ' (the small store finds nothing: not a fair baseline)' : ''}`,
      );
    }
    console.log(`\n${pairs.length - over} of ${pairs.length} reads within 2× of the small store (ms; ratio of p50s).`);
  } finally {
    await small.handle.close();
    await large?.handle.close();
  }
}

/** Loads the large catalog into the database DATABASE_URL names (the store `npm run bench` starts). */
export async function loadLargeCatalog(products: number): Promise<string> {
  const handle = createDb();
  try {
    const t = performance.now();
    const loaded = await loadCatalog(handle.prisma, largeCatalog(await readCatalogContent(CATALOG_CONTENT_DIR), { products }));
    await handle.prisma.$executeRawUnsafe('ANALYZE');
    return `${loaded.products} products, ${loaded.variants} variants (${((performance.now() - t) / 1000).toFixed(1)} s)`;
  } finally {
    await handle.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await benchCatalog(catalogBenchOptions.parse(process.env));
  process.exit(0);
}
