import { expect, test } from '@playwright/test';
import { addToCart, fillAddress } from './support/checkout';
import { fakes, routePayPal } from './support/paypal';

test('card: Stripe’s hosted page, the signed webhook, then the order shows as paid', async ({ page }) => {
  await addToCart(page, 'ulaanbaatar-ribbed-beanie');
  await page.goto('/checkout');
  await fillAddress(page);
  await page.getByRole('radio', { name: /^Card/ }).check();
  await page.getByRole('button', { name: /Place order/ }).click();
  // The fake answers at Stripe's hosted-checkout URL: the shopper pays there.
  await expect(page).toHaveURL(new RegExp(`^${fakes().stripe}/pay/cs_test_`));
  await page.getByRole('button', { name: 'Pay' }).click();
  await expect(page).toHaveURL(/\/checkout\/success\?session_id=cs_test_/);
  await expect(page.getByRole('heading', { level: 1, name: 'Thank you for your order' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Payment received' })).toBeVisible();
  await page.goto('/cart');
  await expect(page.getByRole('main').getByText('Your cart is empty.')).toBeVisible();
});

test('PayPal: the buttons create the order on our server, capture it there, and land on the paid order', async ({ page }) => {
  await routePayPal(page);
  await addToCart(page, 'camel-wool-mittens');
  await page.goto('/checkout');
  await fillAddress(page);
  await page.getByRole('radio', { name: /^PayPal/ }).check();
  await page.getByRole('button', { name: 'Pay with PayPal' }).click();
  await expect(page).toHaveURL(/\/checkout\/success\?order=c/);
  await expect(page.getByRole('status').filter({ hasText: 'Payment received' })).toBeVisible();
});

test('PayPal unavailable: the page says so and card still works', async ({ page }) => {
  await page.route('**/sdk/js?**', (route) => route.abort());
  await addToCart(page, 'camel-wool-mittens');
  await page.goto('/checkout');
  await page.getByRole('radio', { name: /^PayPal/ }).check();
  await expect(page.getByRole('alert').filter({ hasText: 'PayPal is unavailable right now' })).toBeVisible();
  await page.getByRole('radio', { name: /^Card/ }).check();
  await expect(page.getByRole('button', { name: /Place order/ })).toBeEnabled();
});
