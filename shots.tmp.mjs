import { chromium } from '@playwright/test';
const base = 'http://127.0.0.1:3600';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
const page = await ctx.newPage();
await page.goto(base + '/admin');
await page.waitForLoadState('networkidle');
if (await page.getByRole('button', { name: 'Create the owner account' }).isVisible()) {
  await page.getByLabel('Your name').fill('Oyun');
  await page.getByLabel('E-mail').fill('owner@example.com');
  await page.getByLabel('Password').fill('the owner password 1');
  await page.getByRole('button', { name: 'Create the owner account' }).click();
  await page.getByRole('heading', { level: 1, name: 'Hello, Oyun' }).waitFor({ timeout: 30000 });
}
else {
  await page.getByLabel('E-mail').fill('owner@example.com');
  await page.getByLabel('Password').fill('the owner password 1');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: 'Hello, Oyun' }).waitFor({ timeout: 30000 });
}
const state = await ctx.storageState();
const csv = ['Handle,Title,Body (Markdown),Material,Wool,Origin,Care,Collections,Status,Option1 Name,Option1 Value,Option2 Name,Option2 Value,Variant SKU,Variant Price,Variant Compare At Price,Variant Inventory Qty',
 'felt-cushion,Felt cushion,Body,felt,TRUE,Kharkhorin,Brush.,,active,Size,M,Colour,Grey,FC-1,-1.00,,3',
 'Bad Handle,Other,Body,polyester,TRUE,Kharkhorin,Brush.,knitwear,active,Size,M,Colour,Grey,FC-2,10.00,,3'].join('\n');
for (const width of [1280, 375]) {
  const c = await browser.newContext({ viewport: { width, height: 900 }, storageState: state });
  const p = await c.newPage();
  for (const [name, path] of [['dashboard', '/admin'], ['products', '/admin/products'], ['import', '/admin/products/import'], ['orders', '/admin/orders']]) {
    await p.goto(base + path);
    await p.waitForLoadState('networkidle');
    await p.screenshot({ path: `/tmp/shots/${name}-${width}.png`, fullPage: true });
  }
  await p.goto(base + '/admin/products/import');
  await p.waitForLoadState('networkidle');
  await p.getByLabel('CSV file').setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await p.getByRole('button', { name: 'Check the file' }).click();
  await p.getByText('problems in the file.').first().waitFor();
  await p.screenshot({ path: `/tmp/shots/import-problems-${width}.png`, fullPage: true });
  await c.close();
}
await browser.close();
