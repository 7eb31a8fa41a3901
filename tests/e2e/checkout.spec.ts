import { expect, test } from '@playwright/test';
import { addToCart, fillAddress } from './support/checkout';

test('a fresh store takes an order end to end with the test provider', async ({ page }) => {
  await addToCart(page, 'tuul-cashmere-scarf', { colour: 'Oat' });
  await expect(page.getByText('Test payments are on')).toBeVisible();
  await page.getByRole('dialog', { name: 'Your cart' }).getByRole('link', { name: 'Checkout' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Delivery and payment' })).toBeVisible();
  const summary = page.getByRole('complementary', { name: 'Order summary' });
  await expect(summary.getByRole('listitem')).toHaveCount(1);
  await fillAddress(page);
  // $115 of wool: Express costs $24.95, Standard $9.95; the total follows the choice.
  await page.getByRole('radio', { name: /Express/ }).check();
  await expect(summary.locator('.totals__total')).toContainText('$139.95');
  await page.getByRole('radio', { name: /Standard/ }).check();
  await expect(summary.locator('.totals__total')).toContainText('$124.95');
  await page.getByRole('radio', { name: /Test payment — no money moves/ }).check();
  await page.getByRole('button', { name: /Place order/ }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Thank you for your order' })).toBeVisible();
  await expect(page.getByText(/^Order MN-1\d{5,}$/)).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Payment received' })).toBeVisible();
  await expect(page.getByText('Test payment — no money moves').first()).toBeVisible();
  await expect(page.locator('.order-details .totals__total')).toContainText('$124.95');
  await expect(page.getByText('Dulmaa Bat')).toBeVisible();
  // The cart is emptied, and the header says so without a reload.
  await expect(page.getByRole('link', { name: /^Cart 0 items$|^Cart$/ })).toBeVisible();
  await page.goto('/cart');
  await expect(page.getByRole('main').getByText('Your cart is empty.')).toBeVisible();
});

test('field errors are shown beside each field, announced, and the form keeps what was typed', async ({ page }) => {
  await addToCart(page, 'yak-wool-socks');
  await page.goto('/checkout');
  await page.getByRole('textbox', { name: 'E-mail' }).fill('dulmaa');
  await page.getByRole('textbox', { name: 'City' }).fill('Carbondale');
  await page.getByRole('radio', { name: /Test payment/ }).check();
  await page.getByRole('button', { name: /Place order/ }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Please correct the fields marked below.' })).toBeVisible();
  const email = page.getByRole('textbox', { name: 'E-mail' });
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await expect(email).toHaveAccessibleDescription('Enter an e-mail address like name@example.com');
  await expect(page.getByRole('textbox', { name: 'Full name' })).toHaveAccessibleDescription('Enter the full name for delivery');
  await expect(page.getByRole('textbox', { name: 'City' })).toHaveValue('Carbondale');
  await expect(email).toHaveValue('dulmaa');
});

test('a line that sold out meanwhile: no order, and the shopper is told which', async ({ browser }) => {
  const first = await browser.newPage();
  const second = await browser.newPage();
  for (const p of [first, second]) await addToCart(p, 'steppe-v-neck-sweater', { colour: 'Indigo', size: 'L' });
  await first.goto('/checkout');
  await fillAddress(first);
  await first.getByRole('radio', { name: /Test payment/ }).check();
  await first.getByRole('button', { name: /Place order/ }).click();
  await expect(first.getByRole('heading', { level: 1, name: 'Thank you for your order' })).toBeVisible();

  await second.goto('/checkout');
  await fillAddress(second, 'second@example.com');
  await second.getByRole('radio', { name: /Test payment/ }).check();
  await second.getByRole('button', { name: /Place order/ }).click();
  await expect(second.getByRole('alert').filter({ hasText: /Steppe V-Neck Sweater \(Indigo, L\) is sold out/ })).toBeVisible();
  await expect(second).toHaveURL(/\/checkout$/);
  await first.close();
  await second.close();
});

test('the same order in two tabs is placed once', async ({ context }) => {
  const tab1 = await context.newPage();
  await addToCart(tab1, 'felt-yurt-coasters');
  const tab2 = await context.newPage();
  for (const tab of [tab1, tab2]) {
    await tab.goto('/checkout');
    await fillAddress(tab);
    await tab.getByRole('radio', { name: /Test payment/ }).check();
  }
  await tab1.getByRole('button', { name: /Place order/ }).click();
  await expect(tab1.getByRole('heading', { level: 1, name: 'Thank you for your order' })).toBeVisible();
  await tab2.getByRole('button', { name: /Place order/ }).click();
  // The first tab's order emptied the cart: the second finds nothing to order.
  await expect(tab2).toHaveURL(/\/cart\?problem=empty/);
  await expect(tab2.getByText('Your cart is empty, so there is nothing to check out yet.')).toBeVisible();
});

test('an order number alone, or another browser, reveals nothing', async ({ page, browser }) => {
  await addToCart(page, 'yak-wool-socks');
  await page.goto('/checkout');
  await fillAddress(page);
  await page.getByRole('radio', { name: /Test payment/ }).check();
  await page.getByRole('button', { name: /Place order/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Thank you for your order' })).toBeVisible();
  const url = page.url();
  const stranger = await browser.newPage();
  await stranger.goto(url);
  await expect(stranger.getByRole('heading', { level: 1, name: 'We can’t show that order here' })).toBeVisible();
  await expect(stranger.getByText('Dulmaa Bat')).toHaveCount(0);
  await stranger.goto(`${url}&token=1999999999.${'A'.repeat(43)}`);
  await expect(stranger.getByRole('heading', { level: 1, name: 'We can’t show that order here' })).toBeVisible();
  await stranger.close();
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the test payment form posts: errors come back beside the fields, then the order is placed', async ({ page }) => {
    await page.goto('/products/yak-wool-socks');
    await page.getByRole('button', { name: 'Add to cart' }).click();
    await expect(page).toHaveURL(/\/cart\?added=1/);
    await page.getByRole('link', { name: 'Checkout' }).click();
    await page.getByRole('radio', { name: /Test payment/ }).check();
    await page.getByRole('textbox', { name: 'E-mail' }).fill('not-an-address');
    await page.getByRole('button', { name: /Place order/ }).click();
    await expect(page.getByRole('textbox', { name: 'E-mail' })).toHaveAccessibleDescription('Enter an e-mail address like name@example.com');
    await expect(page.getByRole('textbox', { name: 'E-mail' })).toHaveValue('not-an-address');
    await fillAddress(page);
    await page.getByRole('radio', { name: /Test payment/ }).check();
    await page.getByRole('button', { name: /Place order/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Thank you for your order' })).toBeVisible();
    await expect(page.getByText('Payment received')).toBeVisible();
  });
});
