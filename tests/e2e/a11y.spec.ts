import { expect, test, type Page } from '@playwright/test';
import { contrastAround, expectNoA11yViolations, sizeOf, tabTo } from './support/a11y';
import { addFromProductPage, fillAddress } from './support/checkout';

// Runs in both projects: desktop (1280 px) and phone (375 px); see playwright.config.ts.

const SHOPPER_PAGES = [
  { name: 'home', path: '/' },
  { name: 'catalog', path: '/products' },
  { name: 'a filtered search', path: '/products?q=wool&material=yak&sort=price-asc' },
  { name: 'a collection', path: '/collections/scarves-and-shawls' },
  { name: 'a product', path: '/products/selenge-button-cardigan' },
  { name: 'the journal', path: '/blog' },
  { name: 'an article', path: '/blog/protocol-turns-into-an-invitation' },
  { name: 'an empty cart', path: '/cart' },
  { name: 'the order lookup', path: '/orders/lookup' },
  { name: 'an unknown product', path: '/products/no-such-thing' },
  { name: 'an unknown address', path: '/no-such-page' },
];

/** The page with its scripts running and the cart fetched (the header's count is then final). */
async function settled(page: Page, path: string) {
  const cart = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/cart');
  await page.goto(path);
  await cart;
}

test.describe('axe-core finds no WCAG 2.x A/AA violation', () => {
  // A scan takes seconds on a busy 2-core machine; the journey below makes five.
  test.describe.configure({ timeout: 120_000 });
  for (const { name, path } of SHOPPER_PAGES) {
    test(name, async ({ page }) => {
      await settled(page, path);
      await expectNoA11yViolations(page, name);
    });
  }

  test('the drawer, the cart, checkout and the order confirmation', async ({ page }) => {
    const drawer = await addFromProductPage(page, 'suutei-tsai-brick-tea', { size: '250 g' });
    await expect(drawer.getByRole('status')).toContainText('Added');
    await expectNoA11yViolations(page, 'the open drawer');

    await settled(page, '/cart');
    await expect(page.getByRole('list', { name: 'Items in your cart' }).getByRole('listitem')).toHaveCount(1);
    await expectNoA11yViolations(page, 'a cart with a line');

    await page.getByRole('link', { name: 'Checkout' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Delivery and payment' })).toBeVisible();
    await expectNoA11yViolations(page, 'checkout');
    // The form sent empty: every field error on show.
    await page.getByRole('radio', { name: /Test payment/ }).check();
    await page.getByRole('button', { name: /Place order/ }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Please correct the fields marked below.' })).toBeVisible();
    await expectNoA11yViolations(page, 'checkout with field errors');

    await fillAddress(page, 'a11y@example.com');
    await page.getByRole('radio', { name: /Test payment/ }).check();
    await page.getByRole('button', { name: /Place order/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Thank you for your order' })).toBeVisible();
    await expectNoA11yViolations(page, 'the order confirmation');
  });
});

test.describe('focus indicators reach 3:1 on every background', () => {
  const cases = [
    { where: 'the announcement bar', path: '/', target: (p: Page) => p.locator('.announcement').getByRole('link') },
    { where: 'the story band', path: '/', target: (p: Page) => p.locator('.story').getByRole('link').first() },
    { where: 'the footer', path: '/', target: (p: Page) => p.getByRole('contentinfo').getByRole('link').first() },
    { where: 'the footer phone link', path: '/', target: (p: Page) => p.getByRole('contentinfo').getByRole('link', { name: /\+1/ }) },
    { where: 'the page', path: '/products', target: (p: Page) => p.getByRole('search').getByRole('button', { name: 'Search' }) },
  ];
  for (const { where, path, target } of cases) {
    test(where, async ({ page }) => {
      await settled(page, path);
      await page.keyboard.press('Tab'); // keyboard use: focus rings show from here on
      const el = target(page);
      await el.focus();
      await expect(el).toBeFocused();
      expect(await el.evaluate((e) => e.matches(':focus-visible'))).toBe(true);
      expect(await el.evaluate((e) => getComputedStyle(e).outlineStyle)).not.toBe('none');
      const ratio = await contrastAround(el, 'outlineColor');
      test.info().annotations.push({ type: 'focus ring contrast', description: ratio.toFixed(2) });
      expect(ratio).toBeGreaterThanOrEqual(3);
    });
  }
});

test('form fields and the free-shipping bar are outlined at 3:1', async ({ page }) => {
  await settled(page, '/products');
  for (const field of [page.getByRole('combobox', { name: 'Sort by' }), page.getByRole('searchbox', { name: 'Search the shop' })]) {
    expect(await contrastAround(field, 'borderTopColor', true)).toBeGreaterThanOrEqual(3);
  }
  const drawer = await addFromProductPage(page, 'suutei-tsai-brick-tea', { size: '250 g' });
  // The bar's track: its outline against the box it sits in.
  expect(await contrastAround(drawer.getByRole('progressbar'), 'borderTopColor', true)).toBeGreaterThanOrEqual(3);
  await page.goto('/checkout');
  expect(await contrastAround(page.getByRole('textbox', { name: 'E-mail' }), 'borderTopColor', true)).toBeGreaterThanOrEqual(3);
  expect(await contrastAround(page.getByRole('combobox', { name: 'Country' }), 'borderTopColor', true)).toBeGreaterThanOrEqual(3);
});

test.describe('tap targets', () => {
  test('buy and cart controls are at least 44 × 44 px', async ({ page }) => {
    await addFromProductPage(page, 'felt-camel-toy', { size: '15 cm' });
    await page.getByRole('dialog').getByRole('button', { name: 'Close cart' }).click();
    const drawer = await addFromProductPage(page, 'felt-camel-toy', { size: '25 cm' });
    const sizes: Record<string, { width: number; height: number }> = {};
    sizes['Add to cart'] = await sizeOf(page.getByRole('button', { name: 'Add to cart' }));
    const name = 'Felt Camel Toy, Camel, 25 cm';
    for (const label of [`Decrease quantity of ${name}`, `Increase quantity of ${name}`, `Remove ${name}`, 'Close cart']) {
      sizes[`drawer: ${label}`] = await sizeOf(drawer.getByRole('button', { name: label }));
    }
    sizes['drawer: Checkout'] = await sizeOf(drawer.getByRole('link', { name: 'Checkout' }));
    await page.goto('/cart');
    for (const label of [`Decrease quantity of ${name}`, `Increase quantity of ${name}`, `Remove ${name}`]) {
      sizes[`cart: ${label}`] = await sizeOf(page.getByRole('main').getByRole('button', { name: label }));
    }
    sizes['cart: Checkout'] = await sizeOf(page.getByRole('main').getByRole('link', { name: 'Checkout' }));
    test.info().annotations.push({ type: 'sizes', description: JSON.stringify(sizes) });
    for (const [label, size] of Object.entries(sizes)) {
      expect(size.width, `${label} width`).toBeGreaterThanOrEqual(44);
      expect(size.height, `${label} height`).toBeGreaterThanOrEqual(44);
    }
  });

  test('links are at least 24 × 24 px: share links, heading anchors, breadcrumb, footer', async ({ page }) => {
    const targets: [string, ReturnType<Page['locator']>][] = [];
    await page.goto('/blog/protocol-turns-into-an-invitation');
    const share = page.locator('.share');
    for (const name of ['Email', 'X', 'Facebook']) targets.push([`share ${name}`, share.getByRole('link', { name, exact: true })]);
    const anchors = page.locator('.heading-anchor');
    expect(await anchors.count()).toBeGreaterThan(0);
    const check = async () => {
      for (const [label, target] of targets.splice(0)) {
        await target.scrollIntoViewIfNeeded();
        const s = await sizeOf(target);
        test.info().annotations.push({ type: 'size', description: `${label}: ${s.width} × ${s.height}` });
        expect(s.width, `${label} width`).toBeGreaterThanOrEqual(24);
        expect(s.height, `${label} height`).toBeGreaterThanOrEqual(24);
      }
    };
    for (let i = 0; i < (await anchors.count()); i++) targets.push([`heading anchor ${i}`, anchors.nth(i)]);
    await check();
    await page.goto('/products/selenge-button-cardigan');
    for (const name of ['Shop', 'Cashmere Knitwear'])
      targets.push([`breadcrumb ${name}`, page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name })]);
    const footerLinks = page.getByRole('contentinfo').getByRole('link');
    for (let i = 0; i < (await footerLinks.count()); i++) targets.push([`footer link ${i}`, footerLinks.nth(i)]);
    await check();
  });
});

test('the cart link names what it shows: "Cart" and the count', async ({ page }) => {
  await addFromProductPage(page, 'felt-camel-toy', { size: '15 cm' });
  await page.getByRole('dialog').getByRole('button', { name: 'Close cart' }).click();
  const link = page.getByRole('banner').getByRole('link', { name: /^Cart/ });
  await expect(link).toHaveAccessibleName('Cart 1 item');
  await expect(link).toContainText('1');
});

test('the drawer does not slide when the shopper asks for reduced motion', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const drawer = await addFromProductPage(page, 'felt-yurt-coasters');
  const motion = await drawer.evaluate((d) => {
    const s = getComputedStyle(d);
    return { animation: s.animationName, transition: s.transitionDuration };
  });
  expect(motion.animation).toBe('none');
  expect(motion.transition.split(',').every((t) => parseFloat(t) === 0)).toBe(true);
});

test('the unknown-address 404 keeps the header, navigation and footer', async ({ page }) => {
  const res = await page.goto('/no-such-page');
  expect(res?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: 'We couldn’t find that page' })).toBeVisible();
  await expect(page.getByRole('banner')).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await expect(page.getByRole('contentinfo')).toBeVisible();
  await expect(page.getByRole('banner').getByRole('link', { name: /^Cart/ })).toBeVisible();
  await tabTo(page, page.getByRole('link', { name: 'Skip to content' }), 3);
});
