/**
 * Times the staff CSV import of a large catalog (issue 13: 10,000 products, all or nothing, well
 * under a minute). The large catalog (lib/catalog/large-catalog.ts) is loaded into one database and
 * exported in the shop's CSV format; a second database with only the demo catalog then imports that
 * file: a dry run, the import (the ~10,000 new products in one transaction), and the same file again
 * (nothing to change), then the file with every price raised by 5 % (every product changed). The
 * staff page's limits apply (MAX_CSV_ROWS, MAX_CSV_BYTES: a 10,000-product file fits); with
 * BENCH_CATALOG_PRODUCTS above them the script passes its own, and says so.
 *
 * Embedded PGlite (in memory) by default; BENCH_DATABASE_URL=postgresql://…?schema=bench_csv uses
 * two fresh schemas on that server.
 */
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { z } from 'zod';
import { exportCatalogCsv } from '../lib/catalog/admin/csv-export';
import { importCatalogCsv } from '../lib/catalog/admin/csv-import';
import { MAX_CSV_BYTES, MAX_CSV_ROWS } from '../lib/catalog/admin/csv-read';
import { loadCatalog, readCatalogContent } from '../lib/catalog/content';
import { largeCatalog } from '../lib/catalog/large-catalog';
import { formatMajorUnits, parseMajorUnits } from '../lib/money';
import { CATALOG_CONTENT_DIR } from '../lib/catalog/seed-catalog';
import type { StaffActor } from '../lib/auth/permissions';
import { createDb, type Db } from '../lib/db';
import { applyMigrations } from '../lib/db/migrator';
import { freshTarget } from './bench-catalog';

const options = z.object({
  BENCH_CATALOG_PRODUCTS: z.coerce.number().int().min(100).max(100_000).default(10_017),
  BENCH_DATABASE_URL: z.string().optional(),
});

async function manager(db: Db): Promise<StaffActor> {
  const u = await db.staffUser.create({ data: { email: `bench-${Date.now()}@example.com`, name: 'Bench', role: 'manager' } });
  return { id: u.id, email: u.email, name: u.name, role: 'manager' };
}

async function timed<T>(work: () => Promise<T>): Promise<[T, string]> {
  const t = performance.now();
  const out = await work();
  return [out, `${((performance.now() - t) / 1000).toFixed(1)} s`];
}

/** The file with every Variant Price raised by 5 %, rounded to the cent (the compare-at price raised alike, so it stays above). */
function raisePrices(text: string): string {
  const [header, ...records] = parse(text, { bom: true, relax_column_count: true }) as string[][];
  // In cents, integers only: 5 % more, rounded half up.
  const raise = (cell: string) => {
    const cents = parseMajorUnits(cell);
    return cents === null ? cell : formatMajorUnits(Math.floor((cents * 105 + 50) / 100));
  };
  const at = ['Variant Price', 'Variant Compare At Price'].map((c) => header!.indexOf(c));
  return stringify([header!, ...records.map((r) => r.map((cell, i) => (at.includes(i) ? raise(cell) : cell)))]);
}

const opts = options.parse(process.env);
const engine = opts.BENCH_DATABASE_URL ? 'PostgreSQL' : 'embedded PGlite';
const demo = await readCatalogContent(CATALOG_CONTENT_DIR);

const source = createDb(await freshTarget(opts.BENCH_DATABASE_URL, 'csv_source'));
let file: string;
try {
  await applyMigrations(source.factory);
  await loadCatalog(source.prisma, largeCatalog(demo, { products: opts.BENCH_CATALOG_PRODUCTS }));
  file = await exportCatalogCsv(source.prisma, await manager(source.prisma), 'https://shop.example');
} finally {
  await source.close();
}
const rows = (parse(file, { bom: true, relax_column_count: true, skip_empty_lines: true }) as unknown[]).length - 1;
const bytes = Buffer.byteLength(file, 'utf8');
console.log(`CSV import of ${opts.BENCH_CATALOG_PRODUCTS.toLocaleString('en')} products on ${engine}`);
console.log(
  `file: ${rows.toLocaleString('en')} rows, ${(bytes / 1024 / 1024).toFixed(1)} MB (the staff page accepts ${MAX_CSV_ROWS.toLocaleString('en')} rows, ${MAX_CSV_BYTES / 1024 / 1024} MB)`,
);

const target = createDb(await freshTarget(opts.BENCH_DATABASE_URL, 'csv_target'));
try {
  await applyMigrations(target.factory);
  await loadCatalog(target.prisma, demo);
  const actor = await manager(target.prisma);
  const fits = rows <= MAX_CSV_ROWS && bytes <= MAX_CSV_BYTES;
  if (!fits) console.log('  (above the staff page limits: the script passes its own)');
  const limits = fits ? undefined : { rows: rows + 10, bytes: bytes + 1 };
  const run = (dryRun: boolean, text = file) => importCatalogCsv(target.prisma, actor, text, { currency: 'USD', dryRun, ...(limits ? { limits } : {}) });
  const [dry, dryTime] = await timed(() => run(true));
  console.log(`dry run: ${dry.created.length} to create, ${dry.unchanged} unchanged, ${dry.problems.length} problems (${dryTime})`);
  const [real, realTime] = await timed(() => run(false));
  if (!real.applied) throw new Error(`import refused: ${JSON.stringify(real.problems.slice(0, 3))}`);
  console.log(`import: ${real.created.length} created, ${real.unchanged} unchanged, one transaction (${realTime})`);
  console.log(`  products ${await target.prisma.product.count()}, variants ${await target.prisma.variant.count()}`);
  const [again, againTime] = await timed(() => run(false));
  console.log(`same file again: ${again.created.length} created, ${again.updated.length} updated, ${again.unchanged} unchanged (${againTime})`);
  const raised = raisePrices(file);
  const [up, upTime] = await timed(() => run(false, raised));
  if (!up.applied) throw new Error(`price change refused: ${JSON.stringify(up.problems.slice(0, 3))}`);
  console.log(`every price +5 %: ${up.updated.length} updated, ${up.unchanged} unchanged, one transaction (${upTime})`);
} finally {
  await target.close();
}
process.exit(0);
