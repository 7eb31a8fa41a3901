import { expect, it } from 'vitest';
import { tagsForProductChange } from './tags';

it('names the listings, the product under both slugs and every collection it was or is in, once each', () => {
  expect(tagsForProductChange({ slugs: ['old-hat', 'new-hat', 'new-hat'], collectionSlugs: ['felt-home', 'winter', 'felt-home'] })).toEqual([
    'products',
    'collections',
    'product:old-hat',
    'product:new-hat',
    'collection:felt-home',
    'collection:winter',
  ]);
});
