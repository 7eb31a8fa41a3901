import { describe, expect, it } from 'vitest';
import { backSoonResponse, isPageNavigation, OUTAGE_PASS_HEADER, renderedOrBackSoon } from './outage-page';

const ORIGIN = 'http://localhost:3001';
const backSoon = () => '<h1>We’ll be back in a moment</h1>';

/** A fetch that records what it was asked and answers with `answer`. */
function fakeFetch(answer: () => Response | Promise<Response>) {
  const seen: { url: string; init: RequestInit }[] = [];
  const impl = (async (input: string | URL | Request, init?: RequestInit) => {
    seen.push({ url: String(input), init: init ?? {} });
    return answer();
  }) as typeof fetch;
  return { impl, seen };
}

const browser = (path: string, init: RequestInit = {}) =>
  new Request(`https://shop.example${path}`, {
    ...init,
    headers: { accept: 'text/html', 'accept-encoding': 'gzip, br', cookie: 'cart=abc', ...(init.headers as Record<string, string>) },
  });

describe('isPageNavigation', () => {
  it('is a browser asking for a page with GET or HEAD', () => {
    expect(isPageNavigation('GET', new Headers({ accept: 'text/html' }))).toBe(true);
    expect(isPageNavigation('HEAD', new Headers())).toBe(true);
  });

  it('is not a form post, a client navigation or prefetch (React payload), or the inner request itself', () => {
    expect(isPageNavigation('POST', new Headers())).toBe(false);
    expect(isPageNavigation('GET', new Headers({ rsc: '1' }))).toBe(false);
    expect(isPageNavigation('GET', new Headers({ 'next-router-prefetch': '1' }))).toBe(false);
    expect(isPageNavigation('GET', new Headers({ 'next-action': 'abc' }))).toBe(false);
    expect(isPageNavigation('GET', new Headers({ [OUTAGE_PASS_HEADER]: '1' }))).toBe(false);
  });
});

describe('backSoonResponse', () => {
  it('is the page with 503, Retry-After and never stored', async () => {
    const res = backSoonResponse('GET', backSoon());
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('30');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('x-robots-tag')).toBe('noindex');
    expect(await res.text()).toContain('We’ll be back in a moment');
  });

  it('has no body for HEAD', async () => {
    expect(await backSoonResponse('HEAD', backSoon()).text()).toBe('');
  });
});

describe('renderedOrBackSoon', () => {
  it('asks this server for the same path and query, marked as the inner request, uncompressed, with the shopper’s cookies', async () => {
    const f = fakeFetch(() => new Response('<p>page</p>', { status: 200 }));
    await renderedOrBackSoon(browser('/products?q=camel&page=2', { headers: { host: 'shop.example' } }), ORIGIN, backSoon, { fetchImpl: f.impl });
    expect(f.seen).toHaveLength(1);
    expect(f.seen[0]!.url).toBe('http://localhost:3001/products?q=camel&page=2');
    const headers = new Headers(f.seen[0]!.init.headers);
    expect(headers.get(OUTAGE_PASS_HEADER)).toBe('1');
    expect(headers.get('accept-encoding')).toBe('identity');
    expect(headers.get('cookie')).toBe('cart=abc');
    expect(headers.has('host')).toBe(false);
    expect(f.seen[0]!.init.method).toBe('GET');
    expect(f.seen[0]!.init.redirect).toBe('manual');
  });

  it('passes a page the server could still serve (a cached one) on unchanged: status, headers, every cookie, body', async () => {
    const headers = new Headers({ 'content-type': 'text/html', 'cache-control': 's-maxage=300', 'content-length': '11', 'x-nextjs-cache': 'HIT' });
    headers.append('set-cookie', 'a=1');
    headers.append('set-cookie', 'b=2');
    const f = fakeFetch(() => new Response('<p>page</p>', { status: 200, headers }));
    const res = await renderedOrBackSoon(browser('/products/khangai-cable-cardigan'), ORIGIN, backSoon, { fetchImpl: f.impl });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('<p>page</p>');
    expect(res.headers.get('x-nextjs-cache')).toBe('HIT');
    expect(res.headers.get('cache-control')).toBe('s-maxage=300');
    expect(res.headers.getSetCookie()).toEqual(['a=1', 'b=2']);
    expect(res.headers.has('content-length')).toBe(false);
  });

  it('passes redirects and not-found answers on as they are', async () => {
    const redirect = fakeFetch(() => new Response(null, { status: 308, headers: { location: '/products' } }));
    const moved = await renderedOrBackSoon(browser('/products/'), ORIGIN, backSoon, { fetchImpl: redirect.impl });
    expect(moved.status).toBe(308);
    expect(moved.headers.get('location')).toBe('/products');
    const missing = fakeFetch(() => new Response('not here', { status: 404 }));
    expect((await renderedOrBackSoon(browser('/products/nope'), ORIGIN, backSoon, { fetchImpl: missing.impl })).status).toBe(404);
  });

  it('turns a page that failed to render (any 5xx) into the back-soon page with 503', async () => {
    for (const status of [500, 502, 503]) {
      const f = fakeFetch(() => new Response('Internal Server Error', { status }));
      const res = await renderedOrBackSoon(browser('/products?q=camel'), ORIGIN, backSoon, { fetchImpl: f.impl });
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('30');
      expect(await res.text()).toContain('We’ll be back in a moment');
    }
  });

  it('answers with the back-soon page when the server gives no answer in time', async () => {
    const hangs = fakeFetch(() => new Promise<Response>(() => {}));
    const slow = (async (input: string | URL | Request, init?: RequestInit) => {
      void hangs.impl(input, init);
      return new Promise<Response>((_, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal!.reason)));
    }) as typeof fetch;
    const res = await renderedOrBackSoon(browser('/collections/felt-home'), ORIGIN, backSoon, { fetchImpl: slow, timeoutMs: 20 });
    expect(res.status).toBe(503);
  });

  it('keeps HEAD bodiless either way', async () => {
    const ok = fakeFetch(() => new Response(null, { status: 200 }));
    expect(await (await renderedOrBackSoon(browser('/products', { method: 'HEAD' }), ORIGIN, backSoon, { fetchImpl: ok.impl })).text()).toBe('');
    expect(ok.seen[0]!.init.method).toBe('HEAD');
    const failed = fakeFetch(() => new Response(null, { status: 500 }));
    const res = await renderedOrBackSoon(browser('/products', { method: 'HEAD' }), ORIGIN, backSoon, { fetchImpl: failed.impl });
    expect(res.status).toBe(503);
    expect(await res.text()).toBe('');
  });
});
