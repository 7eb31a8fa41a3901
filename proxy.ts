import { readFileSync } from 'node:fs';
import path from 'node:path';
import { NextResponse, type NextRequest } from 'next/server';
import { shopConfig } from '@/lib/config';
import { db } from '@/lib/db';
import { parseDatabaseUrl } from '@/lib/db/connection';
import { BLOG_PAGE_SIZE } from '@/lib/blog/list-query';
import { outageWatch } from '@/lib/outage-watch';
import { knownFrom } from '@/lib/routing/known';
import { isPageNavigation, renderedOrBackSoon } from '@/lib/routing/outage-page';
import { rewriteHostname } from '@/lib/routing/rewrite-host';
import { NOT_FOUND_PATH, planRequest, type Known } from '@/lib/routing/plan';

/**
 * Shopper URLs keep their filters in the query string (shareable, the back button works), but a
 * page that reads the query string renders on every request. lib/routing/plan.ts decides, before
 * anything renders, which cached or per-request route serves a URL, so the number of stored pages
 * is bounded by the catalog rather than by what visitors type.
 */
const known = knownFrom(db);
// Where Next resolves our rewrites: without it, a rewrite went back over HTTP to this server (lib/routing/rewrite-host.ts).
// Next start records its origin once it listens: looked up until found, then remembered.
let rewriteHost: string | null = null;
const hostnameForRewrites = () => (rewriteHost ??= rewriteHostname(process.argv, process.env));

// When the database cannot be asked, serve every URL from the per-request routes (nothing stored).
const degraded: Known = {
  product: async () => true,
  collection: async () => true,
  article: async () => true,
  colours: async () => new Set(),
  tags: async () => new Set(),
  activeProducts: async () => 0,
  visibleArticles: async () => Number.MAX_SAFE_INTEGER,
};

// This server's view of its database (a SELECT 1 at most once a second while requests come), and the
// page nginx also sends during an outage, read once: both for the outage path (lib/routing/outage-page.ts).
// An embedded database (PGlite) is never out of reach, only busy (one transaction at a time): no probe there.
const embedded = parseDatabaseUrl(process.env.DATABASE_URL).kind === 'pglite';
const outage = outageWatch(() => db().$queryRaw`SELECT 1`, {
  onChange: (down, error) =>
    down
      ? console.error(`[outage] the database does not answer (${error instanceof Error ? error.message : String(error)}): pages go through the outage path`)
      : console.warn('[outage] the database answers again'),
});
let backSoonPage: string | null = null;
const backSoonHtml = () =>
  (backSoonPage ??= (() => {
    try {
      return readFileSync(path.join(process.cwd(), 'deploy', 'back-soon.html'), 'utf8');
    } catch {
      return '<!doctype html><meta charset="utf-8"><title>Back in a moment</title><h1>We’ll be back in a moment</h1><p>The shop can’t reach its stock room just now. Please try again in a minute.</p>';
    }
  })());
// This server's own address for the outage path's inner request (next start records it once it listens).
const selfOrigin = (request: NextRequest) => process.env.__NEXT_PRIVATE_ORIGIN ?? request.nextUrl.origin;

const PAGE_METHODS = 'GET, HEAD';
// Pages whose forms post to a server action: without JavaScript the browser posts the form
// itself (no Next-Action header), so POST is allowed there.
const FORM_PAGES = new Set(['/checkout', '/orders/lookup', '/returns']);

/** The staff area: pages and their forms (server actions post to the page, with or without JavaScript), never stored anywhere. */
function adminRequest(request: NextRequest): NextResponse {
  const allowed = request.method === 'GET' || request.method === 'HEAD' || request.method === 'POST';
  const res = allowed
    ? NextResponse.next()
    : new NextResponse(request.method === 'OPTIONS' ? null : 'This address only answers GET, HEAD and POST requests.', {
        status: request.method === 'OPTIONS' ? 204 : 405,
        headers: { allow: 'GET, HEAD, POST', 'content-type': 'text/plain; charset=utf-8' },
      });
  res.headers.set('cache-control', 'private, no-store');
  res.headers.set('x-robots-tag', 'noindex, nofollow');
  return res;
}

/** A shopper's own order (the lookup, the order pages, the returns): per person, never stored, never indexed. */
function perShopper(res: NextResponse): NextResponse {
  res.headers.set('cache-control', 'private, no-store');
  res.headers.set('x-robots-tag', 'noindex, nofollow');
  return res;
}

const isPerShopper = (path: string) => path.startsWith('/orders/') || path === '/returns' || path.startsWith('/returns/');

export async function proxy(request: NextRequest) {
  // Next answers a page that fails to render with 500: while the database is out of reach, a page is
  // rendered through this server once more and a failure becomes the styled 503 page (nginx sends the same).
  if (!embedded && isPageNavigation(request.method, request.headers) && (await outage.looksDown())) {
    return renderedOrBackSoon(request, selfOrigin(request), backSoonHtml);
  }
  return route(request);
}

async function route(request: NextRequest) {
  const url = request.nextUrl;
  if (url.pathname === '/admin' || url.pathname.startsWith('/admin/')) return adminRequest(request);
  // Pages answer GET and HEAD; POST only as a server action (forms with action={…}).
  const isAction = request.method === 'POST' && (request.headers.has('next-action') || FORM_PAGES.has(url.pathname));
  if (request.method !== 'GET' && request.method !== 'HEAD' && !isAction) {
    return new NextResponse(request.method === 'OPTIONS' ? null : 'This address only answers GET and HEAD requests.', {
      status: request.method === 'OPTIONS' ? 204 : 405,
      headers: {
        allow: FORM_PAGES.has(url.pathname) ? `${PAGE_METHODS}, POST` : PAGE_METHODS,
        'content-type': 'text/plain; charset=utf-8',
        'cache-control': 'no-store',
      },
    });
  }
  const settings = { catalogPageSize: shopConfig().CATALOG_PAGE_SIZE, blogPageSize: BLOG_PAGE_SIZE };
  let plan;
  try {
    plan = await planRequest(url.pathname, url.searchParams, known, settings);
  } catch (err) {
    console.error('proxy: catalog lookup failed, serving uncached', err);
    plan = await planRequest(url.pathname, url.searchParams, degraded, { ...settings, catalogPageSize: Number.MAX_SAFE_INTEGER });
  }
  if (plan.kind === 'pass') return isPerShopper(url.pathname) ? perShopper(NextResponse.next()) : NextResponse.next();
  const target = url.clone();
  target.search = '';
  target.pathname = plan.kind === 'rewrite' ? plan.pathname : NOT_FOUND_PATH;
  const hostname = hostnameForRewrites();
  if (hostname) target.hostname = hostname;
  return NextResponse.rewrite(target);
}

export const config = {
  // The catalog, collections and journal (routing plan), the per-shopper pages (methods; /orders also by the plan), and the staff area.
  // Static pages (home, sitemap, robots) are left out: Next answers their wrong methods with 405
  // and Allow itself, and every request the proxy sees costs it time.
  matcher: [
    '/products/:path*',
    '/collections/:path*',
    '/blog/:path*',
    '/cart',
    '/checkout/:path*',
    '/orders/:path*',
    '/returns',
    '/returns/:path*',
    '/admin',
    '/admin/:path*',
  ],
};
