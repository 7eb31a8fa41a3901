/** Slugs are lower-case words joined by hyphens, as the content files and staff forms require. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const MAX_SLUG_LENGTH = 120;

/** Whether a string can be a slug at all: anything else (NUL bytes, say) is answered 404 without a query. */
export function isSlug(s: string): boolean {
  return s.length <= MAX_SLUG_LENGTH && SLUG_PATTERN.test(s);
}
