/** Brings the database up to date: applies migrations, then loads demo data if the store is empty. */
import { createDb } from '../lib/db';
import { applyMigrations } from '../lib/db/migrator';
import { seedCatalog } from '../lib/catalog/seed-catalog';
import { seedArticles } from '../lib/blog/seed-articles';

async function articleSnapshotChanged(db: ReturnType<typeof createDb>['prisma'], load: () => Promise<unknown>): Promise<boolean> {
  const snapshot = async () => JSON.stringify(await db.article.findMany({ select: { slug: true, updatedAt: true }, orderBy: { slug: 'asc' } }));
  const before = await snapshot();
  await load();
  return (await snapshot()) !== before;
}

/** Returns whether anything changed, in which case pages cached from an earlier database are stale. */
export async function prepareDatabase(log = console.log): Promise<{ changed: boolean }> {
  const handle = createDb();
  try {
    const applied = await applyMigrations(handle.factory);
    if (applied.length) log(`migrations applied: ${applied.join(', ')}`);
    const seeded = await seedCatalog(handle.prisma);
    if (!seeded.skipped) log(`demo catalog loaded: ${seeded.products} products`);
    // Articles are editorial content kept in git: load them on every start (unchanged files change nothing).
    const changedArticles = await articleSnapshotChanged(handle.prisma, () => seedArticles(handle.prisma));
    if (changedArticles) log('articles updated from content/articles');
    return { changed: applied.length > 0 || !seeded.skipped || changedArticles };
  } finally {
    await handle.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await prepareDatabase();
