/**
 * The catalog CSV's columns. Shopify's product CSV names where ours mean the same thing (Handle,
 * Title, Option1/Option2, Variant SKU, Variant Price, Variant Compare At Price, Variant Inventory
 * Qty, Image Src/Position/Alt Text, Status), so a file opens in the tools people already use; the
 * shop's own facts have plain names. Shopify's "Body (HTML)" is HTML: ours is Markdown, so it is
 * "Body (Markdown)". As in Shopify's file, a product's fields are on its first row; each further
 * row with the same Handle is another variant (or only another image).
 */
export const CSV_COLUMNS = [
  'Handle',
  'Title',
  'Body (Markdown)',
  'Material',
  'Wool',
  'Origin',
  'Care',
  'Collections',
  'Status',
  'Option1 Name',
  'Option1 Value',
  'Option2 Name',
  'Option2 Value',
  'Variant SKU',
  'Variant Price',
  'Variant Compare At Price',
  'Variant Inventory Qty',
  'Image Src',
  'Image Position',
  'Image Alt Text',
] as const;

export type CsvColumn = (typeof CSV_COLUMNS)[number];

/** Columns an import can do without: the option names (always Size and Colour), the optional variant fields, and the images (only written: an import never fetches images). */
export const OPTIONAL_COLUMNS: CsvColumn[] = [
  'Option1 Name',
  'Option2 Name',
  'Variant Compare At Price',
  'Variant Inventory Qty',
  'Image Src',
  'Image Position',
  'Image Alt Text',
];
export const REQUIRED_COLUMNS: CsvColumn[] = CSV_COLUMNS.filter((c) => !OPTIONAL_COLUMNS.includes(c));

export const OPTION_NAMES = { 'Option1 Name': 'Size', 'Option2 Name': 'Colour' } as const;

/** Which column a product form field comes from, to put a refusal on the right cell. */
export const PRODUCT_FIELD_COLUMNS: Record<string, CsvColumn> = {
  title: 'Title',
  slug: 'Handle',
  description: 'Body (Markdown)',
  material: 'Material',
  isWool: 'Wool',
  origin: 'Origin',
  care: 'Care',
  collections: 'Collections',
  status: 'Status',
};

export const VARIANT_FIELD_COLUMNS: Record<string, CsvColumn> = {
  sku: 'Variant SKU',
  size: 'Option1 Value',
  colour: 'Option2 Value',
  price: 'Variant Price',
  compareAt: 'Variant Compare At Price',
  stock: 'Variant Inventory Qty',
};
