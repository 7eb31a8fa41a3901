import { expect, test, type Page } from '@playwright/test';
import sharp from 'sharp';
import { expectNoA11yViolations } from './support/a11y';
import { addToCart, fillAddress } from './support/checkout';
import { hydrated, OWNER, SLOW } from './support/staff';

// The staff area on the e2e server's fresh database: nobody has set it up before this file runs
// (it sorts first; staff-pages.spec.ts, which signs in too, sorts after it). The steps build on each other, in order.
test.describe.configure({ mode: 'serial', timeout: 120_000 });

const MANAGER = { name: 'Bat', email: 'manager@example.com', password: 'the manager password 2' };
const EDITOR = { name: 'Saraa', email: 'editor@example.com', password: 'the editor password 3' };
const TITLE = 'Tsetserleg Felt House Slippers';
const SLUG = 'tsetserleg-felt-house-slippers';

async function signIn(page: Page, who: { email: string; password: string }, path = '/admin') {
  await page.goto(path);
  await expect(page).toHaveURL(/\/admin\/sign-in/);
  await hydrated(page);
  await page.getByLabel('E-mail').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).not.toHaveURL(/\/admin\/sign-in/, SLOW);
}

test('the owner sets up the staff area once, on a fresh database; it is never cached or indexed', async ({ page }) => {
  const first = await page.goto('/admin');
  expect(first?.headers()['cache-control']).toContain('no-store');
  expect(first?.headers()['x-robots-tag']).toContain('noindex');
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);
  await hydrated(page);
  await page.getByRole('button', { name: 'Create the owner account' }).click();
  await expect(page.getByRole('textbox', { name: 'E-mail' })).toHaveAttribute('aria-invalid', 'true');
  await page.goto('/admin');
  await hydrated(page);
  await page.getByLabel('Your name').fill(OWNER.name);
  await page.getByLabel('E-mail').fill(OWNER.email);
  await page.getByLabel('Password').fill('short');
  await page.getByRole('button', { name: 'Create the owner account' }).click();
  await expect(page.getByText('Use at least 12 characters for the password')).toBeVisible();
  // A fresh page for the real attempt (React resets a form after each answer; a fill racing that reset is lost).
  await page.goto('/admin');
  await hydrated(page);
  await page.getByLabel('Your name').fill(OWNER.name);
  await page.getByLabel('E-mail').fill(OWNER.email);
  await page.getByLabel('Password').fill(OWNER.password);
  await page.getByRole('button', { name: 'Create the owner account' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Hello, ${OWNER.name}` })).toBeVisible(SLOW);

  // Signed out, /admin asks for a sign-in; the setup form is gone for good.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Staff sign-in' })).toBeVisible();
  await page.goto('/admin');
  await expect(page.getByRole('heading', { name: 'Staff sign-in' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Create the owner account' })).toHaveCount(0);
});

test('the owner adds a manager and an editor', async ({ page }) => {
  await signIn(page, OWNER);
  await page.getByRole('navigation', { name: 'Staff area' }).getByRole('link', { name: 'Staff' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Staff' })).toBeVisible();
  await hydrated(page);
  for (const [who, role] of [
    [MANAGER, 'manager'],
    [EDITOR, 'editor'],
  ] as const) {
    await page.goto('/admin/staff');
    await hydrated(page);
    await page.getByLabel('Name', { exact: true }).fill(who.name);
    await page.getByLabel('E-mail').fill(who.email);
    await page.getByLabel('Role', { exact: true }).selectOption(role);
    await page.getByLabel('First password').fill(who.password);
    await page.getByRole('button', { name: 'Add staff member' }).click();
    await expect(page.getByText(`${who.email} can now sign in as ${role}.`)).toBeVisible(SLOW);
  }
  await expect(page.getByRole('cell', { name: EDITOR.email, exact: true })).toBeVisible();
  await page.getByRole('link', { name: 'Audit log' }).click();
  await expect(page.getByRole('cell', { name: /^staff\.create/ })).toHaveCount(2);
});

test('a manager creates a product with two variants, sees it in the shop at once, then archives it and it is gone', async ({ page }) => {
  // The collection page is rendered and cached before the product exists.
  await page.goto('/collections/felt-home');
  await expect(page.getByRole('heading', { level: 1, name: 'Felt for the Home' })).toBeVisible();
  await expect(page.getByRole('link', { name: new RegExp(TITLE) })).toHaveCount(0);

  await signIn(page, MANAGER, '/admin/products/new');
  await expect(page.getByRole('heading', { level: 1, name: 'New product' })).toBeVisible();
  await hydrated(page);
  await page.getByLabel('Title').fill(TITLE);
  await page.getByLabel('Description (Markdown)').fill('Felted by hand in **Tsetserleg** from Khangai sheep wool.\n\nSoft underfoot, warm all winter.');
  await page.getByRole('button', { name: 'Preview description' }).click();
  await expect(page.getByRole('region', { name: 'Description preview' }).locator('strong')).toHaveText('Tsetserleg');
  await page.getByLabel('Material').selectOption('felt');
  await page.getByLabel('Made in').fill('Arkhangai aimag');
  await page.getByLabel('Care').fill('Brush off dust and air them out.');
  await page.getByLabel('Status').selectOption('active');
  await page.getByRole('checkbox', { name: 'Felt for the Home' }).check();
  const variants = [
    { sku: 'TFS-38-GRY', size: '38', colour: 'Grey', price: '49.00', stock: '4' },
    { sku: 'TFS-40-GRY', size: '40', colour: 'Grey', price: '52.50', stock: '3' },
  ];
  for (const [i, v] of variants.entries()) {
    const n = i + 1;
    await page.getByLabel(`SKU (variant ${n})`).fill(v.sku);
    await page.getByLabel(`Size (variant ${n})`).fill(v.size);
    await page.getByLabel(`Colour (variant ${n})`).fill(v.colour);
    await page.getByLabel(`Price (variant ${n})`, { exact: true }).fill(v.price);
    await page.getByLabel(`Opening stock (variant ${n})`).fill(v.stock);
  }
  await page.getByRole('button', { name: 'Create product' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved. The shop shows the change now.' })).toBeVisible(SLOW);
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();

  // An image, with its alt text: stored, resized, shown in the shop.
  const png = await sharp({ create: { width: 1200, height: 1500, channels: 3, background: '#8a8580' } })
    .png()
    .toBuffer();
  await page.getByLabel('Image file').setInputFiles({ name: 'slippers.png', mimeType: 'image/png', buffer: png });
  await page.getByLabel('Alt text', { exact: true }).fill('Grey felt slippers side by side on a wooden floor');
  await page.getByRole('button', { name: 'Upload image' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Image added.' })).toBeVisible(SLOW);
  // Not an image: refused with a sentence, nothing added.
  await page.getByLabel('Image file').setInputFiles({
    name: 'evil.svg',
    mimeType: 'image/svg+xml',
    buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
  });
  await page.getByLabel('Alt text', { exact: true }).fill('Nothing');
  await page.getByRole('button', { name: 'Upload image' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'That file is not a JPEG, PNG, WebP or AVIF image' })).toBeVisible(SLOW);
  await expect(page.getByRole('img', { name: 'Nothing' })).toHaveCount(0);

  await page.goto(`/products/${SLUG}`);
  const picture = page.getByRole('img', { name: 'Grey felt slippers side by side on a wooden floor' }).first();
  await expect(picture).toBeVisible();
  await expect.poll(() => picture.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  await expect(page.locator('.prose strong')).toHaveText('Tsetserleg');
  await page.goto('/collections/felt-home');
  await expect(page.getByRole('link', { name: new RegExp(TITLE) }).first()).toBeVisible();

  // Archive it: it leaves its page and the listings at once.
  await page.goto('/admin/products?q=TFS-40');
  await page.getByRole('link', { name: TITLE }).click();
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  await hydrated(page);
  await page.getByLabel('Status').selectOption('archived');
  await page.getByRole('button', { name: 'Save product' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible(SLOW);
  await page.goto(`/products/${SLUG}`);
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toHaveCount(0);
  await page.goto('/collections/felt-home');
  await expect(page.getByRole('heading', { level: 1, name: 'Felt for the Home' })).toBeVisible();
  await expect(page.getByRole('link', { name: new RegExp(TITLE) })).toHaveCount(0);

  // A manager's own limits: the staff page is not theirs.
  const staff = await page.goto('/admin/staff');
  expect(staff?.status()).toBe(403);
  await expect(page.getByRole('heading', { name: 'Your role cannot open this page' })).toBeVisible();
});

test('an editor cannot open the catalog pages (403), and sees no link to them', async ({ page }) => {
  await signIn(page, EDITOR);
  await expect(page.getByRole('heading', { level: 1, name: `Hello, ${EDITOR.name}` })).toBeVisible(SLOW);
  await expect(page.getByRole('navigation', { name: 'Staff area' }).getByRole('link', { name: 'Products' })).toHaveCount(0);
  for (const path of ['/admin/products', '/admin/products/new', '/admin/staff', '/admin/audit']) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(403);
    await expect(page.getByRole('heading', { name: 'Your role cannot open this page' })).toBeVisible();
  }
});

test('an editor writes an article with a cover and publishes it: the journal, its page and the feed show it at once; the catalog stays closed to them', async ({
  page,
}) => {
  const ARTICLE = 'Felt Makers of Tsetserleg';
  const ALT = 'Felt drying on a courtyard fence under a blue sky';
  // The journal is rendered and cached before the article exists.
  await page.goto('/blog');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('link', { name: ARTICLE })).toHaveCount(0);

  await signIn(page, EDITOR, '/admin/articles');
  await expect(page.getByRole('heading', { level: 1, name: 'Articles' })).toBeVisible(SLOW);
  await expect(page.getByRole('navigation', { name: 'Staff area' }).getByRole('link', { name: 'Articles' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('link', { name: 'Marshal G. Demid' }).first()).toBeVisible();
  await expectNoA11yViolations(page);
  await page.getByRole('link', { name: 'New article' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'New article' })).toBeVisible();
  await hydrated(page);
  await page.getByLabel('Title', { exact: true }).fill(ARTICLE);
  await page.getByLabel('Subtitle').fill('A winter with the felters of Arkhangai');
  await page.getByLabel('Excerpt').fill('Three families, one courtyard, and the felt that keeps a ger warm through the winter.');
  await page
    .getByLabel('Article (Markdown)')
    .fill('## The courtyard\n\nWool is laid out in **layers**, wetted, rolled and beaten.\n\n<script>alert(1)</script>');
  // The preview follows the typing, rendered by the journal's own sanitising renderer.
  const preview = page.getByRole('region', { name: 'Preview' });
  await expect(preview.locator('strong')).toHaveText('layers', SLOW);
  await expect(preview.locator('script')).toHaveCount(0);
  await page.getByLabel('Tags').fill('Felt, Arkhangai');
  await expectNoA11yViolations(page);
  await page.getByRole('button', { name: 'Create article' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved as a draft. Readers do not see it.' })).toBeVisible(SLOW);
  await expect(page.getByRole('heading', { level: 1, name: ARTICLE })).toBeVisible();

  // The cover: uploaded with its alt text, cropped to 16:9.
  const png = await sharp({ create: { width: 1200, height: 1500, channels: 3, background: '#7d8a96' } })
    .png()
    .toBuffer();
  await page.getByLabel('Cover image').setInputFiles({ name: 'felt.png', mimeType: 'image/png', buffer: png });
  await page.getByLabel('Alt text of the uploaded cover').fill(ALT);
  await page.getByRole('button', { name: 'Upload cover' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Cover saved.' })).toBeVisible(SLOW);

  // Published a minute ago: in the journal at once.
  await hydrated(page);
  const minuteAgo = new Date(Date.now() - 60_000).toISOString().slice(0, 16);
  await page.getByLabel('Status').selectOption('published');
  await page.getByLabel('Publication date (UTC)').fill(minuteAgo);
  await expect(page.getByLabel('Cover alt text')).toHaveValue(ALT);
  await page.getByRole('button', { name: 'Save article' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved. The journal shows the change now.' })).toBeVisible(SLOW);
  await expectNoA11yViolations(page);

  await page.goto('/blog');
  await page.getByRole('link', { name: ARTICLE }).click();
  await expect(page.getByRole('heading', { level: 1, name: ARTICLE })).toBeVisible();
  await expect(page.locator('.article__body strong')).toHaveText('layers');
  const cover = page.getByRole('img', { name: ALT });
  await expect(cover).toBeVisible();
  await expect.poll(() => cover.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  const feed = await page.request.get('/blog/feed.xml');
  expect(await feed.text()).toContain(ARTICLE);

  // Articles only: the catalog is not theirs.
  const products = await page.goto('/admin/products');
  expect(products?.status()).toBe(403);
});

test('a manager finds a paid order, marks it shipped with a tracking number, and the customer is e-mailed; the overview counts the sale', async ({ page }) => {
  // A shopper buys with the test provider.
  await addToCart(page, 'tuul-cashmere-scarf', { colour: 'Oat' });
  await page.goto('/checkout');
  await hydrated(page);
  await fillAddress(page, 'ships@example.com');
  await page.getByRole('radio', { name: /Test payment — no money moves/ }).check();
  await page.getByRole('button', { name: /Place order/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Thank you for your order' })).toBeVisible(SLOW);
  const number = ((await page.getByText(/^Order MN-1\d{5,}$/).textContent()) ?? '').replace('Order ', '');
  await page.context().clearCookies();

  await signIn(page, MANAGER, '/admin/orders');
  await expect(page.getByRole('heading', { level: 1, name: 'Orders' })).toBeVisible();
  await page.getByLabel('Order number or e-mail').fill('SHIPS@example');
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(page.getByRole('status').filter({ hasText: '1 order, page 1 of 1.' })).toBeVisible();
  await page.getByRole('link', { name: number }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Order ${number}` })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'TCS-18030C-OAT' })).toBeVisible();
  await hydrated(page);

  // A blank carrier is refused beside its field; then it ships.
  await page.getByLabel('Tracking number').fill('JD014600003828');
  await page.getByRole('button', { name: 'Mark as shipped' }).click();
  await expect(page.getByRole('textbox', { name: 'Carrier' })).toHaveAttribute('aria-invalid', 'true', SLOW);
  await page.getByLabel('Carrier').fill('DHL Express');
  await page.getByLabel('Tracking number').fill('JD014600003828');
  await page.getByRole('button', { name: 'Mark as shipped' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Marked as shipped with DHL Express.' })).toBeVisible(SLOW);
  await page.reload();
  await expect(page.getByText('Shipped', { exact: true }).first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Mark as shipped' })).toHaveCount(0);
  await page.getByRole('link', { name: `Order ${number} is on its way` }).click();
  await expect(page.getByText('Tracking number: JD014600003828')).toBeVisible();

  // The overview: the sale is in the last 30 days.
  await page.getByRole('link', { name: 'Overview' }).click();
  await expect(page.getByRole('heading', { name: 'Last 30 days' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Shipped' })).toBeVisible();
  await expect(page.getByRole('term').filter({ hasText: 'Paid orders' })).toBeVisible();
});

test('an editor cannot open orders, the outbox or the overview figures', async ({ page }) => {
  await signIn(page, EDITOR);
  await expect(page.getByRole('heading', { name: 'Last 30 days' })).toHaveCount(0);
  for (const path of ['/admin/orders', '/admin/outbox']) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(403);
  }
});

test('signed out, a staff page sends you to sign in and back; repeated wrong passwords are stopped with a clear message', async ({ page }) => {
  await page.goto('/admin/audit');
  await expect(page).toHaveURL(/\/admin\/sign-in\?next=%2Fadmin%2Faudit/);
  await hydrated(page);
  // The editor's account is the one locked: the owner signs in again in staff-pages.spec.ts, which runs after this file.
  for (let i = 0; i < 5; i++) {
    if (i > 0) {
      await page.reload();
      await hydrated(page);
    }
    await page.getByLabel('E-mail').fill(EDITOR.email);
    await page.getByLabel('Password').fill(`wrong password ${i}`);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'That e-mail and password do not match an active staff account.' })).toBeVisible(SLOW);
  }
  await page.reload();
  await hydrated(page);
  await page.getByLabel('E-mail').fill(EDITOR.email);
  await page.getByLabel('Password').fill(EDITOR.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Too many sign-in attempts. Try again in 15 minutes.' })).toBeVisible(SLOW);
});
