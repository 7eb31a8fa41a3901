import { expect, test } from '@playwright/test';

// A product, collection or article that does not exist answers 404 with a page a person can
// read in the HTML itself: nothing depends on scripts running.
const MISSING = [
  { what: 'product', path: '/products/no-such-thing' },
  { what: 'collection', path: '/collections/no-such-thing' },
  { what: 'filtered collection', path: '/collections/no-such-thing?material=cashmere' },
  { what: 'article', path: '/blog/no-such-thing' },
];

const HEADING = 'We couldn’t find that page';

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  for (const { what, path } of MISSING) {
    test(`an unknown ${what} reads as the not-found page`, async ({ page }) => {
      const res = await page.goto(path);
      expect(res?.status()).toBe(404);
      await expect(page.getByRole('heading', { level: 1, name: HEADING })).toBeVisible();
      await expect(page.getByRole('main').getByRole('link', { name: 'Browse the shop', exact: true })).toBeVisible();
      // Inside the shop's own frame, so the reader can carry on.
      await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
    });
  }
});

test('with JavaScript, the not-found page stays after the page comes to life', async ({ page }) => {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/404 \(Not Found\)/.test(m.text())) problems.push(m.text());
  });
  const res = await page.goto('/products/no-such-thing');
  expect(res?.status()).toBe(404);
  await page.waitForLoadState('load');
  await expect(page.getByRole('heading', { level: 1, name: HEADING })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
  expect(problems).toEqual([]);
  await page.getByRole('main').getByRole('link', { name: 'Browse the shop', exact: true }).click();
  await expect(page).toHaveURL(/\/products$/);
});
