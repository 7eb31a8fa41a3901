import { NextResponse, type NextRequest } from 'next/server';
import { catalogPathKey, parseCatalogQuery, type RawSearchParams } from '@/lib/catalog/filters';
import { blogPathKey, parseBlogQuery } from '@/lib/blog/list-query';

/**
 * Catalog URLs keep their filters in the query string (shareable, back button works), but a page
 * that reads the query string renders on every request. This rewrites each one to a path with the
 * canonical query as a segment, which Next renders once and then serves from its cache.
 */
function toParams(url: URL): RawSearchParams {
  const params: RawSearchParams = {};
  for (const k of new Set(url.searchParams.keys())) params[k] = url.searchParams.getAll(k);
  return params;
}

export function proxy(request: NextRequest) {
  const url = request.nextUrl;
  const target = url.clone();
  target.search = '';
  if (url.pathname === '/blog') {
    target.pathname = `/blog/q/${blogPathKey(parseBlogQuery(toParams(url)))}`;
    return NextResponse.rewrite(target);
  }
  const query = parseCatalogQuery(toParams(url));
  if (url.pathname === '/products') {
    target.pathname = `/products/q/${catalogPathKey(query)}`;
    return NextResponse.rewrite(target);
  }
  const collection = /^\/collections\/([a-z0-9-]{1,60})$/.exec(url.pathname);
  if (collection) {
    target.pathname = `/collections/${collection[1]}/q/${catalogPathKey(query, true)}`;
    return NextResponse.rewrite(target);
  }
  return NextResponse.next();
}

export const config = {
  matcher: ['/products', '/collections/:slug', '/blog'],
};
