import { unstable_cache } from 'next/cache';
import { cacheTags, CATALOG_REVALIDATE_SECONDS } from '../cache-tags';
import { db } from '../db';
import { renderMarkdown } from './markdown';
import * as q from './queries';
import { BLOG_PAGE_SIZE } from './list-query';

/**
 * Cached blog reads for pages. "Now" is taken when the cache entry is filled; entries expire
 * after five minutes, so a scheduled article appears within five minutes of its time.
 */
const revalidate = CATALOG_REVALIDATE_SECONDS;
const opts = (...tags: string[]) => ({ tags: [cacheTags.articles, ...tags], revalidate });

export { BLOG_PAGE_SIZE };

export function getArticleList(tag: string | null, page: number) {
  return unstable_cache(() => q.listArticles(db(), { tag, page, pageSize: BLOG_PAGE_SIZE }, new Date()), ['blog-list', tag ?? '', String(page)], opts())();
}

export const getSeriesList = unstable_cache(() => q.listSeries(db(), new Date()), ['blog-series'], opts());
export const getTags = unstable_cache(() => q.listTags(db(), new Date()), ['blog-tags'], opts());

/** The article with its body rendered to sanitised HTML, headings for the contents list. */
export function getRenderedArticle(slug: string) {
  return unstable_cache(
    async () => {
      const article = await q.getArticle(db(), slug, new Date());
      if (!article) return null;
      return { article, rendered: await renderMarkdown(article.body) };
    },
    ['blog-article', slug],
    opts(cacheTags.article(slug)),
  )();
}

export const getFeedArticles = unstable_cache(
  async () => Promise.all((await q.feedArticles(db(), new Date())).map(async (a) => ({ ...a, html: (await renderMarkdown(a.body)).html }))),
  ['blog-feed'],
  opts(),
);
