import { z } from 'zod';
import type { RawSearchParams } from '../catalog/filters';

/** Articles per page of the journal's index. */
export const BLOG_PAGE_SIZE = 10;

/** The blog index's URL state (?tag=&page=), parsed forgivingly like the catalog's. */
export interface BlogQuery {
  tag: string | null;
  page: number;
}

const tagSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9-]{2,30}$/);

export function parseBlogQuery(params: RawSearchParams): BlogQuery {
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const tag = tagSchema.safeParse(first(params.tag) ?? '');
  const page = Number.parseInt(first(params.page) ?? '1', 10);
  return { tag: tag.success ? tag.data : null, page: Number.isFinite(page) ? Math.min(Math.max(page, 1), 200) : 1 };
}

export function blogSearchParams(q: BlogQuery): URLSearchParams {
  const sp = new URLSearchParams();
  if (q.tag) sp.set('tag', q.tag);
  if (q.page > 1) sp.set('page', String(q.page));
  return sp;
}

/** The cached page's path segment for a query (see proxy.ts); "_" is the plain index. */
export function blogPathKey(q: BlogQuery): string {
  return encodeURIComponent(blogSearchParams(q).toString() || '_');
}

export function parseBlogPathKey(key: string): BlogQuery {
  let decoded = '';
  try {
    decoded = decodeURIComponent(key);
  } catch {
    /* junk: the plain index */
  }
  const sp = new URLSearchParams(decoded === '_' ? '' : decoded);
  return parseBlogQuery({ tag: sp.get('tag') ?? undefined, page: sp.get('page') ?? undefined });
}
