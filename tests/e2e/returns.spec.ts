import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectNoA11yViolations } from './support/a11y';
import { addToCart, fillAddress } from './support/checkout';
import { fakes, routePayPal } from './support/paypal';
import { hydrated, signInAsOwner, SLOW } from './support/staff';

/**
 * A customer returns one item of two by themselves; staff approve it, receive it with restock and
 * refund it to the original payment through the provider's fake; the customer sees it refunded and
 * the stock is back. Once paid by card (Stripe), once by PayPal with a partial refund.
 */
test.describe.configure({ mode: 'serial' });

const EMAIL = 'Return.Shopper@example.com';

/** Two products in the cart, paid by card at the Stripe fake or with PayPal through its fake; returns the order number. */
async function payFor(page: Page, how: 'card' | 'paypal'): Promise<string> {
  if (how === 'paypal') await routePayPal(page);
  await addToCart(page, 'yak-wool-socks');
  await addToCart(page, 'camel-wool-mittens');
  await page.goto('/checkout');
  await hydrated(page);
  await fillAddress(page, EMAIL);
  if (how === 'card') {
    await page.getByRole('radio', { name: /^Card/ }).check();
    await page.getByRole('button', { name: /Place order/ }).click();
    await expect(page).toHaveURL(new RegExp(`^${fakes().stripe}/pay/cs_test_`), SLOW);
    await page.getByRole('button', { name: 'Pay' }).click();
  } else {
    await page.getByRole('radio', { name: /^PayPal/ }).check();
    await page.getByRole('button', { name: 'Pay with PayPal' }).click();
  }
  await expect(page.getByRole('status').filter({ hasText: 'Payment received' })).toBeVisible(SLOW);
  return ((await page.getByText(/^Order MN-1\d{5,}$/).textContent()) ?? '').replace('Order ', '');
}
const payByCard = (page: Page) => payFor(page, 'card');

/** Staff: the stock of a product across its variants, as the products list shows it. */
async function stockOf(staff: Page, title: string): Promise<number> {
  await staff.goto(`/admin/products?q=${encodeURIComponent(title)}`);
  const row = staff.getByRole('row').filter({ hasText: title });
  const m = /(\d+) in \d+ variants?/.exec((await row.textContent()) ?? '');
  expect(m, `stock of ${title}`).not.toBeNull();
  return Number(m![1]);
}

/** Staff approve the return, receive it with restock, and refund it (the proposal, or `amount` typed lower). */
async function staffHandle(browser: Browser, returnNumber: string, title: string, amount?: string) {
  const ctx = await browser.newContext();
  const staff = await ctx.newPage();
  await signInAsOwner(staff, '/admin/returns');
  const before = await stockOf(staff, title);
  await staff.goto('/admin/returns');
  await staff.getByRole('link', { name: returnNumber, exact: true }).click();
  await expect(staff.getByRole('heading', { level: 1, name: new RegExp(returnNumber) })).toBeVisible(SLOW);
  await hydrated(staff);
  await staff.getByRole('button', { name: 'Approve return' }).click();
  await expect(staff.getByText('Approved. The customer has been e-mailed.')).toBeVisible(SLOW);
  await hydrated(staff);
  await expect(staff.getByRole('group', { name: 'Put back on sale?' }).getByRole('radio', { name: 'Restock', exact: true })).toBeChecked();
  await staff.getByRole('button', { name: 'Mark as received' }).click();
  await expect(staff.getByText(/^Marked as received\./)).toBeVisible(SLOW);
  await hydrated(staff);
  if (amount) await staff.getByRole('textbox', { name: 'Amount to refund' }).fill(amount);
  await staff.getByRole('button', { name: 'Refund', exact: true }).click();
  await expect(staff.getByText('Refunded. The customer has been e-mailed.')).toBeVisible(SLOW);
  expect(await stockOf(staff, title)).toBe(before + 1);
  await ctx.close();
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

test('by card: a customer returns one item of two, staff approve, receive with restock and refund through Stripe; the customer sees it refunded', async ({
  page,
  browser,
}) => {
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

  // Staff refund it by card, through Stripe's fake; the customer sees it refunded, the order partly refunded.
  await staffHandle(browser, returnNumber, 'Yak Wool Hiking Socks');
  await shopper.reload();
  await expect(shopper.getByRole('paragraph').filter({ hasText: /^Refunded$/ })).toBeVisible(SLOW);
  await expect(shopper.getByRole('listitem').filter({ hasText: 'Refunded' }).filter({ hasText: '$24.00' })).toBeVisible();
  // The order page lists it, and a stranger's browser sees neither page.
  await shopper.getByRole('link', { name: `Order ${number}` }).click();
  await expect(shopper.getByRole('link', { name: `Return ${returnNumber}` })).toBeVisible(SLOW);
  await expect(shopper.getByText('Partly refunded', { exact: true })).toBeVisible();
  const stranger = await browser.newContext();
  const s = await stranger.newPage();
  await s.goto(`/returns/${returnNumber}`);
  await expect(s.getByRole('heading', { level: 1, name: 'We can’t show that return here' })).toBeVisible();
  await s.goto(`/returns?order=${number}`);
  await expect(s.getByRole('heading', { level: 1, name: 'Start a return from your order' })).toBeVisible();
  await stranger.close();
  await other.close();
});

test('by PayPal: the same with a partial refund, lower than proposed', async ({ page, browser }) => {
  test.setTimeout(180_000);
  const number = await payFor(page, 'paypal');
  await page.goto(`/orders/${number}`);
  const returnNumber = await requestReturn(page, /Camel Wool Mittens/, '1', 'Changed my mind');
  await staffHandle(browser, returnNumber, 'Camel Wool Mittens', '10.00');
  await page.reload();
  await expect(page.getByRole('paragraph').filter({ hasText: /^Refunded$/ })).toBeVisible(SLOW);
  await expect(page.getByRole('listitem').filter({ hasText: 'Refunded' }).filter({ hasText: '$10.00' })).toBeVisible();
  await page.goto(`/orders/${number}`);
  await expect(page.getByText('Partly refunded', { exact: true })).toBeVisible();
  await expect(
    page
      .getByRole('listitem')
      .filter({ hasText: `Refunded for return ${returnNumber}` })
      .filter({ hasText: '$10.00' }),
  ).toBeVisible();
});

test('without JavaScript, a customer finds the order, returns an item and reads the return page', async ({ page, browser }) => {
  test.setTimeout(180_000);
  const number = await payByCard(page);
  const ctx = await browser.newContext({ javaScriptEnabled: false });
  const shopper = await ctx.newPage();
  await shopper.goto('/orders/lookup');
  await shopper.getByRole('textbox', { name: 'Order number' }).fill(number);
  await shopper.getByRole('textbox', { name: 'E-mail' }).fill(EMAIL);
  await shopper.getByRole('button', { name: 'Find my order' }).click();
  await expect(shopper.getByRole('heading', { level: 1, name: `Order ${number}` })).toBeVisible(SLOW);
  await shopper.getByRole('link', { name: 'Return items' }).click();
  const line = shopper.getByRole('group', { name: /Camel Wool Mittens/ });
  await line.getByRole('combobox', { name: 'How many to return' }).selectOption('1');
  await line.getByRole('combobox', { name: 'Reason' }).selectOption({ label: 'Other' });
  // "Other" without a word: the page answers with the field's message, the choices kept.
  await shopper.getByRole('button', { name: 'Request the return' }).click();
  await expect(shopper.getByText('Tell us the reason in a few words')).toBeVisible(SLOW);
  await expect(line.getByRole('combobox', { name: 'Reason' })).toHaveValue('other');
  await line.getByRole('textbox', { name: /Tell us more/ }).fill('A gift that did not fit');
  await shopper.getByRole('button', { name: 'Request the return' }).click();
  await expect(shopper.getByRole('heading', { level: 1, name: /^Return R-\d+$/ })).toBeVisible(SLOW);
  await expect(shopper.getByText('“A gift that did not fit”', { exact: false })).toBeVisible();
  await ctx.close();
});
