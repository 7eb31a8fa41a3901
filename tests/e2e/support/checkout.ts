import { expect, type Page } from '@playwright/test';

/** Puts a product in the cart from its page (picking options by their accessible names). */
export async function addToCart(page: Page, slug: string, choose: { colour?: string; size?: string } = {}) {
  await page.goto(`/products/${slug}`);
  if (choose.colour)
    await page
      .getByRole('group', { name: /Colour/ })
      .getByRole('radio', { name: choose.colour, exact: true })
      .check();
  if (choose.size) await page.getByRole('group', { name: /Size/ }).getByRole('radio', { name: choose.size, exact: true }).check();
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await expect(page.getByRole('dialog', { name: 'Your cart' })).toBeVisible();
  // The drawer opens at once; wait for the shop to confirm before leaving the page.
  await expect(page.getByTestId('cart-announcer')).toContainText('Added');
}

export async function fillAddress(page: Page, email = 'dulmaa@example.com') {
  await page.getByRole('textbox', { name: 'E-mail' }).fill(email);
  await page.getByRole('textbox', { name: 'Full name' }).fill('Dulmaa Bat');
  await page.getByRole('textbox', { name: 'Address', exact: true }).fill('12 Peace Avenue');
  await page.getByRole('textbox', { name: 'City' }).fill('Carbondale');
  await page.getByRole('textbox', { name: /State or region/ }).fill('IL');
  await page.getByRole('textbox', { name: 'Postal code' }).fill('62901');
  await page.getByRole('combobox', { name: 'Country' }).selectOption('US');
}
