import type { ArticleContent } from './content';

type ArticleSource = { series: { slug: string; title: string; description: string }[]; articles: ArticleContent[] };

/**
 * A grown magazine, made from the demo one: the articles of content/articles copied until there are
 * `articles` of them (the originals first and unchanged), each copy with its own slug ("…-copy-7")
 * and title, published a day earlier per copy, outside any series (a series' positions are its own
 * articles'). The same input gives the same articles. Built in memory for the loader and the
 * benchmarks: nothing is written under content/.
 */
export function manyArticles(base: ArticleSource, opts: { articles: number }): ArticleSource {
  if (!Number.isInteger(opts.articles) || opts.articles < 0) throw new RangeError(`articles must be a whole number, not ${opts.articles}`);
  if (base.articles.length === 0) throw new RangeError('there are no articles to copy');
  const out: ArticleContent[] = base.articles.slice(0, opts.articles);
  for (let i = out.length; i < opts.articles; i++) {
    const copy = Math.floor(i / base.articles.length);
    const a = base.articles[i % base.articles.length]!;
    const day = 24 * 60 * 60 * 1000;
    const publishedAt = a.frontMatter.publishedAt ? new Date(a.frontMatter.publishedAt.getTime() - copy * day) : undefined;
    const rest = { ...a.frontMatter };
    delete rest.series;
    delete rest.seriesPosition;
    out.push({
      slug: `${a.slug}-copy-${copy}`,
      frontMatter: {
        ...rest,
        title: `${a.frontMatter.title} (${copy})`.slice(0, 140),
        publishedAt,
        revisedAt: a.frontMatter.revisedAt && publishedAt && a.frontMatter.revisedAt < publishedAt ? undefined : a.frontMatter.revisedAt,
      },
      body: a.body,
    });
  }
  return { series: base.series, articles: out };
}
