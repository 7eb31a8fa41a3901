import { describe, expect, it } from 'vitest';
import { catalogPathKey, catalogSearchParams, parseCatalogPathKey, parseCatalogQuery, MAX_PAGE } from './filters';

describe('parseCatalogQuery', () => {
  it('reads every filter from the URL', () => {
    const q = parseCatalogQuery({
      q: '  warm   scarf ',
      collection: 'scarves-and-shawls',
      material: ['cashmere', 'yak'],
      colour: 'Oat',
      minPrice: '50',
      maxPrice: '150.50',
      inStock: '1',
      sort: 'price-asc',
      page: '2',
    });
    expect(q).toEqual({
      q: 'warm scarf',
      collection: 'scarves-and-shawls',
      materials: ['cashmere', 'yak'],
      colour: 'oat',
      minPriceCents: 5000,
      maxPriceCents: 15050,
      inStock: true,
      sort: 'price-asc',
      page: 2,
    });
  });

  it('defaults to the featured first page of everything', () => {
    expect(parseCatalogQuery({})).toMatchObject({ q: null, materials: [], sort: 'featured', page: 1, inStock: false });
  });

  it('ignores or clamps nonsense instead of failing', () => {
    const q = parseCatalogQuery({
      minPrice: 'abc',
      maxPrice: '-5',
      page: '-3',
      sort: 'drop',
      material: ['plastic', "'; DROP TABLE", 'felt'],
      collection: '../../etc',
      colour: '<script>',
    });
    expect(q).toMatchObject({ minPriceCents: null, maxPriceCents: null, page: 1, sort: 'featured', materials: ['felt'], collection: null, colour: null });
    expect(parseCatalogQuery({ page: '99999999' }).page).toBe(MAX_PAGE);
    expect(parseCatalogQuery({ page: '2.7' }).page).toBe(2);
    expect(parseCatalogQuery({ page: 'NaN' }).page).toBe(1);
  });

  it('swaps a reversed price range', () => {
    expect(parseCatalogQuery({ minPrice: '200', maxPrice: '50' })).toMatchObject({ minPriceCents: 5000, maxPriceCents: 20000 });
  });

  it('caps the search text', () => {
    expect(parseCatalogQuery({ q: 'x'.repeat(500) }).q).toHaveLength(80);
  });

  it('writes a query back to the same canonical URL', () => {
    const params = { material: ['yak', 'cashmere'], minPrice: '49.5', sort: 'newest', page: '3' };
    const sp = catalogSearchParams(parseCatalogQuery(params));
    expect(sp.toString()).toBe('material=cashmere&material=yak&minPrice=49.50&sort=newest&page=3');
    expect(parseCatalogQuery(Object.fromEntries([...new Set(sp.keys())].map((k) => [k, sp.getAll(k)])))).toEqual(parseCatalogQuery(params));
  });
});

describe('catalog path keys', () => {
  it('round-trip a query through the cached page path', () => {
    const q = parseCatalogQuery({ material: ['felt'], colour: 'Red', maxPrice: '100', inStock: 'on', q: 'rug & more/less' });
    const key = catalogPathKey(q);
    expect(key).not.toContain('/');
    expect(parseCatalogPathKey(key)).toEqual(q);
  });
  it('gives junk and the empty query the same key as the plain catalog', () => {
    expect(catalogPathKey(parseCatalogQuery({}))).toBe('_');
    expect(catalogPathKey(parseCatalogQuery({ page: '-3', sort: 'drop', minPrice: 'abc' }))).toBe('_');
    expect(parseCatalogPathKey('%E0%A4%A')).toEqual(parseCatalogQuery({}));
  });
  it('leaves the collection out of a collection page key', () => {
    expect(catalogPathKey(parseCatalogQuery({ collection: 'felt-home', page: '2' }), true)).toBe('page%3D2');
  });
});
