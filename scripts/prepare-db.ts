/** Brings the database up to date: applies migrations, then loads demo data if the store is empty. */
import { createDb } from '../lib/db';
import { applyMigrations } from '../lib/db/migrator';
import { seedCatalog } from '../lib/catalog/seed-catalog';

export async function prepareDatabase(log = console.log): Promise<void> {
  const handle = createDb();
  try {
    const applied = await applyMigrations(handle.factory);
    if (applied.length) log(`migrations applied: ${applied.join(', ')}`);
    const seeded = await seedCatalog(handle.prisma);
    if (!seeded.skipped) log(`demo catalog loaded: ${seeded.products} products`);
  } finally {
    await handle.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await prepareDatabase();
