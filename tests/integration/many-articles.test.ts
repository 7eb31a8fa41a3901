import { expect, it } from 'vitest';
import { articleCoverPath, loadArticles, readArticleContent } from '@/lib/blog/content';
import { manyArticles } from '@/lib/blog/many-articles';
import { ARTICLES_CONTENT_DIR } from '@/lib/blog/seed-articles';
import { describeEachDatabase } from '../support/databases';

const ARTICLES = 500;

describeEachDatabase(`a magazine of ${ARTICLES} articles`, (ctx) => {
  it('loads in one go beside the demo articles, and loading again leaves every article as it was', async () => {
    const demo = await readArticleContent(ARTICLES_CONTENT_DIR);
    await loadArticles(ctx.db, demo);
    const demoRows = await ctx.db.article.findMany({ orderBy: { slug: 'asc' } });
    const content = manyArticles(demo, { articles: ARTICLES });
    expect(await loadArticles(ctx.db, content)).toEqual({ articles: ARTICLES });
    expect(await ctx.db.article.count()).toBe(ARTICLES);
    // The demo's own articles, their series places included, are as the first load left them.
    expect(await ctx.db.article.findMany({ where: { slug: { in: demoRows.map((r) => r.slug) } }, orderBy: { slug: 'asc' } })).toEqual(demoRows);

    const copy = content.articles[ARTICLES - 1]!;
    const row = await ctx.db.article.findUniqueOrThrow({ where: { slug: copy.slug } });
    expect(row).toMatchObject({
      title: copy.frontMatter.title,
      body: copy.body,
      coverPath: articleCoverPath(copy.slug),
      tags: copy.frontMatter.tags,
      status: copy.frontMatter.status,
      publishedAt: copy.frontMatter.publishedAt ?? null,
      seriesId: null,
      seriesPosition: null,
      editedAt: null,
    });

    // Every article as it was, updatedAt included (the series row is upserted on every load, as before).
    const before = await ctx.db.article.findMany({ orderBy: { slug: 'asc' } });
    await loadArticles(ctx.db, content);
    expect(await ctx.db.article.findMany({ orderBy: { slug: 'asc' } })).toEqual(before);
  });
});
