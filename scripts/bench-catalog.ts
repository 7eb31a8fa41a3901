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
      ['search "yak scarf", price ↓', { q: 'yak scarf', sort: 'price-desc' }],
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
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))]!;
}

/** Times each read: two warm-up calls, then up to `runs` calls or `seconds`, whichever ends first. */
export async function timeReads(db: Db, runs: number, seconds: number): Promise<ReadTiming[]> {
  const out: ReadTiming[] = [];
  for (const read of CATALOG_READS) {
    for (let i = 0; i < 2; i++) await read.run(db);
    const times: number[] = [];
    const deadline = performance.now() + seconds * 1000;
    while (times.length < runs && performance.now() < deadline) {
      const t = performance.now();
      await read.run(db);
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    out.push({ name: read.name, runs: times.length, p50: percentile(times, 0.5), p95: percentile(times, 0.95) });
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

export interface SizeResult {
  products: number;
  variants: number;
  loadMs: number;
  reads: ReadTiming[];
}

/** A fresh database with `products` products (27: the demo catalog as it is), loaded, analysed and timed. */
export async function benchCatalogSize(opts: CatalogBenchOptions, products: number | 'demo'): Promise<SizeResult> {
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
    return { ...loaded, loadMs, reads: await timeReads(handle.prisma, opts.BENCH_CATALOG_RUNS, opts.BENCH_CATALOG_SECONDS) };
  } finally {
    await handle.close();
  }
}

export async function benchCatalog(opts: CatalogBenchOptions): Promise<void> {
  const engine = opts.BENCH_DATABASE_URL ? 'PostgreSQL' : 'embedded PGlite';
  console.log(
    `Catalog reads, small vs large, on ${engine} (lib calls, no page cache; up to ${opts.BENCH_CATALOG_RUNS} runs or ${opts.BENCH_CATALOG_SECONDS} s each)\n`,
  );
  const small = await benchCatalogSize(opts, 'demo');
  const large = await benchCatalogSize(opts, opts.BENCH_CATALOG_PRODUCTS);
  for (const [label, r] of [
    ['small', small],
    ['large', large],
  ] as const)
    console.log(`${label}: ${r.products} products, ${r.variants} variants, loaded in ${(r.loadMs / 1000).toFixed(1)} s`);
  console.log();
  const ms = (n: number) => n.toFixed(1).padStart(8);
  console.log('read'.padEnd(34), 'small p50'.padStart(10), 'p95'.padStart(8), 'large p50'.padStart(10), 'p95'.padStart(8), 'ratio'.padStart(7), '  within 2×');
  let over = 0;
  for (const [i, s] of small.reads.entries()) {
    const l = large.reads[i]!;
    const ratio = l.p50 / s.p50;
    if (ratio > 2) over++;
    console.log(
      s.name.padEnd(34),
      ms(s.p50).padStart(10),
      ms(s.p95),
      ms(l.p50).padStart(10),
      ms(l.p95),
      `${ratio.toFixed(2)}×`.padStart(7),
      ratio <= 2 ? '  yes' : '  NO',
    );
  }
  console.log(`\n${small.reads.length - over} of ${small.reads.length} reads within 2× of the small store (ms; ratio of p50s).`);
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
