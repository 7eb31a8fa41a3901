const long = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** "1 September 2026": articles are dated, not timed. */
export function formatArticleDate(iso: string): string {
  return long.format(new Date(iso));
}
