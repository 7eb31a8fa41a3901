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
  const style = await page.locator('.article__body p').first().evaluate((p) => {
    const s = getComputedStyle(p);
    return { fontSize: parseFloat(s.fontSize), lineHeight: parseFloat(s.lineHeight) };
  });
  expect(style.fontSize).toBeGreaterThanOrEqual(16);
  expect(style.lineHeight / style.fontSize).toBeGreaterThanOrEqual(1.5);
});
