import { expect, type Page } from '@playwright/test';

/** Opens a product's page and picks its colour and size by their accessible names. */
export async function openProduct(page: Page, slug: string, choose: { colour?: string; size?: string } = {}) {
  await page.goto(`/products/${slug}`);
  // Until it is hydrated the buy box is a plain form: a click would post it and open /cart, not the drawer.
  await expect(page.locator('form.buy-box[data-enhanced]')).toBeAttached();
  if (choose.colour)
    await page
      .getByRole('group', { name: /Colour/ })
      .getByRole('radio', { name: choose.colour, exact: true })
      .check();
  if (choose.size) await page.getByRole('group', { name: /Size/ }).getByRole('radio', { name: choose.size, exact: true }).check();
}

/**
 * Puts a product in the cart from its page, picking options by their accessible names, and returns
 * the drawer. The drawer opens before the add has answered: this waits for the answer (and its cookie).
 */
export async function addFromProductPage(page: Page, slug: string, choose: { colour?: string; size?: string; quantity?: string } = {}) {
  await openProduct(page, slug, choose);
  if (choose.quantity) await page.getByRole('combobox', { name: 'Quantity' }).selectOption(choose.quantity);
  // The drawer opens before the add has answered: wait for the answer (and its cookie), not the drawer.
  const added = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/cart/lines' && r.request().method() === 'POST');
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await added;
  const drawer = page.getByRole('dialog', { name: 'Your cart' });
  await expect(drawer).toBeVisible();
  return drawer;
}

/** The same, when the drawer does not matter. */
export async function addToCart(page: Page, slug: string, choose: { colour?: string; size?: string } = {}) {
  await addFromProductPage(page, slug, choose);
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
