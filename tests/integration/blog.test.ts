import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { loadArticles, readArticleContent } from '@/lib/blog/content';
import { feedArticles, getArticle, listArticles, listSeries, listTags } from '@/lib/blog/queries';
import { ARTICLES_CONTENT_DIR, seedArticles } from '@/lib/blog/seed-articles';
import { ContentError } from '@/lib/content-error';
import { describeEachDatabase } from '../support/databases';

async function copyArticles(): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'articles-'));
  await fs.cp(ARTICLES_CONTENT_DIR, dir, { recursive: true });
  return dir;
}

const SERIES = [
  'protocol-of-mutual-assistance-1934',
  'protocol-turns-into-an-invitation',
  'council-of-ministers-request',
  'seventeenth-army-crosses-the-border',
  'marshal-demid-1900-1937',
];

describeEachDatabase('history blog', (ctx) => {
  beforeAll(async () => {
    await seedArticles(ctx.db);
  });
  const now = new Date('2026-11-26T12:00:00Z');

  it('loads the series in order, and loading again changes nothing', async () => {
    const before = await ctx.db.article.findMany({ select: { slug: true, updatedAt: true, body: true }, orderBy: { slug: 'asc' } });
    expect(before).toHaveLength(5);
    await seedArticles(ctx.db);
    expect(await ctx.db.article.findMany({ select: { slug: true, updatedAt: true, body: true }, orderBy: { slug: 'asc' } })).toEqual(before);
    const [series] = await listSeries(ctx.db, now);
    expect(series?.articles.map((a) => a.slug)).toEqual(SERIES);
  });

  it('an edited file updates its article, and a reordering loads', async () => {
    const dir = await copyArticles();
    const file = path.join(dir, 'council-of-ministers-request.md');
    await fs.writeFile(file, (await fs.readFile(file, 'utf8')).replace('title: "The Council of Ministers Asks', 'title: "The Council Asks'));
    // Swap parts 3 and 4.
    const army = path.join(dir, 'seventeenth-army-crosses-the-border.md');
    await fs.writeFile(file, (await fs.readFile(file, 'utf8')).replace('seriesPosition: 3', 'seriesPosition: 4'));
    await fs.writeFile(army, (await fs.readFile(army, 'utf8')).replace('seriesPosition: 4', 'seriesPosition: 3'));
    await loadArticles(ctx.db, await readArticleContent(dir));
    const row = await ctx.db.article.findUniqueOrThrow({ where: { slug: 'council-of-ministers-request' } });
    expect(row.title).toMatch(/^The Council Asks/);
    const [series] = await listSeries(ctx.db, now);
    expect(series?.articles.map((a) => a.slug).slice(2, 4)).toEqual(['seventeenth-army-crosses-the-border', 'council-of-ministers-request']);
    await seedArticles(ctx.db); // back to the files in the repository
  });

  it('rejects a bad file with its name and field', async () => {
    const dir = await copyArticles();
    const file = path.join(dir, 'marshal-demid-1900-1937.md');
    await fs.writeFile(file, (await fs.readFile(file, 'utf8')).replace('status: published', 'status: live'));
    const err = await readArticleContent(dir).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ContentError);
    expect((err as Error).message).toMatch(/marshal-demid-1900-1937\.md: status/);

    await fs.writeFile(file, (await fs.readFile(file, 'utf8')).replace('status: live', 'status: published').replace('seriesPosition: 5', 'seriesPosition: 2'));
    await expect(readArticleContent(dir)).rejects.toThrow(/seriesPosition 2 is already taken/);
  });

  it('lists only published articles; drafts and future scheduled ones are not found', async () => {
    const base = {
      subtitle: 'A subtitle here',
      excerpt: 'x'.repeat(50),
      body: 'word '.repeat(300),
      coverPath: '/c.webp',
      coverAlt: 'a cover',
      author: 'Editors',
      tags: ['history'],
    };
    await ctx.db.article.create({ data: { ...base, slug: 'a-draft', title: 'A draft', status: 'draft' } });
    await ctx.db.article.create({
      data: { ...base, slug: 'coming-soon', title: 'Coming soon', status: 'scheduled', publishedAt: new Date('2026-12-01T08:00:00Z') },
    });
    const visible = await listArticles(ctx.db, { tag: null, page: 1, pageSize: 50 }, now);
    expect(visible.articles.map((a) => a.slug).sort()).toEqual([...SERIES].sort());
    expect(await getArticle(ctx.db, 'a-draft', now)).toBeNull();
    expect(await getArticle(ctx.db, 'coming-soon', now)).toBeNull();
    expect((await feedArticles(ctx.db, now)).map((a) => a.slug)).not.toContain('coming-soon');

    // Once its time has passed, the scheduled article is published without anyone touching it.
    const later = new Date('2026-12-01T08:00:01Z');
    expect((await getArticle(ctx.db, 'coming-soon', later))?.title).toBe('Coming soon');
    expect((await listArticles(ctx.db, { tag: null, page: 1, pageSize: 50 }, later)).articles[0]?.slug).toBe('coming-soon');
    expect(await getArticle(ctx.db, 'a-draft', later)).toBeNull();
  });

  it('shows no article before its publishedAt, whatever its status, and never a draft', async () => {
    const base = {
      subtitle: 'A subtitle here',
      excerpt: 'x'.repeat(50),
      body: 'word '.repeat(300),
      coverPath: '/c.webp',
      coverAlt: 'a cover',
      author: 'Editors',
      tags: ['visibility-test'],
    };
    // A draft dated in the past is still a draft.
    await ctx.db.article.create({ data: { ...base, slug: 'old-draft', title: 'Old draft', status: 'draft', publishedAt: new Date('2026-01-01T00:00:00Z') } });
    // Published, but dated tomorrow: the rule is publishedAt, so it waits like a scheduled one.
    const tomorrow = new Date('2026-11-27T12:00:00Z');
    await ctx.db.article.create({ data: { ...base, slug: 'published-tomorrow', title: 'Published tomorrow', status: 'published', publishedAt: tomorrow } });
    const slugs = async (at: Date) => (await listArticles(ctx.db, { tag: null, page: 1, pageSize: 50 }, at)).articles.map((a) => a.slug);
    const tags = async (at: Date) => (await listTags(ctx.db, at)).map((t) => t.tag);
    const feed = async (at: Date) => (await feedArticles(ctx.db, at)).map((a) => a.slug);

    for (const slug of ['old-draft', 'published-tomorrow']) {
      expect(await getArticle(ctx.db, slug, now), slug).toBeNull();
      expect(await slugs(now)).not.toContain(slug);
      expect(await feed(now)).not.toContain(slug);
    }
    expect(await tags(now)).not.toContain('visibility-test');

    // At its publishedAt exactly, the published article appears; the draft never does.
    expect((await getArticle(ctx.db, 'published-tomorrow', tomorrow))?.title).toBe('Published tomorrow');
    expect(await slugs(tomorrow)).toContain('published-tomorrow');
    expect(await feed(tomorrow)).toContain('published-tomorrow');
    expect(await tags(tomorrow)).toContain('visibility-test');
    expect(await getArticle(ctx.db, 'old-draft', tomorrow)).toBeNull();
    expect(await slugs(tomorrow)).not.toContain('old-draft');
    expect(await feed(tomorrow)).not.toContain('old-draft');
    await ctx.db.article.deleteMany({ where: { slug: { in: ['old-draft', 'published-tomorrow'] } } });
  });

  it('filters by tag, paginates, and counts tags', async () => {
    const army = await listArticles(ctx.db, { tag: 'red-army', page: 1, pageSize: 10 }, now);
    expect(army.articles.map((a) => a.slug).sort()).toEqual(['protocol-turns-into-an-invitation', 'seventeenth-army-crosses-the-border']);
    const page2 = await listArticles(ctx.db, { tag: null, page: 2, pageSize: 2 }, now);
    expect(page2.pageCount).toBe(3);
    expect(page2.articles).toHaveLength(2);
    expect((await listTags(ctx.db, now))[0]).toEqual({ tag: 'choibalsan', count: 5 });
  });

  it('articles carry reading time and a revision date only when revised', async () => {
    const demid = await getArticle(ctx.db, 'marshal-demid-1900-1937', now);
    expect(demid?.readingMinutes).toBeGreaterThanOrEqual(3);
    expect(demid).toMatchObject({ revised: true, updatedAt: '2026-10-06T08:00:00.000Z' });
    const first = await getArticle(ctx.db, SERIES[0]!, now);
    expect(first).toMatchObject({ revised: false, updatedAt: first?.publishedAt });
  });
});
