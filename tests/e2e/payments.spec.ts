import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { PAYPAL_FAKE_APPROVE_BASE, paypalSdkStandIn } from '../fakes/paypal';
import { addToCart, fillAddress } from './support/checkout';

/** The fakes scripts/e2e-server.ts started beside the store. */
function fakes(): { stripe: string; paypal: string } {
  return JSON.parse(fs.readFileSync(path.resolve(process.env.E2E_DATA_DIR ?? '.data/e2e', 'fakes.json'), 'utf8')) as { stripe: string; paypal: string };
}

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

async function routePayPal(page: Page) {
  const fakeUrl = fakes().paypal;
  const source = paypalSdkStandIn({ fakeUrl, approveBase: PAYPAL_FAKE_APPROVE_BASE });
  await page.route('**/sdk/js?**', (route) => route.fulfill({ status: 200, contentType: 'application/javascript', body: source }));
  // What the buyer does in PayPal's window, answered by the fake.
  await page.route(`${PAYPAL_FAKE_APPROVE_BASE}*`, async (route) => {
    const cors = { 'access-control-allow-origin': '*', 'access-control-allow-methods': 'POST, OPTIONS', 'access-control-allow-headers': 'content-type' };
    if (route.request().method() === 'OPTIONS') return route.fulfill({ status: 204, headers: cors });
    const id = new URL(route.request().url()).pathname.split('/').pop()!;
    const res = await fetch(`${fakeUrl}/__fake/approve/${id}`, { method: 'POST' });
    await route.fulfill({ status: res.status, headers: cors, contentType: 'application/json', body: await res.text() });
  });
}

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
