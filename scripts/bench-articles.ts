/**
 * Times the article loader on a magazine of BENCH_ARTICLES (default 1,000) articles made from
 * content/articles (lib/blog/many-articles.ts): the first load into an empty database, then the same
 * articles again (nothing to change). Embedded PGlite by default; BENCH_DATABASE_URL=postgresql://…?schema=bench_articles
 * uses a fresh schema on that server.
 */
import { z } from 'zod';
import { loadArticles, readArticleContent } from '../lib/blog/content';
import { manyArticles } from '../lib/blog/many-articles';
import { ARTICLES_CONTENT_DIR } from '../lib/blog/seed-articles';
import { createDb } from '../lib/db';
import { applyMigrations } from '../lib/db/migrator';
import { freshTarget } from './bench-catalog';

const opts = z
  .object({ BENCH_ARTICLES: z.coerce.number().int().min(1).max(100_000).default(1_000), BENCH_DATABASE_URL: z.string().optional() })
  .parse(process.env);
const content = manyArticles(await readArticleContent(ARTICLES_CONTENT_DIR), { articles: opts.BENCH_ARTICLES });
const handle = createDb(await freshTarget(opts.BENCH_DATABASE_URL, 'articles'));
try {
  await applyMigrations(handle.factory);
  for (const label of ['first load', 'same articles again']) {
    const t = performance.now();
    await loadArticles(handle.prisma, content);
    console.log(`${label}: ${content.articles.length} articles (${((performance.now() - t) / 1000).toFixed(2)} s)`);
  }
  console.log(`${await handle.prisma.article.count()} articles on ${opts.BENCH_DATABASE_URL ? 'PostgreSQL' : 'embedded PGlite'}`);
} finally {
  await handle.close();
}
process.exit(0);
