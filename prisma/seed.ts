/**
 * Loads the demo data from content/ into the database DATABASE_URL names.
 *   npm run db:seed            only when the store has no products yet
 *   npm run db:seed -- --force  upsert again (resets demo stock and prices to the files)
 */
import { z } from 'zod';
import { createDb } from '../lib/db';
import { seedCatalog } from '../lib/catalog/seed-catalog';
import { ContentError } from '../lib/content-error';
import { seedArticles } from '../lib/blog/seed-articles';

const args = z.array(z.enum(['--force'], { error: 'The only option is --force' })).parse(process.argv.slice(2));
const handle = createDb();
try {
  const result = await seedCatalog(handle.prisma, { force: args.includes('--force') });
  console.log(result.skipped ? 'catalog already has products: left as it is' : `loaded ${result.products} products, ${result.variants} variants`);
  const articles = await seedArticles(handle.prisma);
  console.log(`articles: ${articles.articles} loaded or up to date`);
} catch (err) {
  if (err instanceof ContentError) {
    console.error(`Demo data not loaded: ${err.message}`);
    process.exitCode = 1;
  } else throw err;
} finally {
  await handle.close();
}
