import { expect, test } from '@playwright/test';

// A 375 px phone: nothing overflows sideways, filters fold behind a button.
test('the catalog works on a phone', async ({ page }) => {
  await page.goto('/products');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  const toggle = page.getByRole('button', { name: /^Filters/ });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByRole('button', { name: 'Apply filters' })).toBeHidden();
  await toggle.click();
  await page.getByRole('checkbox', { name: /Felt/ }).check();
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/material=felt/);
  await expect(page.getByRole('button', { name: 'Filters (1)' })).toBeVisible();
});

test('a product page fits a phone', async ({ page }) => {
  await page.goto('/products/felt-ger-slippers');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expect(page.getByRole('heading', { level: 1, name: 'Felt Ger Slippers' })).toBeVisible();
});

test('an article reads comfortably on a phone', async ({ page }) => {
  await page.goto('/blog/protocol-turns-into-an-invitation');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  const style = await page
    .locator('.article__body p')
    .first()
    .evaluate((p) => {
      const s = getComputedStyle(p);
      return { fontSize: parseFloat(s.fontSize), lineHeight: parseFloat(s.lineHeight) };
    });
  expect(style.fontSize).toBeGreaterThanOrEqual(16);
  expect(style.lineHeight / style.fontSize).toBeGreaterThanOrEqual(1.5);
});

test('the header search is on screen on a phone and lands on results', async ({ page }) => {
  await page.goto('/products/felt-ger-slippers');
  const search = page.getByRole('search').getByRole('searchbox', { name: 'Search the shop' });
  await expect(search).toBeInViewport();
  await search.fill('felt');
  await page.getByRole('search').getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(/\/products\?q=felt$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Search: felt' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Products' }).getByRole('link', { name: /Felt Ger Slippers/ })).toBeVisible();
});

test('every section in the header is on screen or a swipe away, and the page never scrolls sideways', async ({ page }) => {
  await page.goto('/');
  const nav = page.getByRole('navigation', { name: 'Main' });
  const links = await nav.getByRole('link').all();
  const names = await Promise.all(links.map((l) => l.innerText()));
  expect(names[0]).toBe('Shop all');
  expect(names.at(-1)).toBe('Journal');
  expect(await nav.locator('a[href^="/collections/"]').count()).toBeGreaterThanOrEqual(3);
  // At 375 px the row does not fit: the last sections start out of sight, inside the nav's own scroll.
  await expect(links.at(-1)!).not.toBeInViewport({ ratio: 1 });
  for (const link of links) {
    await link.scrollIntoViewIfNeeded();
    await expect(link).toBeInViewport({ ratio: 1 });
  }
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the header search still works, and the catalog shows its filters', async ({ page }) => {
    await page.goto('/');
    const search = page.getByRole('searchbox', { name: 'Search the shop' });
    await search.fill('yak');
    await search.press('Enter');
    await expect(page).toHaveURL(/\/products\?q=yak$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Search: yak' })).toBeVisible();
    // The fold button needs JavaScript, so without it the filters are simply shown.
    await expect(page.getByRole('button', { name: /^Filters/ })).toBeHidden();
    await expect(page.getByRole('button', { name: 'Apply filters' })).toBeVisible();
  });
});
