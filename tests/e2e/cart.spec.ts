import { randomBytes } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { addFromProductPage, openProduct } from './support/checkout';

test('fill a cart, cross the free Express threshold, and find it again after a reload', async ({ page }) => {
  // $115 of wool: $35.01 to go (the offer needs strictly more than $150.00).
  let drawer = await addFromProductPage(page, 'tuul-cashmere-scarf', { colour: 'Oat' });
  await expect(drawer.getByText('Add $35.01 more in wool goods for free Express shipping')).toBeVisible();
  await expect(drawer.getByRole('status')).toContainText('Added Tuul Cashmere Scarf (Oat, 180 × 30 cm) to your cart. Your cart has 1 item.');
  await drawer.getByRole('button', { name: 'Close cart' }).click();
  await expect(drawer).toBeHidden();

  // A $26 book is not wool: the distance to free Express does not change.
  drawer = await addFromProductPage(page, 'choibalsan-era-history-book', { size: 'Paperback' });
  await expect(drawer.getByRole('list', { name: 'Items in your cart' }).getByRole('listitem')).toHaveCount(2);
  await expect(drawer.getByText('Add $35.01 more in wool goods for free Express shipping')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Cart 2 items' })).toBeVisible();

  // A second scarf: $230 of wool.
  await drawer.getByRole('button', { name: 'Increase quantity of Tuul Cashmere Scarf, Oat, 180 × 30 cm' }).click();
  await expect(drawer.getByRole('group', { name: 'Quantity of Tuul Cashmere Scarf, Oat, 180 × 30 cm' }).getByText('2')).toBeVisible();
  await expect(drawer.getByText('Free Express shipping unlocked')).toBeVisible();
  await expect(drawer.getByText('$256.00')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Cart 3 items' })).toBeVisible();

  await page.reload();
  await expect(page.getByRole('link', { name: 'Cart 3 items' })).toBeVisible();
  await page.getByRole('link', { name: 'Cart 3 items' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your cart' })).toBeVisible();
  const express = page.getByRole('radio', { name: /Express/ });
  await expect(express).toBeChecked();
  await expect(page.locator('.totals__total')).toContainText('$256.00');

  // Switch to Standard and back; the total follows the server's rule.
  await page.getByRole('radio', { name: /Standard/ }).check();
  await expect(page.locator('.totals__total')).toContainText('$265.95');
  await page.getByRole('button', { name: /^Remove The Steppe Between Empires/ }).click();
  await expect(page.getByRole('list', { name: 'Items in your cart' }).getByRole('listitem')).toHaveCount(1);
  await expect(page.locator('.totals__total')).toContainText('$239.95');
});

test('asking for more than the stock keeps the most there is, with a message', async ({ page }) => {
  const name = 'Gobi Crew-Neck Sweater, Charcoal, XL';
  let drawer = await addFromProductPage(page, 'gobi-crew-neck-sweater', { colour: 'Charcoal', size: 'XL', quantity: '2' });
  await expect(drawer.getByRole('group', { name: `Quantity of ${name}` }).getByText('2')).toBeVisible();
  // The stepper stops at the stock and says why.
  await expect(drawer.getByRole('button', { name: `Increase quantity of ${name}` })).toBeDisabled();
  await expect(drawer.getByText('Only 2 left in stock')).toBeVisible();
  await drawer.getByRole('button', { name: 'Close cart' }).click();
  // Asking again from the product page: the line keeps the 2 there are, and the shopper is told.
  drawer = await addFromProductPage(page, 'gobi-crew-neck-sweater', { colour: 'Charcoal', size: 'XL' });
  await expect(drawer.locator('.drawer__notice')).toHaveText('Only 2 left in stock');
  await expect(drawer.getByRole('group', { name: `Quantity of ${name}` }).getByText('2')).toBeVisible();
  // Read out from inside the open drawer, and not as "Added": nothing was.
  await expect(drawer.getByRole('status')).toContainText(
    'Only 2 left in stock: your cart already has 2 of Gobi Crew-Neck Sweater (Charcoal, XL), so nothing was added.',
  );
});

test('a change the server refuses rolls back and says why', async ({ page }) => {
  const drawer = await addFromProductPage(page, 'felt-camel-toy', { size: '15 cm' });
  const name = 'Felt Camel Toy, Camel, 15 cm';
  await page.route('**/api/cart/lines/*', (route) =>
    route.request().method() === 'PATCH'
      ? route.fulfill({ status: 409, contentType: 'application/json', body: JSON.stringify({ error: 'Sorry, that one is sold out.' }) })
      : route.continue(),
  );
  await drawer.getByRole('button', { name: `Increase quantity of ${name}` }).click();
  await expect(drawer.getByRole('alert')).toHaveText('Sorry, that one is sold out.');
  await expect(drawer.getByRole('group', { name: `Quantity of ${name}` }).getByText('1')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Cart 1 item' })).toBeVisible();
});

test('the drawer is a keyboard-friendly dialog', async ({ page }) => {
  const drawer = await addFromProductPage(page, 'felt-yurt-coasters');
  await expect(drawer.getByRole('button', { name: 'Close cart' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();
});

test('product pages stay cached for a shopper with a cart', async ({ page, request }) => {
  await addFromProductPage(page, 'felt-camel-toy', { size: '25 cm' });
  const cookies = await page.context().cookies();
  const cart = cookies.find((c) => c.name === 'cart');
  expect(cart).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
  const headers = { cookie: `cart=${cart!.value}` };
  await request.get('/products/felt-camel-toy', { headers });
  const again = await request.get('/products/felt-camel-toy', { headers });
  expect(again.headers()['x-nextjs-cache']).toBe('HIT');
});

// The chosen variant's id, as the page itself sends it when adding to the cart.
async function variantIdOf(page: Page, slug: string, choose: { colour?: string; size?: string } = {}): Promise<string> {
  await openProduct(page, slug, choose);
  const id = await page.locator('form.buy-box').getAttribute('data-variant-id');
  if (!id) throw new Error(`no variant on ${slug}`);
  return id;
}

test.describe('the cart API refuses bad input and changes nothing', () => {
  test('bad quantities, variants and bodies', async ({ page, request }) => {
    const good = await variantIdOf(page, 'felt-yurt-coasters');
    const ok = await request.post('/api/cart/lines', { data: { variantId: good, quantity: 1 } });
    expect(ok.status()).toBe(200);
    const headers = { cookie: ok.headers()['set-cookie']!.split(';')[0]! };

    const cases: [object, number, RegExp][] = [
      [{ variantId: good, quantity: 0 }, 400, /from 1 to 10/],
      [{ variantId: good, quantity: -1 }, 400, /from 1 to 10/],
      [{ variantId: good, quantity: 2.5 }, 400, /whole number/],
      [{ variantId: good, quantity: 'abc' }, 400, /from 1 to 10/],
      [{ variantId: good, quantity: 1e9 }, 400, /from 1 to 10/],
      [{ variantId: 'not an id', quantity: 1 }, 400, /does not exist/],
      [{ variantId: 'cxxxxxxxxxxxxxxxxxxxxxxxx', quantity: 1 }, 404, /not available/],
      [{ variantId: good, quantity: 1, priceCents: 1 }, 400, /./], // unknown fields are refused; prices are never taken
    ];
    for (const [data, status, message] of cases) {
      const res = await request.post('/api/cart/lines', { data, headers });
      expect(res.status(), JSON.stringify(data)).toBe(status);
      expect((await res.json()).error, JSON.stringify(data)).toMatch(message);
    }
    const patch = await request.patch(`/api/cart/lines/${good}`, { data: { quantity: 0 }, headers });
    expect(patch.status()).toBe(400);
    const badPath = await request.delete('/api/cart/lines/..%2F..%2Fetc', { headers });
    expect(badPath.status()).toBe(400);
    const big = await request.post('/api/cart/lines', {
      headers: { ...headers, 'content-type': 'application/json' },
      data: JSON.stringify({ variantId: good, quantity: 1, pad: 'x'.repeat(11 * 1024) }),
    });
    expect(big.status()).toBe(413);
    const cross = await request.post('/api/cart/lines', { data: { variantId: good, quantity: 1 }, headers: { ...headers, origin: 'https://evil.example' } });
    expect(cross.status()).toBe(403);

    const after = await (await request.get('/api/cart', { headers })).json();
    expect(after.cart.itemCount).toBe(1);
    expect(after.cart.lines[0].quantity).toBe(1);
  });

  test('a made-up cookie finds nobody’s cart: it starts an empty one of its own', async ({ page, request }) => {
    // Made up afresh each run: a fixed one would find the cart the previous run (of --repeat-each) filled.
    const forged = { cookie: `cart=${randomBytes(32).toString('base64url')}` };
    expect((await (await request.get('/api/cart', { headers: forged })).json()).cart.lines).toEqual([]);
    const res = await request.post('/api/cart/lines', {
      headers: forged,
      data: { variantId: await variantIdOf(page, 'felt-camel-toy', { size: '15 cm' }), quantity: 1 },
    });
    expect(res.status()).toBe(200);
    expect((await res.json()).cart.itemCount).toBe(1);
    const malformed = await request.post('/api/cart/lines', {
      headers: { cookie: 'cart=%' },
      data: { variantId: await variantIdOf(page, 'felt-camel-toy', { size: '15 cm' }), quantity: 1 },
    });
    expect(malformed.status()).toBe(200);
    expect(malformed.headers()['set-cookie']).toMatch(/^cart=[A-Za-z0-9_-]{43};/);
    expect((await malformed.json()).cart.itemCount).toBe(1);
  });
});
