import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { expectNoA11yViolations } from './support/a11y';
import { addToCart, fillAddress } from './support/checkout';
import { hydrated, SLOW } from './support/staff';

/**
 * A customer returns one item of two by themselves; staff approve it, receive it with restock and
 * refund it to the original payment through the provider's fake; the customer sees it refunded and
 * the stock is back. Once paid by card (Stripe), once by PayPal with a partial refund.
 */
test.describe.configure({ mode: 'serial' });

function fakes(): { stripe: string; paypal: string } {
  return JSON.parse(fs.readFileSync(path.resolve(process.env.E2E_DATA_DIR ?? '.data/e2e', 'fakes.json'), 'utf8')) as { stripe: string; paypal: string };
}

const EMAIL = 'Return.Shopper@example.com';

/** Two products in the cart, paid by card at the Stripe fake; returns the order number. */
async function payByCard(page: Page): Promise<string> {
  await addToCart(page, 'yak-wool-socks');
  await addToCart(page, 'camel-wool-mittens');
  await page.goto('/checkout');
  await hydrated(page);
  await fillAddress(page, EMAIL);
  await page.getByRole('radio', { name: /^Card/ }).check();
  await page.getByRole('button', { name: /Place order/ }).click();
  await expect(page).toHaveURL(new RegExp(`^${fakes().stripe}/pay/cs_test_`), SLOW);
  await page.getByRole('button', { name: 'Pay' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Payment received' })).toBeVisible(SLOW);
  return ((await page.getByText(/^Order MN-1\d{5,}$/).textContent()) ?? '').replace('Order ', '');
}

/** In a browser that never saw the order: look it up by number and e-mail. */
async function lookUp(page: Page, number: string) {
  await page.goto('/orders/lookup');
  await hydrated(page);
  await page.getByRole('textbox', { name: 'Order number' }).fill(number);
  await page.getByRole('textbox', { name: 'E-mail' }).fill(EMAIL);
  await page.getByRole('button', { name: 'Find my order' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Order ${number}` })).toBeVisible(SLOW);
}

/** From the order page: return `quantity` of the item named `item` for `reason`; returns the R- number. */
async function requestReturn(page: Page, item: RegExp, quantity: string, reason: string): Promise<string> {
  await page.getByRole('link', { name: 'Return items' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Return items' })).toBeVisible(SLOW);
  await hydrated(page);
  await expectNoA11yViolations(page, 'the return form');
  // Nothing chosen: one sentence, nothing written.
  await page.getByRole('button', { name: 'Request the return' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Choose at least one item to return' })).toBeVisible(SLOW);
  const line = page.getByRole('group', { name: item });
  await line.getByRole('combobox', { name: 'How many to return' }).selectOption(quantity);
  await line.getByRole('combobox', { name: 'Reason' }).selectOption({ label: reason });
  await page.getByRole('button', { name: 'Request the return' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Return R-\d+$/ })).toBeVisible(SLOW);
  await expect(page.getByText('Waiting for approval')).toBeVisible();
  await expectNoA11yViolations(page, 'the return page');
  return ((await page.getByRole('heading', { level: 1 }).textContent()) ?? '').replace('Return ', '');
}

test('a customer returns one item of two from the order page; the return page shows its steps', async ({ page, browser }) => {
  test.setTimeout(180_000);
  const number = await payByCard(page);
  const other = await browser.newContext();
  const shopper = await other.newPage();
  await lookUp(shopper, number);
  const returnNumber = await requestReturn(shopper, /Yak Wool Hiking Socks/, '1', 'Too small');
  const steps = shopper
    .getByRole('list')
    .filter({ has: shopper.getByText('Requested') })
    .first();
  await expect(steps.getByRole('listitem')).toHaveCount(4);
  // The order page lists it, and a stranger's browser sees neither page.
  await shopper.getByRole('link', { name: `Order ${number}` }).click();
  await expect(shopper.getByRole('link', { name: `Return ${returnNumber}` })).toBeVisible(SLOW);
  const stranger = await browser.newContext();
  const s = await stranger.newPage();
  await s.goto(`/returns/${returnNumber}`);
  await expect(s.getByRole('heading', { level: 1, name: 'We can’t show that return here' })).toBeVisible();
  await s.goto(`/returns?order=${number}`);
  await expect(s.getByRole('heading', { level: 1, name: 'Start a return from your order' })).toBeVisible();
  await stranger.close();
  await other.close();
});
