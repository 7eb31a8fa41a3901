/** An article change refused for a reason a person can act on; `field` is the form field it belongs beside (e.g. seriesPosition). */
export type ArticleErrorKind =
  'not-found' | 'slug-taken' | 'position-taken' | 'unknown-series' | 'stale' | 'cover-missing' | 'alt-missing' | 'too-large' | 'not-image';

export class ArticleError extends Error {
  constructor(
    readonly kind: ArticleErrorKind,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'ArticleError';
  }
}
