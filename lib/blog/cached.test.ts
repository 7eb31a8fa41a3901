import { beforeEach, describe, expect, it, vi } from 'vitest';
import { cacheTags, CATALOG_REVALIDATE_SECONDS } from '../cache-tags';

/** The journal's cached reads: every argument in the key, the manifest's tags on every entry. */
const entries: { key: string[]; tags: string[]; revalidate: number | false | undefined }[] = [];
vi.mock('next/cache', () => ({
  unstable_cache: (fn: (...a: unknown[]) => unknown, key: string[], opts: { tags: string[]; revalidate?: number | false }) => {
    entries.push({ key, tags: opts.tags, revalidate: opts.revalidate });
    return (...a: unknown[]) => fn(...a);
  },
}));
const fakeDb = { fake: 'db' };
vi.mock('../db', () => ({ db: () => fakeDb }));
vi.mock('./queries', () => ({
  listArticles: vi.fn(async () => 'list'),
  listSeries: vi.fn(async () => 'series'),
  listTags: vi.fn(async () => 'tags'),
  getArticle: vi.fn(async (_db: unknown, slug: string) => (slug === 'missing' ? null : { slug, body: '# Hello' })),
  feedArticles: vi.fn(async () => [{ slug: 'a', body: 'Some *text*' }]),
}));

const q = await import('./queries');
const cached = await import('./cached');
const last = () => entries.at(-1)!;

beforeEach(() => {
  entries.length = 0;
});

describe('cached journal reads', () => {
  it('a list page is keyed by its tag and page, read "now", and tagged as a listing', async () => {
    expect(await cached.getArticleList('history', 2)).toBe('list');
    expect(q.listArticles).toHaveBeenCalledWith(fakeDb, { tag: 'history', page: 2, pageSize: cached.BLOG_PAGE_SIZE }, expect.any(Date));
    expect(last().key).toEqual(['blog-list', 'history', '2']);
    expect(last().tags).toEqual([cacheTags.articles]);
    expect(last().revalidate).toBe(CATALOG_REVALIDATE_SECONDS);
    await cached.getArticleList(null, 1);
    expect(last().key).toEqual(['blog-list', '', '1']);
  });

  it('an article is keyed and tagged by its slug and comes with its body rendered', async () => {
    const got = await cached.getRenderedArticle('the-1934-census');
    expect(got?.article.slug).toBe('the-1934-census');
    expect(got?.rendered.html).toMatch(/<h1 id="user-content-hello">Hello/);
    expect(last().key).toEqual(['blog-article', 'the-1934-census']);
    expect(last().tags).toEqual([cacheTags.articles, cacheTags.article('the-1934-census')]);
    expect(await cached.getRenderedArticle('missing')).toBeNull();
  });

  it('the feed carries each article’s rendered HTML', async () => {
    const feed = await cached.getFeedArticles();
    expect(feed).toHaveLength(1);
    expect(feed[0]!.html).toContain('<em>text</em>');
    expect(await cached.getSeriesList()).toBe('series');
    expect(await cached.getTags()).toBe('tags');
    expect(q.listTags).toHaveBeenCalledWith(fakeDb, expect.any(Date));
  });
});
