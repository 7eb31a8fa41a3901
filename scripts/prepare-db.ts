/** Brings the database up to date: applies migrations, then loads demo data if the store is empty. */
import { createDb } from '../lib/db';
import { applyMigrations } from '../lib/db/migrator';
import { seedCatalog } from '../lib/catalog/seed-catalog';

/** Returns whether anything changed, in which case pages cached from an earlier database are stale. */
export async function prepareDatabase(log = console.log): Promise<{ changed: boolean }> {
  const handle = createDb();
  try {
    const applied = await applyMigrations(handle.factory);
    if (applied.length) log(`migrations applied: ${applied.join(', ')}`);
    const seeded = await seedCatalog(handle.prisma);
    if (!seeded.skipped) log(`demo catalog loaded: ${seeded.products} products`);
    return { changed: applied.length > 0 || !seeded.skipped };
  } finally {
    await handle.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await prepareDatabase();
