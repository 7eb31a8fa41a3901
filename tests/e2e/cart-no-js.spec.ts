import { expect, test } from '@playwright/test';

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the product form adds the chosen colour, size and quantity and lands on the cart', async ({ page }) => {
    await page.goto('/products/tuul-cashmere-scarf');
    await page
      .getByRole('group', { name: /Colour/ })
      .getByRole('radio', { name: 'Oat', exact: true })
      .check();
    await page.getByRole('combobox', { name: 'Quantity' }).selectOption('2');
    await page.getByRole('button', { name: 'Add to cart' }).click();
    await expect(page).toHaveURL(/\/cart\?added=1$/);
    await expect(page.getByRole('status').filter({ hasText: 'Added to your cart.' })).toBeVisible();
    await expect(page.getByRole('list', { name: 'Items in your cart' }).getByRole('listitem')).toHaveCount(1);
    await expect(page.getByText('Tuul Cashmere Scarf').first()).toBeVisible();
    await expect(page.locator('.totals')).toContainText('$230.00');
  });
});

test('two first adds at once (a double click before the first answers) fill one cart', async ({ page }) => {
  await page.goto('/products/tuul-cashmere-scarf');
  // The page's first read of the cart hands out the cookie; the cart itself does not exist yet.
  await expect(page.getByRole('link', { name: /^Cart/ })).toBeVisible();
  const cartCookies = async () => (await page.context().cookies()).filter((c) => c.name === 'cart');
  await expect.poll(async () => (await cartCookies()).length).toBe(1);
  const cookies = await cartCookies();
  expect(cookies[0]!.httpOnly).toBe(true);
  const variantId = await page.locator('form[data-variant-id]').getAttribute('data-variant-id');
  const origin = new URL(page.url()).origin;
  const add = () => page.request.post('/api/cart/lines', { data: { variantId, quantity: 1 }, headers: { origin } });
  const replies = await Promise.all([add(), add()]);
  expect(
    replies.map((r) => r.status()),
    await replies[0]!.text(),
  ).toEqual([200, 200]);
  await page.goto('/cart');
  await expect(page.getByRole('list', { name: 'Items in your cart' }).getByRole('listitem')).toHaveCount(1);
  await expect(page.locator('.totals')).toContainText('$230.00');
  await expect(page.getByRole('link', { name: 'Cart 2 items' })).toBeVisible();
});
