import { expect, it } from 'vitest';
import { tagsForArticleChange } from './cache-tags';

it('expires the listings and the page under every slug it had, once each', () => {
  expect(tagsForArticleChange(['demid'])).toEqual(['articles', 'article:demid']);
  expect(tagsForArticleChange(['old-name', 'new-name', 'new-name'])).toEqual(['articles', 'article:old-name', 'article:new-name']);
});
