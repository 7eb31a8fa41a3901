import { cacheTags } from '../../cache-tags';

/**
 * The cache tags a product change touches: every listing, the product's page under its old and
 * new slug, and each collection it was or is in. The caller expires them (updateTag in a server action).
 */
export function tagsForProductChange(change: { slugs: string[]; collectionSlugs: string[] }): string[] {
  return [
    cacheTags.products,
    cacheTags.collections,
    ...new Set(change.slugs.map(cacheTags.product)),
    ...new Set(change.collectionSlugs.map(cacheTags.collection)),
  ];
}
