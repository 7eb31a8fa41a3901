import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS } from './csv-columns';
import { MAX_CSV_BYTES, MAX_CSV_ROWS, readCatalogCsv } from './csv-read';

type Row = Partial<Record<(typeof CSV_COLUMNS)[number] | string, string>>;

const product = (extra: Row = {}): Row => ({
  Handle: 'gobi-crew-neck',
  Title: 'Gobi crew neck',
  'Body (Markdown)': "'- Knitted in Ulaanbaatar\n- Two-ply cashmere",
  Material: 'cashmere',
  Wool: 'TRUE',
  Origin: 'Ulaanbaatar',
  Care: 'Hand wash cold.',
  Collections: 'knitwear, bestsellers',
  Status: 'active',
  'Option1 Name': 'Size',
  'Option1 Value': 'M',
  'Option2 Name': 'Colour',
  'Option2 Value': 'Oatmeal',
  'Variant SKU': 'gcn-m-oat',
  'Variant Price': '189.00',
  'Variant Compare At Price': '',
  'Variant Inventory Qty': '7',
  ...extra,
});
const variant = (extra: Row = {}): Row => ({
  Handle: 'gobi-crew-neck',
  'Option1 Value': 'L',
  'Option2 Value': 'Oatmeal',
  'Variant SKU': 'GCN-L-OAT',
  'Variant Price': '189.00',
  'Variant Inventory Qty': '',
  ...extra,
});

function csv(rows: Row[], columns: string[] = [...CSV_COLUMNS]): string {
  return stringify([columns, ...rows.map((r) => columns.map((c) => r[c] ?? ''))]);
}

describe('reading a catalog CSV', () => {
  it('groups rows by Handle into products the product form accepts, one variant per row, image-only rows skipped', () => {
    const read = readCatalogCsv(
      '\uFEFF' +
        csv([product(), variant(), { Handle: 'gobi-crew-neck', 'Image Src': 'https://shop.example/media/x.webp', 'Image Position': '3' }]).replace(
          /\n/g,
          '\r\n',
        ),
    );
    expect(read.problems).toEqual([]);
    expect(read.ignoredColumns).toEqual([]);
    expect(read.products).toHaveLength(1);
    const [p] = read.products;
    expect(p!.row).toBe(2);
    expect(p!.input).toMatchObject({
      slug: 'gobi-crew-neck',
      title: 'Gobi crew neck',
      description: '- Knitted in Ulaanbaatar\n- Two-ply cashmere',
      material: 'cashmere',
      isWool: true,
      collections: ['knitwear', 'bestsellers'],
      status: 'active',
    });
    expect(p!.input.variants.map((v) => [v.sku, v.size, v.colour, v.priceCents, v.compareAtCents, v.initialStock])).toEqual([
      ['GCN-M-OAT', 'M', 'Oatmeal', 18900, null, 7],
      ['GCN-L-OAT', 'L', 'Oatmeal', 18900, null, 0],
    ]);
    expect(p!.variantRows).toEqual([
      { row: 2, stockGiven: true },
      { row: 3, stockGiven: false },
    ]);
  });

  it('lists every row’s problems with its row and column, not only the first', () => {
    const read = readCatalogCsv(
      csv([
        product({ Title: '' }),
        variant({ 'Variant Price': '-5' }),
        variant({ 'Variant SKU': 'bad sku!', 'Option1 Value': 'XL' }),
        product({ Handle: 'Not A Slug', 'Variant SKU': 'X-1', Wool: 'maybe' }),
        product({ Handle: 'steppe-scarf', Material: 'polyester', Status: 'live', 'Variant SKU': 'SS-1', 'Variant Compare At Price': '10.00' }),
        { 'Variant SKU': 'ORPHAN' },
      ]),
    );
    expect(read.products).toEqual([]);
    expect(read.problems).toEqual([
      { row: 2, column: 'Title', message: 'Enter a title' },
      { row: 3, column: 'Variant Price', message: 'The price cannot be negative' },
      { row: 4, column: 'Variant SKU', message: 'A SKU uses letters, digits, dots, hyphens and underscores' },
      { row: 5, column: 'Wool', message: 'Wool must be TRUE or FALSE.' },
      { row: 5, column: 'Handle', message: 'A slug is lower-case letters and digits joined by hyphens, e.g. gobi-crew-neck' },
      { row: 6, column: 'Material', message: 'Material must be one of: cashmere, yak, camel, sheep-wool, felt, leather, ceramics, books, tea.' },
      { row: 6, column: 'Status', message: 'Choose draft, active or archived' },
      { row: 6, column: 'Variant Compare At Price', message: 'The compare-at price must be more than the price' },
      { row: 7, column: 'Handle', message: 'Every row needs the Handle of its product.' },
    ]);
  });

  it('reports a bad Handle together with the row’s other problems, not after they are mended', () => {
    const read = readCatalogCsv(csv([product({ Handle: 'Bad Handle', Material: 'polyester' })]));
    expect(read.problems.map((p) => p.column)).toEqual(['Handle', 'Material']);
  });

  it('accepts a material by its label, Wool as yes/no, and says which columns it ignores', () => {
    const read = readCatalogCsv(csv([product({ Material: 'Yak wool', Wool: 'no', Vendor: 'Someone' })], [...CSV_COLUMNS, 'Vendor', 'Tags']));
    expect(read.problems).toEqual([]);
    expect(read.products[0]!.input).toMatchObject({ material: 'yak', isWool: false });
    expect(read.ignoredColumns).toEqual(['Vendor', 'Tags']);
  });

  it('keeps a product’s fields on its first row: a different value on a later row is a problem', () => {
    const read = readCatalogCsv(csv([product(), variant({ Title: 'Another title', Status: 'active' })]));
    expect(read.problems).toEqual([
      { row: 3, column: 'Title', message: 'Title differs from row 2: a product’s fields belong on its first row only.'.replace('’', "'") },
    ]);
  });

  it('refuses option names other than Size and Colour, and a SKU used by two products', () => {
    const read = readCatalogCsv(csv([product({ 'Option1 Name': 'Material' }), product({ Handle: 'other-thing', 'Variant SKU': 'GCN-M-OAT' })]));
    expect(read.problems).toEqual([
      { row: 2, column: 'Option1 Name', message: 'Option1 Name must be “Size” (the shop’s variants have a size and a colour).'.replace('’', "'") },
      { row: 3, column: 'Variant SKU', message: 'SKU GCN-M-OAT is also on row 2, for another product. Each SKU is used once.' },
    ]);
  });

  it('answers a broken file, an empty one, a large one and one without the shop’s columns with one sentence', () => {
    expect(readCatalogCsv('Handle,Title\n"gobi,x\n').problems[0]!.message).toMatch(/could not be read as CSV.*closing quote/);
    expect(readCatalogCsv('').problems).toEqual([{ row: null, column: null, message: 'The file is empty.' }]);
    expect(readCatalogCsv('x'.repeat(MAX_CSV_BYTES + 1)).problems[0]!.message).toBe('The file is larger than 12 MB. Split it into smaller files.');
    expect(readCatalogCsv(`Handle\n${'a\n'.repeat(MAX_CSV_ROWS + 1)}`).problems[0]!.message).toBe(
      'The file has more than 40,000 rows. Split it into smaller files.',
    );
    expect(readCatalogCsv('PNG\u0000\u0001').problems[0]!.message).toMatch(/not a CSV file/);
    expect(readCatalogCsv('Handle,Title,Variant SKU\nx,y,z\n').problems).toEqual([
      {
        row: 1,
        column: null,
        message:
          'The file has no “Body (Markdown)”, “Material”, “Wool”, “Origin”, “Care”, “Collections”, “Status”, “Option1 Value”, “Option2 Value”, “Variant Price” columns. Start from an export of this shop.',
      },
    ]);
    expect(readCatalogCsv(csv([product()], [...CSV_COLUMNS, 'Title'])).problems).toEqual([
      { row: 1, column: null, message: 'The column “Title” appears twice.' },
    ]);
  });

  it('refuses a product without variants and a 1 MB title', () => {
    const read = readCatalogCsv(
      csv([
        product({ 'Variant SKU': '', 'Option1 Value': '', 'Option2 Value': '', 'Variant Price': '', 'Variant Inventory Qty': '' }),
        product({ Handle: 'huge', Title: 'x'.repeat(1024 * 1024), 'Variant SKU': 'H-1' }),
      ]),
    );
    expect(read.problems).toEqual([
      { row: 2, column: 'Variant SKU', message: 'Add at least one variant: a size, a colour and a price' },
      { row: 3, column: 'Title', message: 'Keep a title under 200 characters' },
    ]);
  });
});
