import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type APIRequestContext } from '@playwright/test';

/**
 * What a stranger can send: nothing gives a 5xx, wrong methods say what is allowed, and no amount
 * of junk addresses adds a page to the cache (the number of stored entries is bounded by the catalog).
 */
const PAGES = [
  '/',
  '/products',
  '/products/tuul-cashmere-scarf',
  '/collections/cashmere-knitwear',
  '/blog',
  '/blog/marshal-demid-1900-1937',
  '/cart',
  '/blog/feed.xml',
  '/sitemap.xml',
  '/robots.txt',
];
const API = ['/api/cart', '/api/cart/lines', '/api/cart/lines/cabcdefghijklmnopqrstuvwx', '/api/cart/shipping', '/api/health'];

const COOKIES = ['cart=%', 'cart=%E0%A4%A', `cart=${'A'.repeat(43)}`, 'cart=%01', `cart=${'x'.repeat(3000)}`, 'cart', '=;;=;cart=='];
const QUERIES = [
  'q=%00',
  'q=%01%02%1B',
  'q=%E0%A4%A',
  'q=%',
  'minPrice=21474836.48',
  'maxPrice=999999999999999999999',
  'page=99999999999999999999',
  'page=-1',
  'material=%00&colour=%00',
  'tag=%00',
  `q=${'a'.repeat(5000)}`,
];
const PATH_JUNK = ['/products/a%00b', '/blog/%00', '/collections/%00', '/products/%E0%A4%A', '/products/%', '/products/q/_%00', '/blog/q/%25'];

async function status(request: APIRequestContext, method: string, url: string, headers: Record<string, string> = {}) {
  const res = await request.fetch(url, { method, headers, maxRedirects: 0, failOnStatusCode: false });
  return res;
}

test('malformed cookies, control bytes, overlong numbers and broken encoding never give a 5xx', async ({ request }) => {
  test.setTimeout(120_000);
  const failures: string[] = [];
  const check = async (url: string, headers: Record<string, string> = {}) => {
    const res = await status(request, 'GET', url, headers);
    if (res.status() >= 500) failures.push(`${res.status()} GET ${url} ${JSON.stringify(headers)}`);
  };
  for (const url of [...PAGES, ...API]) {
    for (const cookie of COOKIES) await check(url, { cookie });
  }
  for (const base of ['/products', '/collections/cashmere-knitwear', '/blog', '/cart', '/api/cart']) {
    for (const q of QUERIES) await check(`${base}?${q}`);
  }
  for (const url of PATH_JUNK) await check(url);
  // Bodies that are not what the endpoint reads.
  for (const [method, url] of [
    ['POST', '/api/cart/lines'],
    ['PATCH', '/api/cart/lines/cabcdefghijklmnopqrstuvwx'],
    ['PUT', '/api/cart/shipping'],
  ] as const) {
    for (const [type, data] of [
      ['application/json', '{"variantId":"\u0000","quantity":1e309}'],
      ['application/json', '{'],
      ['application/x-www-form-urlencoded', 'product=%00&size=%&quantity=99999999999'],
      ['text/plain', 'x'],
    ] as const) {
      const res = await request.fetch(url, { method, headers: { 'content-type': type, cookie: 'cart=%' }, data, maxRedirects: 0, failOnStatusCode: false });
      if (res.status() >= 500) failures.push(`${res.status()} ${method} ${url} ${type} ${data}`);
      expect(res.status(), `${method} ${url} ${type}`).toBeLessThan(500);
    }
  }
  // The checkout's form posts to its page without JavaScript: junk posted there is no 5xx either.
  for (const [type, data] of [
    ['application/x-www-form-urlencoded', 'x=1&%24ACTION_ID_junk=1'],
    ['multipart/form-data; boundary=zz', '--zz\r\nContent-Disposition: form-data; name="$ACTION_ID_0"\r\n\r\n\r\n--zz--'],
    ['text/plain', '\u0000'],
  ] as const) {
    const res = await request.fetch('/checkout', { method: 'POST', headers: { 'content-type': type }, data, maxRedirects: 0, failOnStatusCode: false });
    if (res.status() >= 500) failures.push(`${res.status()} POST /checkout ${type}`);
  }
  expect(failures).toEqual([]);
});

test('a wrong method is a 405 that says which methods the address answers', async ({ request }) => {
  for (const url of ['/', '/products', '/products/tuul-cashmere-scarf', '/blog', '/cart']) {
    for (const method of ['PUT', 'DELETE', 'PATCH', 'POST']) {
      const res = await status(request, method, url);
      expect(res.status(), `${method} ${url}`).toBe(405);
      expect(res.headers()['allow'], `${method} ${url}`).toMatch(/GET/);
    }
  }
  const api: [string, string, RegExp][] = [
    ['/api/cart', 'POST', /GET/],
    ['/api/cart/lines', 'GET', /POST/],
    ['/api/cart/lines/cabcdefghijklmnopqrstuvwx', 'POST', /PATCH/],
    ['/api/cart/shipping', 'GET', /PUT/],
    ['/api/health', 'DELETE', /GET/],
  ];
  for (const [url, method, allow] of api) {
    const res = await status(request, method, url);
    expect(res.status(), `${method} ${url}`).toBe(405);
    expect(res.headers()['allow'], `${method} ${url}`).toMatch(allow);
  }
});

test('every response carries the security headers', async ({ request }) => {
  for (const url of ['/', '/products/tuul-cashmere-scarf', '/api/cart', '/blog/feed.xml']) {
    const h = (await request.get(url)).headers();
    expect(h['content-security-policy'], url).toContain("frame-ancestors 'none'");
    expect(h['content-security-policy'], url).toContain("object-src 'none'");
    expect(h['x-content-type-options'], url).toBe('nosniff');
    expect(h['x-frame-options'], url).toBe('DENY');
    expect(h['referrer-policy'], url).toBe('strict-origin-when-cross-origin');
    expect(h['permissions-policy'], url).toContain('camera=()');
  }
});

// The production build the tests run against (scripts/e2e-server.ts).
const DIST = path.resolve('.next-e2e');
function storedEntries(): number {
  let n = 0;
  const walk = (dir: string) => {
    if (!fs.existsSync(dir)) return;
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) walk(path.join(dir, e.name));
      else n += 1;
    }
  };
  walk(path.join(DIST, 'server', 'app'));
  walk(path.join(DIST, 'cache'));
  return n;
}

test('500 junk addresses of each kind leave the number of cached entries unchanged', async ({ request }) => {
  test.setTimeout(300_000);
  const kinds: [string, (i: number) => string][] = [
    ['internal catalog keys', (i) => `/products/q/junk${i}`],
    ['internal journal keys', (i) => `/blog/q/junk${i}`],
    ['searches', (i) => `/products?q=wool${i}`],
    ['price ranges', (i) => `/products?minPrice=${i}&maxPrice=${i + 1}.5`],
    ['unknown colours', (i) => `/products?colour=colour${String.fromCharCode(97 + (i % 26))}${'z'.repeat(1 + (i % 30))}`],
    ['unknown products', (i) => `/products/no-such-product-${i}`],
    ['unknown collections', (i) => `/collections/no-such-collection-${i}`],
    ['unknown articles', (i) => `/blog/no-such-article-${i}`],
    ['unknown tags', (i) => `/blog?tag=tag-${i}`],
    ['pages past the end', (i) => `/products?page=${50 + i}`],
  ];
  // Visit the canonical pages the junk could fall back to, so they are stored before counting.
  for (const url of ['/products', '/blog', '/products/no-such-product', '/collections/cashmere-knitwear']) await request.get(url, { failOnStatusCode: false });
  await new Promise((r) => setTimeout(r, 500));
  const before = storedEntries();
  expect(before).toBeGreaterThan(0);
  for (const [kind, url] of kinds) {
    for (let start = 0; start < 500; start += 10) {
      const batch = Array.from({ length: 10 }, (_, j) => request.get(url(start + j), { failOnStatusCode: false }));
      for (const res of await Promise.all(batch)) expect(res.status(), kind).toBeLessThan(500);
    }
    await new Promise((r) => setTimeout(r, 200));
    expect(storedEntries(), `after 500 ${kind}`).toBe(before);
  }
});
