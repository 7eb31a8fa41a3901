import fs from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { a11yViolations, expectNoA11yViolations } from './support/a11y';
import { hydrated, signInAsOwner, SLOW } from './support/staff';

// Runs after admin.spec.ts (files run in name order, one at a time), which sets up the owner;
// run alone, signInAsOwner sets the owner up itself.
test.describe.configure({ mode: 'serial', timeout: 120_000 });

const HEADER =
  'Handle,Title,Body (Markdown),Material,Wool,Origin,Care,Collections,Status,Option1 Name,Option1 Value,Option2 Name,Option2 Value,Variant SKU,Variant Price,Variant Compare At Price,Variant Inventory Qty';
const row = (handle: string, title: string, sku: string, price: string, size = 'One size') =>
  `${handle},${title},"Stuffed with carded wool.\n\n- Hand felted",felt,TRUE,Kharkhorin,Brush gently.,,active,Size,${size},Colour,Natural,${sku},${price},,6`;
const file = (name: string, lines: string[]) => ({ name, mimeType: 'text/csv', buffer: Buffer.from([HEADER, ...lines].join('\r\n')) });

const SLUG = 'orkhon-valley-felt-cushion';
const TITLE = 'Orkhon Valley Felt Cushion';

test('the catalog goes out as CSV and comes back: the check lists bad rows and writes nothing, the import shows on the storefront at once', async ({
  page,
}) => {
  await signInAsOwner(page, '/admin/products');
  await page.getByRole('link', { name: 'Import CSV' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Import products' })).toBeVisible();
  await hydrated(page);
  await expectNoA11yViolations(page);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'export of the catalog' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^products-\d{4}-\d{2}-\d{2}\.csv$/);
  const exported = await fs.readFile((await download.path())!, 'utf8');
  expect(exported).toContain('Handle,Title,Body (Markdown)');
  expect(exported.split('\n').length).toBeGreaterThan(20);

  await page.getByLabel('CSV file').setInputFiles(file('bad.csv', [row(SLUG, TITLE, 'OVC-1', '-1.00'), row('Second Cushion', 'Second', 'OVC-2', '20.00')]));
  await page.getByRole('button', { name: 'Check the file' }).click();
  await expect(page.getByRole('alert').filter({ hasText: '2 problems in the file. Nothing was imported' })).toBeVisible(SLOW);
  const problems = page.getByRole('table', { name: 'Problems in the file, by row' });
  await expect(problems.getByRole('row', { name: /2 Variant Price The price cannot be negative/ })).toBeVisible();
  await expect(problems.getByRole('row', { name: /3 Handle A slug is lower-case letters/ })).toBeVisible();
  await expectNoA11yViolations(page);
  expect((await page.request.get(`/products/${SLUG}`)).status()).toBe(404);

  await page.getByLabel('CSV file').setInputFiles(file('cushions.csv', [row(SLUG, TITLE, 'OVC-1', '58.00'), row(SLUG, '', 'OVC-2', '72.00', 'Large')]));
  await page.getByRole('button', { name: 'Check the file' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'cushions.csv is ready to import' })).toBeVisible(SLOW);
  await expect(page.getByText('1 new product')).toBeVisible();
  expect((await page.request.get(`/products/${SLUG}`)).status()).toBe(404);
  await page.getByRole('button', { name: 'Import cushions.csv' }).click();
  await expect(page.getByText('Imported. The storefront shows the changes now.')).toBeVisible(SLOW);

  await page.goto(`/products/${SLUG}`);
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  await expect(page.getByText('$58.00').first()).toBeVisible();
});

test('the import check works without JavaScript', async ({ page, browser }) => {
  await signInAsOwner(page, '/admin/products/import');
  const context = await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() });
  try {
    const plain = await context.newPage();
    await plain.goto('/admin/products/import');
    await plain.getByLabel('CSV file').setInputFiles(file('plain.csv', [row('no-js-cushion', 'No-JS cushion', 'NJC-1', '0.00')]));
    await plain.getByRole('button', { name: 'Check the file' }).click();
    await expect(plain.getByRole('alert').filter({ hasText: '1 problem in the file' })).toBeVisible(SLOW);
    await expect(plain.getByRole('cell', { name: 'The price must be more than 0.00' })).toBeVisible();
  } finally {
    await context.close();
  }
});

test('every staff page passes axe-core’s WCAG A/AA checks', async ({ page }) => {
  await signInAsOwner(page);
  const product = await page.request.get('/admin/products?q=' + SLUG);
  const productPath = /href="(\/admin\/products\/c[a-z0-9]+)"/.exec(await product.text())?.[1];
  const order = /href="(\/admin\/orders\/c[a-z0-9]+)"/.exec(await (await page.request.get('/admin/orders')).text())?.[1];
  // scripts/e2e-seed-return.ts leaves one return waiting for approval, with a photo.
  const ret = /href="(\/admin\/returns\/c[a-z0-9]+)"/.exec(await (await page.request.get('/admin/returns')).text())?.[1];
  expect(ret, 'the e2e data holds a return').toBeTruthy();
  const pages = [
    '/admin',
    '/admin/products',
    '/admin/products/new',
    productPath,
    '/admin/orders',
    order,
    '/admin/returns',
    '/admin/returns?view=all',
    ret,
    '/admin/outbox',
    '/admin/staff',
    '/admin/audit',
  ];
  // Every page scanned before the verdict, so one run lists them all.
  const found: string[] = [];
  for (const path of pages.filter((p): p is string => Boolean(p))) {
    await page.goto(path);
    await hydrated(page);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    found.push(...(await a11yViolations(page)).map((v) => `${path}: ${v}`));
  }
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Staff sign-in' })).toBeVisible();
  found.push(...(await a11yViolations(page)).map((v) => `/admin/sign-in: ${v}`));
  expect(found).toEqual([]);
});
