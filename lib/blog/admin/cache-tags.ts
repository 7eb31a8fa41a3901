import { cacheTags } from '../../cache-tags';

/**
 * The cache tags an article change touches: every journal listing (the index, series, tags, the
 * feed and the sitemap all carry `articles`) and the article's page under its old and new slug.
 * The caller expires them (updateTag in a server action).
 */
export function tagsForArticleChange(slugs: string[]): string[] {
  return [cacheTags.articles, ...new Set(slugs.map(cacheTags.article))];
}
