/** What the journal accepts as a tag (as content/articles front matter does): lower-case words joined by hyphens, 2–30 characters. */
export const ARTICLE_TAG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const MAX_ARTICLE_TAGS = 8;

/**
 * The tags typed as a comma-separated list ("Soviet troops, 1937 ,history") as the journal keeps
 * them: trimmed, lower-case, spaces and underscores made hyphens, accents dropped, repeats and blanks
 * removed, in the order typed. Whether each is acceptable is the schema's call (input.ts).
 */
export function parseTagList(typed: string): string[] {
  const tags = typed
    .split(',')
    .map((t) =>
      t
        .normalize('NFKD')
        .replace(/[\u0300-\u036f]/g, '')
        .trim()
        .toLowerCase()
        .replace(/[\s_]+/g, '-')
        .replace(/-+/g, '-')
        .replace(/^-|-$/g, ''),
    )
    .filter(Boolean);
  return [...new Set(tags)];
}
