import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { beforeAll, expect, it } from 'vitest';
import type { StaffActor } from '@/lib/auth/permissions';
import { PermissionError } from '@/lib/auth/permissions';
import { dropCheckedFile, findCheckedFile, keepCheckedFile } from '@/lib/catalog/admin/checked-file';
import { CSV_COLUMNS } from '@/lib/catalog/admin/csv-columns';
import { exportCatalogCsv } from '@/lib/catalog/admin/csv-export';
import { importCatalogCsv, IMPORT_STOCK_REASON } from '@/lib/catalog/admin/csv-import';
import { seedCatalog } from '@/lib/catalog/seed-catalog';
import { describeEachDatabase } from '../support/databases';
import { snapshotTables } from '../support/snapshot';
import { makeActor } from '../support/staff';

const SITE = 'https://shop.example';
const opts = { currency: 'USD' };

/** The exported file as rows of column → value, to change and write back. */
function rowsOf(text: string): Record<string, string>[] {
  const [header, ...rows] = parse(text, { bom: true }) as string[][];
  return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? ''])));
}
const toCsv = (rows: Record<string, string>[]) => stringify([[...CSV_COLUMNS], ...rows.map((r) => CSV_COLUMNS.map((c) => r[c] ?? ''))]);

const newProduct = (extra: Record<string, string> = {}) => ({
  Handle: 'khangai-felt-slippers',
  Title: 'Khangai felt slippers',
  'Body (Markdown)': 'Felted by hand from sheep wool.\n\n- Warm\n- Light',
  Material: 'felt',
  Wool: 'TRUE',
  Origin: 'Arkhangai aimag',
  Care: 'Brush off dust; air them out.',
  Collections: '',
  Status: 'active',
  'Option1 Name': 'Size',
  'Option1 Value': '38',
  'Option2 Name': 'Colour',
  'Option2 Value': 'Grey',
  'Variant SKU': 'KFS-38-GRY',
  'Variant Price': '64.00',
  'Variant Inventory Qty': '5',
  ...extra,
});

describeEachDatabase('catalog CSV export and import', (ctx) => {
  let manager: StaffActor;
  let editor: StaffActor;
  beforeAll(async () => {
    await seedCatalog(ctx.db);
    manager = await makeActor(ctx.db, 'manager');
    editor = await makeActor(ctx.db, 'editor');
  });

  it('exports every product and variant, and the export imports back as “nothing to change”', async () => {
    const text = await exportCatalogCsv(ctx.db, manager, SITE);
    expect(text.startsWith('\uFEFFHandle,Title,Body (Markdown),')).toBe(true);
    const rows = rowsOf(text);
    expect(rows.filter((r) => r['Variant SKU']).length).toBe(await ctx.db.variant.count());
    expect(new Set(rows.map((r) => r.Handle)).size).toBe(await ctx.db.product.count());
    const withImage = rows.find((r) => r['Image Src']);
    expect(withImage?.['Image Src']).toMatch(/^https:\/\/shop\.example\/images\/products\/.+\.webp$/);
    const before = await snapshotTables(ctx.db);
    const dry = await importCatalogCsv(ctx.db, manager, text, { ...opts, dryRun: true });
    expect(dry).toMatchObject({ problems: [], created: [], updated: [], stockChanges: [], applied: false });
    expect(dry.unchanged).toBe(await ctx.db.product.count());
    const real = await importCatalogCsv(ctx.db, manager, text, { ...opts, dryRun: false });
    expect(real.problems).toEqual([]);
    expect(await snapshotTables(ctx.db)).toBe(before);
  });

  it('a dry run lists every bad row — the file’s and the database’s — and writes nothing', async () => {
    const taken = await ctx.db.variant.findFirstOrThrow({ include: { product: true } });
    const file = toCsv([
      newProduct({ 'Variant Price': '-1.00' }),
      newProduct({ Handle: 'second-new', 'Variant SKU': taken.sku, Collections: 'no-such-collection' }),
      newProduct({ Handle: 'third-new', 'Variant SKU': 'TN-1', 'Variant Inventory Qty': '-3' }),
    ]);
    const before = await snapshotTables(ctx.db);
    for (const dryRun of [true, false]) {
      const r = await importCatalogCsv(ctx.db, manager, file, { ...opts, dryRun });
      expect(r.applied).toBe(false);
      expect(r.problems.map((p) => `${p.row} ${p.column}: ${p.message}`)).toEqual([
        '2 Variant Price: The price cannot be negative',
        expect.stringMatching(/^3 Collections: No collection “no-such-collection”\. The shop's collections are: .*knitwear/),
        `3 Variant SKU: SKU ${taken.sku} already belongs to ${taken.product.slug}. Each SKU is used once.`,
        '4 Variant Inventory Qty: The stock cannot be negative',
      ]);
    }
    expect(await snapshotTables(ctx.db)).toBe(before);
  });

  it('imports new products and changes to existing ones in one go: prices, a new variant, stock in the history, the audit log', async () => {
    const rows = rowsOf(await exportCatalogCsv(ctx.db, manager, SITE));
    const first = rows.find((r) => r['Variant SKU'] && r.Title)!;
    const handle = first.Handle!;
    const variant = await ctx.db.variant.findUniqueOrThrow({ where: { sku: first['Variant SKU'] } });
    const product = await ctx.db.product.findUniqueOrThrow({ where: { slug: handle } });
    const changed = rows
      .filter((r) => r.Handle === handle)
      .map((r) => (r['Variant SKU'] === first['Variant SKU'] ? { ...r, 'Variant Price': '999.00', 'Variant Inventory Qty': String(variant.stock + 4) } : r));
    changed.push({
      Handle: handle,
      'Option1 Value': 'XXL',
      'Option2 Value': 'Night blue',
      'Variant SKU': 'NEW-XXL-NB',
      'Variant Price': '10.00',
      'Variant Inventory Qty': '2',
    });
    const file = toCsv([...changed, newProduct(), newProduct({ Title: '', 'Option1 Value': '39', 'Variant SKU': 'KFS-39-GRY', 'Variant Inventory Qty': '' })]);

    const dry = await importCatalogCsv(ctx.db, manager, file, { ...opts, dryRun: true });
    expect(dry).toMatchObject({
      problems: [],
      created: ['khangai-felt-slippers'],
      updated: [handle],
      stockChanges: [{ sku: variant.sku, from: variant.stock, to: variant.stock + 4 }],
      applied: false,
    });
    expect(await ctx.db.product.count({ where: { slug: 'khangai-felt-slippers' } })).toBe(0);

    const r = await importCatalogCsv(ctx.db, manager, file, { ...opts, dryRun: false });
    expect(r.applied).toBe(true);
    expect(r.tags).toEqual(expect.arrayContaining(['products', `product:${handle}`, 'product:khangai-felt-slippers']));
    const made = await ctx.db.product.findUniqueOrThrow({ where: { slug: 'khangai-felt-slippers' }, include: { variants: { orderBy: { position: 'asc' } } } });
    expect(made).toMatchObject({ title: 'Khangai felt slippers', material: 'felt', isWool: true, status: 'active', minPriceCents: 6400 });
    expect(made.editedAt).toBeInstanceOf(Date);
    expect(made.variants.map((v) => [v.sku, v.size, v.stock])).toEqual([
      ['KFS-38-GRY', '38', 5],
      ['KFS-39-GRY', '39', 0],
    ]);
    const after = await ctx.db.variant.findUniqueOrThrow({ where: { id: variant.id } });
    expect(after).toMatchObject({ priceCents: 99900, stock: variant.stock + 4 });
    expect(await ctx.db.variant.findUniqueOrThrow({ where: { sku: 'NEW-XXL-NB' } })).toMatchObject({ productId: product.id, stock: 2 });
    expect(await ctx.db.stockAdjustment.findFirst({ where: { variantId: variant.id, reason: IMPORT_STOCK_REASON } })).toMatchObject({
      delta: 4,
      stockAfter: variant.stock + 4,
      actorId: manager.id,
    });
    expect(await ctx.db.auditEntry.count({ where: { action: 'product.update', entityId: product.id, actorId: manager.id } })).toBe(1);
    expect(await ctx.db.auditEntry.count({ where: { action: 'product.create', entityId: made.id } })).toBe(1);
    // Variants not in the file are kept: an import never deletes.
    const kept = await ctx.db.variant.count({ where: { productId: product.id } });
    expect(kept).toBe(changed.filter((c) => c['Variant SKU']).length);
  });

  it('is all or nothing: one refused product in the file and none of the good ones is written', async () => {
    const taken = await ctx.db.variant.findFirstOrThrow({ where: { sku: { not: 'KFS-38-GRY' } } });
    const file = toCsv([newProduct({ Handle: 'good-one', 'Variant SKU': 'GOOD-1' }), newProduct({ Handle: 'bad-one', 'Variant SKU': taken.sku })]);
    const before = await snapshotTables(ctx.db);
    const r = await importCatalogCsv(ctx.db, manager, file, { ...opts, dryRun: false });
    expect(r.applied).toBe(false);
    expect(r.problems).toHaveLength(1);
    expect(await snapshotTables(ctx.db)).toBe(before);
  });

  it('needs the catalog permission for both ways', async () => {
    await expect(exportCatalogCsv(ctx.db, editor, SITE)).rejects.toBeInstanceOf(PermissionError);
    const before = await snapshotTables(ctx.db);
    await expect(
      importCatalogCsv(ctx.db, editor, toCsv([newProduct({ Handle: 'by-editor', 'Variant SKU': 'ED-1' })]), { ...opts, dryRun: false }),
    ).rejects.toBeInstanceOf(PermissionError);
    expect(await snapshotTables(ctx.db)).toBe(before);
  });

  it('neutralises spreadsheet formulas on the way out and reads them back unchanged', async () => {
    const file = toCsv([newProduct({ Handle: 'formula-felt', 'Variant SKU': 'FF-1', Title: '=HYPERLINK("http://evil.example")' })]);
    expect((await importCatalogCsv(ctx.db, manager, file, { ...opts, dryRun: false })).applied).toBe(true);
    const out = rowsOf(await exportCatalogCsv(ctx.db, manager, SITE)).find((r) => r.Handle === 'formula-felt')!;
    expect(out.Title).toBe('\'=HYPERLINK("http://evil.example")');
    expect(out['Body (Markdown)']).toBe('Felted by hand from sheep wool.\n\n- Warm\n- Light');
    const again = await importCatalogCsv(ctx.db, manager, await exportCatalogCsv(ctx.db, manager, SITE), { ...opts, dryRun: true });
    expect(again).toMatchObject({ problems: [], created: [], updated: [] });
    expect((await ctx.db.product.findUniqueOrThrow({ where: { slug: 'formula-felt' } })).title).toBe('=HYPERLINK("http://evil.example")');
  });

  it('keeps a checked file for its own staff member only, one each, for a day, and forgets it once imported', async () => {
    const other = await makeActor(ctx.db, 'manager');
    const now = new Date('2026-11-28T09:00:00Z');
    const first = await keepCheckedFile(ctx.db, manager, 'a.csv', 'Handle\na\n', now);
    expect(await findCheckedFile(ctx.db, manager, first, now)).toEqual({ name: 'a.csv', content: 'Handle\na\n' });
    // Another staff member cannot import it by its key.
    expect(await findCheckedFile(ctx.db, other, first, now)).toBeNull();
    await dropCheckedFile(ctx.db, other, first);
    expect(await findCheckedFile(ctx.db, manager, first, now)).not.toBeNull();
    // A newer check replaces it: the old key finds nothing.
    const second = await keepCheckedFile(ctx.db, manager, 'b.csv', 'Handle\nb\n', now);
    expect(await findCheckedFile(ctx.db, manager, first, now)).toBeNull();
    expect((await findCheckedFile(ctx.db, manager, second, now))?.name).toBe('b.csv');
    // Past its day it is gone, and the next keep clears it from the table.
    const later = new Date(now.getTime() + 24 * 3_600_000 + 1);
    expect(await findCheckedFile(ctx.db, manager, second, later)).toBeNull();
    const others = await keepCheckedFile(ctx.db, other, 'c.csv', 'Handle\nc\n', later);
    expect(await ctx.db.catalogImportFile.count({ where: { staffUserId: manager.id } })).toBe(0);
    // Dropped after its import: only that key.
    await dropCheckedFile(ctx.db, other, others);
    expect(await findCheckedFile(ctx.db, other, others, later)).toBeNull();
  });

  it('two checks at once by one staff member leave exactly one file, under a key one of them handed out', async () => {
    const keys = await Promise.all(Array.from({ length: 6 }, (_, i) => keepCheckedFile(ctx.db, manager, `${i}.csv`, `Handle\n${i}\n`)));
    const rows = await ctx.db.catalogImportFile.findMany({ where: { staffUserId: manager.id } });
    expect(rows).toHaveLength(1);
    expect(keys).toContain(rows[0]!.id);
  });
});
