import { describe, expect, it } from 'vitest';
import type { ArticleContent } from './content';
import { manyArticles } from './many-articles';

const article = (slug: string, series?: string): ArticleContent => ({
  slug,
  frontMatter: {
    title: `Title of ${slug}`,
    subtitle: 'A subtitle',
    excerpt: 'x'.repeat(40),
    author: 'Editor',
    tags: [],
    status: 'published',
    publishedAt: new Date('2026-03-12T08:00:00Z'),
    cover: { alt: 'A cover' },
    ...(series ? { series, seriesPosition: 1 } : {}),
  },
  body: 'Body\n',
});

describe('manyArticles', () => {
  const base = { series: [{ slug: 's', title: 'Series', description: 'A series of things' }], articles: [article('a', 's'), article('b')] };

  it('keeps the originals first and gives every copy its own slug, outside any series', () => {
    const out = manyArticles(base, { articles: 7 }).articles;
    expect(out.map((a) => a.slug)).toEqual(['a', 'b', 'a-copy-1', 'b-copy-1', 'a-copy-2', 'b-copy-2', 'a-copy-3']);
    expect(out[0]).toBe(base.articles[0]);
    expect(new Set(out.map((a) => a.slug)).size).toBe(7);
    expect(out[2]!.frontMatter.series).toBeUndefined();
    expect(out[2]!.frontMatter.seriesPosition).toBeUndefined();
    expect(out[4]!.frontMatter.publishedAt).toEqual(new Date('2026-03-10T08:00:00Z'));
  });

  it('is the same every time, and refuses a bad count', () => {
    expect(manyArticles(base, { articles: 30 })).toEqual(manyArticles(base, { articles: 30 }));
    expect(() => manyArticles(base, { articles: -1 })).toThrow(RangeError);
  });
});
