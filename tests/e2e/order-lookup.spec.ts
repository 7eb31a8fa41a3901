import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectNoA11yViolations } from './support/a11y';
import { addToCart, fillAddress } from './support/checkout';
import { hydrated, signInAsOwner, SLOW } from './support/staff';

const NOT_FOUND = 'We could not find an order with that number and e-mail address. Check both against your confirmation e-mail and try again.';
const EMAIL = 'Lookup.Shopper@example.com';

/** Places an order with the test provider and returns its number (MN-…). */
async function placeOrder(page: Page): Promise<string> {
  await addToCart(page, 'yak-wool-socks');
  await page.goto('/checkout');
  await hydrated(page);
  await fillAddress(page, EMAIL);
  await page.getByRole('radio', { name: /Test payment — no money moves/ }).check();
  await page.getByRole('button', { name: /Place order/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Thank you for your order' })).toBeVisible(SLOW);
  return ((await page.getByText(/^Order MN-1\d{5,}$/).textContent()) ?? '').replace('Order ', '');
}

/** The confirmation e-mail's link, read from the stored e-mail in the staff outbox. */
async function confirmationLink(browser: Browser, number: string): Promise<string> {
  const staff = await browser.newContext();
  const page = await staff.newPage();
  await signInAsOwner(page, '/admin/outbox');
  await page.getByRole('link', { name: `[Test] Thank you — order ${number}` }).click();
  const text = (await page.locator('pre').textContent()) ?? '';
  await staff.close();
  const m = /https?:\/\/\S+\/orders\/MN-\d+\?token=\S+/.exec(text);
  expect(m, text).not.toBeNull();
  return m![0];
}

async function fillLookup(page: Page, number: string, email: string) {
  await page.getByRole('textbox', { name: 'Order number' }).fill(number);
  await page.getByRole('textbox', { name: 'E-mail' }).fill(email);
  await page.getByRole('button', { name: 'Find my order' }).click();
}

async function expectOrderPage(page: Page, number: string) {
  await expect(page.getByRole('heading', { level: 1, name: `Order ${number}` })).toBeVisible(SLOW);
  await expect(page).toHaveURL(new RegExp(`/orders/${number}`));
  await expect(page.getByRole('list', { name: 'Items in your order' }).getByRole('listitem').filter({ hasText: 'Yak Wool Hiking Socks' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Payments' })).toBeVisible();
  await expect(page.getByText('Test payment — no money moves').first()).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Refunds and returns' })).toBeVisible();
  await expect(page.getByText('Dulmaa Bat')).toBeVisible();
}

test('a shopper finds an order by number and e-mail, and the confirmation e-mail opens the same page', async ({ page, browser }) => {
  test.setTimeout(120_000);
  const number = await placeOrder(page);

  // Another browser: nothing but the number and the e-mail.
  const other = await browser.newContext();
  const shopper = await other.newPage();
  const form = await shopper.goto('/orders/lookup');
  expect(form?.headers()['cache-control']).toContain('no-store');
  expect(form?.headers()['x-robots-tag']).toContain('noindex');
  await expect(shopper.getByRole('heading', { level: 1, name: 'Find your order' })).toBeVisible();
  await hydrated(shopper);
  await expectNoA11yViolations(shopper);

  // The order page alone shows nothing, whether the number exists or not.
  await shopper.goto(`/orders/${number}`);
  await expect(shopper.getByRole('heading', { level: 1, name: 'We can’t show that order here' })).toBeVisible();
  await shopper.goto('/orders/MN-999999');
  await expect(shopper.getByRole('heading', { level: 1, name: 'We can’t show that order here' })).toBeVisible();
  expect((await shopper.goto('/orders/junk'))?.status()).toBe(404);
  await shopper.goto('/orders/lookup');
  await hydrated(shopper);

  // A wrong e-mail and a wrong number: the same sentence.
  await fillLookup(shopper, number, 'someone.else@example.com');
  await expect(shopper.getByRole('alert').filter({ hasText: NOT_FOUND })).toBeVisible(SLOW);
  await expect(shopper).toHaveURL(/\/orders\/lookup$/);
  await fillLookup(shopper, 'MN-999999', EMAIL);
  await expect(shopper.getByRole('alert').filter({ hasText: NOT_FOUND })).toBeVisible(SLOW);
  await expect(shopper.getByRole('textbox', { name: 'Order number' })).toHaveValue('MN-999999');
  await expectNoA11yViolations(shopper, 'lookup with the not-found message');

  // Junk: the message is beside the field, tied to it, and the field has the focus.
  await fillLookup(shopper, 'my order', EMAIL);
  const numberField = shopper.getByRole('textbox', { name: 'Order number' });
  await expect(numberField).toHaveAttribute('aria-invalid', 'true', SLOW);
  await expect(numberField).toHaveAccessibleDescription(/Enter the order number as it is written in your e-mail, like MN-100001/);
  await expect(numberField).toBeFocused();
  await expectNoA11yViolations(shopper, 'lookup with a field error');

  // The right pair, typed loosely: the order page, with the focus on its heading.
  await fillLookup(shopper, number.toLowerCase().replace('-', ' '), EMAIL.toUpperCase());
  await expectOrderPage(shopper, number);
  await expect(shopper.getByRole('heading', { level: 1, name: `Order ${number}` })).toBeFocused();
  await expectNoA11yViolations(shopper, 'the order page');
  const again = await shopper.reload();
  expect(again?.headers()['cache-control']).toContain('no-store');
  await expectOrderPage(shopper, number);
  await other.close();

  // The confirmation e-mail's link opens the same page in a browser with nothing.
  const link = await confirmationLink(browser, number);
  const fresh = await browser.newContext();
  const reader = await fresh.newPage();
  await reader.goto(link);
  await expectOrderPage(reader, number);
  // A tampered token opens nothing.
  await reader.goto(link.replace(/token=(\d+)\./, (_m, exp: string) => `token=${Number(exp) + 1}.`));
  await expect(reader.getByRole('heading', { level: 1, name: 'We can’t show that order here' })).toBeVisible();
  await fresh.close();
});

test('the lookup form works without JavaScript', async ({ page, browser }) => {
  test.setTimeout(90_000);
  const number = await placeOrder(page);
  const context = await browser.newContext({ javaScriptEnabled: false });
  const shopper = await context.newPage();
  // Every page's footer leads there.
  await shopper.goto('/');
  await shopper.getByRole('navigation', { name: 'Help' }).getByRole('link', { name: 'Find your order' }).click();
  await expect(shopper.getByRole('heading', { level: 1, name: 'Find your order' })).toBeVisible();
  await fillLookup(shopper, number, 'wrong@example.com');
  await expect(shopper.getByRole('alert').filter({ hasText: NOT_FOUND })).toBeVisible(SLOW);
  await expect(shopper.getByRole('textbox', { name: 'E-mail' })).toHaveValue('wrong@example.com');
  await fillLookup(shopper, number, EMAIL);
  await expectOrderPage(shopper, number);
  await context.close();
});

test('the order pages answer only their methods, are never stored, and junk under /orders is the shared 404', async ({ request }) => {
  const call = (method: string, url: string) => request.fetch(url, { method, maxRedirects: 0, failOnStatusCode: false });
  for (const method of ['PUT', 'DELETE', 'PATCH']) {
    const res = await call(method, '/orders/lookup');
    expect(res.status(), `${method} /orders/lookup`).toBe(405);
    expect(res.headers()['allow']).toBe('GET, HEAD, POST');
  }
  for (const method of ['POST', 'PUT']) {
    const res = await call(method, '/orders/MN-100001');
    expect(res.status(), `${method} /orders/MN-100001`).toBe(405);
    expect(res.headers()['allow']).toBe('GET, HEAD');
  }
  const page = await call('GET', '/orders/MN-100001');
  expect(page.status()).toBe(200);
  expect(page.headers()['cache-control']).toContain('no-store');
  expect(page.headers()['x-robots-tag']).toContain('noindex');
  for (const url of ['/orders/mn-100001', '/orders/MN-1', '/orders/lookup/x', '/orders/MN-100001/returns']) {
    expect((await call('GET', url)).status(), url).toBe(404);
  }
});
