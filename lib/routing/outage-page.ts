/**
 * A page request while this server's database is out of reach (lib/outage-watch.ts says so).
 *
 * Next answers a page whose render fails with status 500, and has no way to let a page choose 503.
 * During an outage, proxy.ts therefore renders the page once more through this same server (with a
 * header that sends the inner request the ordinary way) and looks at the answer:
 * - a page Next still has in its cache (or one that needs no database) goes to the shopper unchanged;
 * - a page that could not be rendered becomes the shop's "back in a moment" page (deploy/back-soon.html,
 *   the same page nginx sends) with 503 and Retry-After, so a browser, a crawler and a monitor all read
 *   "unavailable for now", never a bare 500.
 * Only while the database looks down does a page take this path; otherwise nothing changes.
 */
export const OUTAGE_PASS_HEADER = 'x-steppe-outage-pass';
export const RETRY_AFTER_SECONDS = '30';

/** A browser asking for a whole page: not React's payload for a client navigation or prefetch, not a form post, not the inner request itself. */
export function isPageNavigation(method: string, headers: Headers): boolean {
  return (
    (method === 'GET' || method === 'HEAD') &&
    !headers.has('rsc') &&
    !headers.has('next-router-prefetch') &&
    !headers.has('next-action') &&
    !headers.has(OUTAGE_PASS_HEADER)
  );
}

export function backSoonResponse(method: string, html: string): Response {
  return new Response(method === 'HEAD' ? null : html, {
    status: 503,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'retry-after': RETRY_AFTER_SECONDS,
      'cache-control': 'no-store',
      'x-robots-tag': 'noindex',
    },
  });
}

/**
 * Renders `request` again at `origin` (this server) and passes the answer on, or the back-soon page
 * when the answer is a server error or none came within `timeoutMs`.
 */
export async function renderedOrBackSoon(
  request: Request,
  origin: string,
  backSoonHtml: () => string,
  { fetchImpl = fetch, timeoutMs = 15_000 }: { fetchImpl?: typeof fetch; timeoutMs?: number } = {},
): Promise<Response> {
  const url = new URL(request.url);
  const headers = new Headers(request.headers);
  headers.set(OUTAGE_PASS_HEADER, '1');
  // The body is passed on as it comes: a compressed one would be decoded by fetch and labelled wrongly.
  headers.set('accept-encoding', 'identity');
  headers.delete('host');
  headers.delete('content-length');
  let inner: Response;
  try {
    inner = await fetchImpl(new URL(`${url.pathname}${url.search}`, origin), {
      method: request.method,
      headers,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch {
    return backSoonResponse(request.method, backSoonHtml());
  }
  if (inner.status >= 500) {
    await inner.body?.cancel();
    return backSoonResponse(request.method, backSoonHtml());
  }
  const out = new Headers(inner.headers);
  for (const name of ['content-encoding', 'content-length', 'transfer-encoding', 'connection', 'keep-alive']) out.delete(name);
  // A HEAD request's answer has no body to pass on.
  return new Response(inner.body, { status: inner.status, statusText: inner.statusText, headers: out });
}
