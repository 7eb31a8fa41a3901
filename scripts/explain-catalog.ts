/**
 * `npm run bench:catalog:explain -- <postgresql://…?schema=…>`: the SQL each catalog read sends
 * (caught at the driver adapter) and PostgreSQL's `EXPLAIN (ANALYZE, BUFFERS)` of it, as Markdown,
 * for a database already loaded (e.g. the schema `npm run bench:catalog` leaves: bench_catalog_large).
 * What docs/perf/catalog-explain.md was made with.
 */
import pg from 'pg';
import { z } from 'zod';
import { PrismaClient } from '../lib/generated/prisma/client';
import { openAdapter } from '../lib/db/adapter';
import { parseDatabaseUrl } from '../lib/db/connection';
import { CATALOG_READS } from './bench-catalog';

const url = z
  .string({ error: 'Give the database: npm run bench:catalog:explain -- postgresql://…?schema=bench_catalog_large' })
  .regex(/^postgres(ql)?:\/\//, 'The database must be a PostgreSQL URL (EXPLAIN ANALYZE is read from the server)')
  .parse(process.argv[2]);
const target = parseDatabaseUrl(url);
if (target.kind !== 'postgres') throw new Error('PostgreSQL only');

type Query = { sql: string; args: unknown[] };
const caught: Query[] = [];
const opened = openAdapter(target);
// Every statement Prisma sends goes through the adapter: keep a copy of each.
const spy = <T extends object>(obj: T): T =>
  new Proxy(obj, {
    get(o, key, receiver) {
      const value = Reflect.get(o, key, receiver) as unknown;
      if (key === 'queryRaw' || key === 'executeRaw')
        return (q: Query) => {
          caught.push({ sql: q.sql, args: q.args });
          return (value as (q: Query) => unknown).call(o, q);
        };
      if (key === 'startTransaction') return async (...a: unknown[]) => spy((await (value as (...a: unknown[]) => Promise<object>).apply(o, a)) as object);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(o) : value;
    },
  });
const factory = spy(opened.factory);
const connect = factory.connect.bind(factory);
Object.assign(factory, { connect: async () => spy(await connect()) });
const prisma = new PrismaClient({ adapter: factory });

const client = new pg.Client({ connectionString: target.url, options: target.schema ? `-c search_path="${target.schema}"` : undefined });
await client.connect();
const out: string[] = [
  `Catalog reads on ${(await client.query('SELECT count(*) FROM "Product"')).rows[0].count} products (schema ${target.schema ?? 'public'})\n`,
];
for (const read of CATALOG_READS) {
  await read.run(prisma); // warm
  caught.length = 0;
  await read.run(prisma);
  out.push(`### ${read.name}\n`);
  for (const q of caught.filter((q) => /^\s*(SELECT|WITH)/i.test(q.sql))) {
    const plan = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${q.sql}`, q.args as unknown[]);
    out.push('```sql', q.sql.replace(/\s+/g, ' ').trim(), '```', '```', ...plan.rows.map((r) => r['QUERY PLAN'] as string), '```\n');
  }
}
console.log(out.join('\n'));
await client.end();
await prisma.$disconnect();
