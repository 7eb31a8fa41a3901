import { expect, test, type Page } from '@playwright/test';
import { expectVisibleFocus, tabTo } from './support/a11y';
import { openProduct } from './support/checkout';

// A shopper with a keyboard only, and a screen reader that reads the accessibility tree: the cart
// announces from inside the open drawer (the rest of the page is inert while the modal is open).

/** Keyboard-adds the product on show and waits for the server's answer. */
async function addByKeyboard(page: Page) {
  const added = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/cart/lines' && r.request().method() === 'POST');
  const button = page.getByRole('button', { name: 'Add to cart' });
  await tabTo(page, button);
  await page.keyboard.press('Enter');
  await added;
  const drawer = page.getByRole('dialog', { name: 'Your cart' });
  await expect(drawer).toBeVisible();
  return drawer;
}

test('choose, add, change the quantity, remove and close, all by keyboard, with every change announced in the drawer', async ({ page }) => {
  // Choose a colour and a size with the arrow keys.
  await openProduct(page, 'selenge-button-cardigan');
  const colour = page.getByRole('group', { name: /Colour/ });
  await tabTo(page, colour.getByRole('radio', { checked: true }));
  await page.keyboard.press('ArrowRight');
  await expect(colour.getByRole('radio', { name: 'Rust' })).toBeChecked();
  await expect(colour.getByRole('radio', { name: 'Rust' })).toBeFocused();
  const size = page.getByRole('group', { name: /Size/ });
  await tabTo(page, size.getByRole('radio', { checked: true }));
  await expect(size.getByRole('radio', { name: 'L', exact: true })).toBeChecked();
  let drawer = await addByKeyboard(page);

  // Focus moves into the drawer; the add is read out from inside it.
  await expect(drawer.getByRole('button', { name: 'Close cart' })).toBeFocused();
  await expect(drawer.getByRole('status')).toHaveText('Added Selenge Button Cardigan (Rust, L) to your cart. Your cart has 1 item.');
  // Escape closes it and gives the focus back to the button that opened it.
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();
  await expect(page.getByRole('button', { name: 'Add to cart' })).toBeFocused();

  await openProduct(page, 'sheep-wool-neck-warmer');
  drawer = await addByKeyboard(page);
  await expect(drawer.getByRole('status')).toContainText('Added Sheep Wool Neck Warmer (Charcoal, One size) to your cart. Your cart has 2 items.');
  const cardigan = 'Selenge Button Cardigan, Rust, L';

  // Up to 2 and down to 1: the focus stays on the button, which says it cannot go lower.
  const increase = drawer.getByRole('button', { name: `Increase quantity of ${cardigan}` });
  const decrease = drawer.getByRole('button', { name: `Decrease quantity of ${cardigan}` });
  await tabTo(page, increase);
  await page.keyboard.press('Enter');
  await expect(drawer.getByRole('status')).toHaveText('Selenge Button Cardigan: quantity 2. Your cart has 3 items.');
  await tabTo(page, decrease, 5, 'Shift+Tab');
  await page.keyboard.press('Enter');
  await expect(drawer.getByRole('status')).toHaveText('Selenge Button Cardigan: quantity 1. Your cart has 2 items.');
  await expect(decrease).toBeFocused();
  await expect(decrease).toBeDisabled();
  await page.keyboard.press('Enter'); // nothing to take away: nothing happens, the focus stays
  await expect(decrease).toBeFocused();
  await expect(drawer.getByRole('group', { name: `Quantity of ${cardigan}` })).toContainText('1');

  // Remove the first line: the focus lands on the next line, not on <body>.
  await tabTo(page, drawer.getByRole('button', { name: `Remove ${cardigan}` }));
  await page.keyboard.press('Enter');
  await expect(drawer.getByRole('status')).toHaveText('Removed Selenge Button Cardigan. Your cart has 1 item.');
  await expect(drawer.getByRole('listitem')).toHaveCount(1);
  expect(await expectVisibleFocus(page)).toMatch(/Sheep Wool Neck Warmer/);
  await expect(drawer.locator(':focus')).toHaveCount(1);

  // Remove the last one: the focus stays in the drawer, on something visible.
  await tabTo(page, drawer.getByRole('button', { name: /^Remove Sheep Wool Neck Warmer/ }));
  await page.keyboard.press('Enter');
  await expect(drawer.getByText('Your cart is empty.')).toBeVisible();
  await expect(drawer.getByRole('status')).toHaveText('Removed Sheep Wool Neck Warmer. Your cart has 0 items.');
  await expect(drawer.getByRole('button', { name: 'Close cart' })).toBeFocused();
  await expectVisibleFocus(page);
  // The next Tab stays in the drawer (it left the page when the focus had fallen to <body>).
  await page.keyboard.press('Tab');
  await expect(drawer.getByRole('link', { name: 'Browse the shop' })).toBeFocused();
  await page.keyboard.press('Shift+Tab');

  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();
  await expect(page.getByRole('button', { name: 'Add to cart' })).toBeFocused();
});

test('an add capped at the stock says what happened instead of "Added"', async ({ page }) => {
  await openProduct(page, 'sheep-wool-neck-warmer', { colour: 'Oat' });
  await page.getByRole('combobox', { name: 'Quantity' }).selectOption('3');
  let drawer = await addByKeyboard(page);
  await expect(drawer.getByRole('status')).toContainText('Added 3 × Sheep Wool Neck Warmer (Oat, One size)');
  await page.keyboard.press('Escape');
  drawer = await addByKeyboard(page);
  const status = drawer.getByRole('status');
  await expect(status).toContainText('Only 3 left in stock');
  await expect(status).toContainText('nothing was added');
  await expect(status).not.toContainText('Added');
});

test('on /cart, − at 1 and Remove keep the focus on the page', async ({ page }) => {
  for (const [slug, choose] of [
    ['felt-storage-basket', { size: 'Small' }],
    ['yak-down-wrap', { colour: 'Brown' }],
  ] as const) {
    await openProduct(page, slug, choose);
    await addByKeyboard(page);
    await page.keyboard.press('Escape');
  }
  await page.goto('/cart');
  const main = page.getByRole('main');
  const basket = 'Felt Storage Basket, Charcoal, Small';
  await tabTo(page, main.getByRole('button', { name: `Increase quantity of ${basket}` }));
  await page.keyboard.press('Enter');
  await expect(main.getByRole('group', { name: `Quantity of ${basket}` })).toContainText('2');
  const decrease = main.getByRole('button', { name: `Decrease quantity of ${basket}` });
  await tabTo(page, decrease, 5, 'Shift+Tab');
  await page.keyboard.press('Enter');
  await expect(main.getByRole('group', { name: `Quantity of ${basket}` })).toContainText('1');
  await expect(decrease).toBeFocused();
  await expect(page.getByRole('status')).toHaveText('Felt Storage Basket: quantity 1. Your cart has 2 items.');

  await tabTo(page, main.getByRole('button', { name: `Remove ${basket}` }));
  await page.keyboard.press('Enter');
  await expect(main.getByRole('list', { name: 'Items in your cart' }).getByRole('listitem')).toHaveCount(1);
  expect(await expectVisibleFocus(page)).toMatch(/Yak Down Wrap/);
  await tabTo(page, main.getByRole('button', { name: /^Remove Yak Down Wrap/ }));
  await page.keyboard.press('Enter');
  await expect(main.getByText('Your cart is empty.')).toBeVisible();
  expect(await expectVisibleFocus(page)).toMatch(/Your cart is empty/);
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 375, height: 800 }, hasTouch: true });

  test('sort by keyboard: the arrow keys step through the choices, a button applies it, the focus stays', async ({ page }) => {
    await page.goto('/collections/cashmere-knitwear');
    // Every request for a sorted page (a navigation, or its prefetch) from here on.
    const sorted: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('sort=')) sorted.push(r.url());
    });
    const sort = page.getByRole('combobox', { name: 'Sort by' });
    await tabTo(page, sort, 60);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(sort).toHaveValue('price-asc');
    await expect(sort).toBeFocused();
    await page.keyboard.press('Tab');
    const apply = page.getByRole('button', { name: 'Sort', exact: true });
    await expect(apply).toBeFocused();
    // Stepping through the choices asked for nothing (it navigated on the first key press).
    expect(sorted).toEqual([]);
    await expect(page).toHaveURL(/\/collections\/cashmere-knitwear$/);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/sort=price-asc/);
    await expect(page.getByRole('combobox', { name: 'Sort by' })).toHaveValue('price-asc');
    await expect(apply).toBeFocused();
    const prices = (await page.getByRole('list', { name: 'Products' }).locator('.price__now').allTextContents()).map((t) => Number(t.replace(/[^\d]/g, '')));
    expect(prices).toEqual([...prices].sort((a, b) => a - b));
  });

  test('filter by keyboard: Escape folds the panel back to its button, Apply lands on the results', async ({ page }) => {
    await page.goto('/products');
    const toggle = page.getByRole('button', { name: /^Filters/ });
    await tabTo(page, toggle, 60);
    await page.keyboard.press('Enter');
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('combobox', { name: 'Collection' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(toggle).toBeFocused();
    await expect(page.getByRole('button', { name: 'Apply filters' })).toBeHidden();

    await page.keyboard.press('Enter');
    const felt = page.getByRole('checkbox', { name: /Felt/ });
    await tabTo(page, felt);
    await page.keyboard.press('Space');
    await expect(felt).toBeChecked();
    await tabTo(page, page.getByRole('button', { name: 'Apply filters' }));
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/material=felt/);
    const results = page.getByRole('heading', { name: /products? .*for Felt/ });
    await expect(results).toBeFocused();
    await expectVisibleFocus(page);
    await expect(page.getByRole('button', { name: 'Filters (1)' })).toHaveAttribute('aria-expanded', 'false');
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the Sort button sorts (a plain GET form)', async ({ page }) => {
    await page.goto('/products?material=cashmere');
    await page.getByRole('combobox', { name: 'Sort by' }).selectOption('price-desc');
    await page.getByRole('button', { name: 'Sort', exact: true }).click();
    await expect(page).toHaveURL(/material=cashmere/);
    await expect(page).toHaveURL(/sort=price-desc/);
    await expect(page.getByRole('combobox', { name: 'Sort by' })).toHaveValue('price-desc');
  });
});
