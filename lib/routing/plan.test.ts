import { describe, expect, it } from 'vitest';
import { planRequest, type Known } from './plan';

const known: Known = {
  product: async (s) => s === 'yak-socks',
  collection: async (s) => s === 'felt',
  article: async (s) => s === 'demid',
  colours: async () => new Set(['charcoal', 'oat']),
  tags: async () => new Set(['history']),
  activeProducts: async () => 27, // three pages of 12
  visibleArticles: async () => 12, // two pages of 10
};
const settings = { catalogPageSize: 12, blogPageSize: 10 };
const plan = (url: string) => {
  const u = new URL(url, 'http://shop.test');
  return planRequest(u.pathname, u.searchParams, known, settings);
};
const rewrite = (pathname: string) => ({ kind: 'rewrite', pathname });
const notFound = { kind: 'not-found' };
const pass = { kind: 'pass' };

describe('routing plan: what visitors type never adds pages to the cache', () => {
  it('caches the catalog with at most one known filter, up to its last page', async () => {
    expect(await plan('/products')).toEqual(rewrite('/products/q/_'));
    expect(await plan('/products?material=yak')).toEqual(rewrite('/products/q/material%3Dyak'));
    expect(await plan('/products?colour=Charcoal&sort=price-asc')).toEqual(rewrite('/products/q/colour%3Dcharcoal%26sort%3Dprice-asc'));
    expect(await plan('/products?collection=felt')).toEqual(rewrite('/products/q/collection%3Dfelt'));
    expect(await plan('/products?page=3')).toEqual(rewrite('/products/q/page%3D3'));
  });

  it('serves searches, price ranges, combinations, unknown values and pages past the end per request', async () => {
    for (const url of [
      '/products?q=scarf',
      '/products?minPrice=49',
      '/products?material=yak&inStock=1',
      '/products?colour=mauve',
      '/products?collection=nope',
      '/products?page=4',
    ]) {
      expect(((await plan(url)) as { pathname: string }).pathname, url).toMatch(/^\/products\/s\//);
    }
  });

  it('drops junk parameters so they share the canonical page', async () => {
    expect(await plan('/products?utm_source=x&sort=bogus&material=plastic')).toEqual(rewrite('/products/q/_'));
  });

  it('sends unknown or malformed slugs to the one shared 404, and passes known ones', async () => {
    expect(await plan('/products/yak-socks')).toEqual(pass);
    expect(await plan('/blog/demid')).toEqual(pass);
    for (const url of [
      '/products/nope',
      '/products/a%00b',
      '/products/%E0%A4%A',
      '/products/Yak-Socks',
      '/blog/%00',
      '/blog/nope',
      '/collections/nope',
      '/products/yak-socks/extra',
      '/products//x',
    ]) {
      expect(await plan(url), url).toEqual(notFound);
    }
  });

  it('routes a known collection like the catalog', async () => {
    expect(await plan('/collections/felt')).toEqual(rewrite('/collections/felt/q/_'));
    expect(await plan('/collections/felt?material=yak')).toEqual(rewrite('/collections/felt/q/material%3Dyak'));
    expect(await plan('/collections/felt?q=hat')).toEqual(rewrite('/collections/felt/s/q%3Dhat'));
  });

  it('gives reordered, repeated and differently spelled queries one key', async () => {
    const key = rewrite('/products/q/colour%3Doat%26sort%3Dprice-asc');
    expect(await plan('/products?colour=oat&sort=price-asc')).toEqual(key);
    expect(await plan('/products?sort=price-asc&colour=oat')).toEqual(key);
    expect(await plan('/products?sort=price-asc&utm_source=mail&colour=OAT')).toEqual(key);
    expect(await plan('/products?colour=oat&sort=price-asc&page=1')).toEqual(key);
    const search = await plan('/products?q=scarf&material=yak');
    expect(await plan('/products?material=yak&q=scarf')).toEqual(search);
    expect(await plan('/products?fbclid=1&material=yak&q=scarf')).toEqual(search);
  });

  it('rewrites a collection URL to its canonical key, never its raw query', async () => {
    expect(await plan('/collections/felt?utm_source=x&fbclid=y')).toEqual(rewrite('/collections/felt/q/_'));
    expect(await plan('/collections/felt?sort=price-asc&material=yak')).toEqual(rewrite('/collections/felt/q/material%3Dyak%26sort%3Dprice-asc'));
    expect(await plan('/collections/felt?material=yak&sort=price-asc&junk=1')).toEqual(rewrite('/collections/felt/q/material%3Dyak%26sort%3Dprice-asc'));
    // The collection is in the path: naming it again in the query adds nothing to the key.
    expect(await plan('/collections/felt?collection=felt')).toEqual(rewrite('/collections/felt/q/_'));
    // A junk-laden search is still per request, with only the parameters that count.
    expect(await plan('/collections/felt?utm_source=x&q=hat')).toEqual(rewrite('/collections/felt/s/q%3Dhat'));
  });

  it('answers the journal index for known tags and existing pages only', async () => {
    expect(await plan('/blog')).toEqual(rewrite('/blog/q/_'));
    expect(await plan('/blog?tag=history')).toEqual(rewrite('/blog/q/tag%3Dhistory'));
    expect(await plan('/blog?page=2')).toEqual(rewrite('/blog/q/page%3D2'));
    expect(await plan('/blog?tag=junk')).toEqual(notFound);
    expect(await plan('/blog?page=3')).toEqual(notFound);
    expect(await plan('/blog/feed.xml')).toEqual(pass);
  });

  it('lets through only the internal path it would itself have rewritten to', async () => {
    expect(await plan('/products/q/_')).toEqual(pass);
    expect(await plan('/products/q/material%3Dyak')).toEqual(pass);
    expect(await plan('/products/s/q%3Dscarf')).toEqual(pass);
    expect(await plan('/collections/felt/q/_')).toEqual(pass);
    expect(await plan('/blog/q/tag%3Dhistory')).toEqual(pass);
    for (const url of [
      '/products/q/junk1',
      '/products/q/q%3Dscarf',
      '/products/s/_',
      '/products/q/sort%3Dfeatured',
      '/products/q/%E0%A4%A',
      '/blog/q/junk',
      '/collections/nope/q/_',
      '/collections/felt/q/junk',
      '/products/s',
    ]) {
      expect(await plan(url), url).toEqual(notFound);
    }
  });

  it('passes the order lookup and order pages written as the shop writes them; anything else under /orders is the shared 404', async () => {
    expect(await plan('/orders/lookup')).toEqual(pass);
    expect(await plan('/orders/lookup?number=MN-100001')).toEqual(pass);
    expect(await plan('/orders/MN-100001')).toEqual(pass);
    expect(await plan('/orders/MN-123456789')).toEqual(pass);
    for (const url of [
      '/orders',
      '/orders/',
      '/orders/lookup/',
      '/orders/lookup/x',
      '/orders/Lookup',
      '/orders/mn-100001',
      '/orders/100001',
      '/orders/MN-1',
      '/orders/MN-1234567890',
      '/orders/MN-100001/',
      '/orders/MN-100001/returns',
      '/orders/%4DN-100001',
      '/orders/junk',
    ]) {
      expect(await plan(url), url).toEqual(notFound);
    }
  });

  it('passes the return form and return pages written as the shop writes them; anything else under /returns is the shared 404', async () => {
    expect(await plan('/returns')).toEqual(pass);
    expect(await plan('/returns?order=MN-100001')).toEqual(pass);
    expect(await plan('/returns/R-1')).toEqual(pass);
    expect(await plan('/returns/R-123456789')).toEqual(pass);
    for (const url of [
      '/returns/',
      '/returns/r-5001',
      '/returns/5001',
      '/returns/R-',
      '/returns/R-1234567890',
      '/returns/R-5001/',
      '/returns/R-5001/x',
      '/returns/new',
    ]) {
      expect(await plan(url), url).toEqual(notFound);
    }
  });

  it('leaves every other page alone', async () => {
    expect(await plan('/')).toEqual(pass);
    expect(await plan('/cart')).toEqual(pass);
  });
});
