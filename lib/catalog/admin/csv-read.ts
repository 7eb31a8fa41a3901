import { parse } from 'csv-parse/sync';
import type { z } from 'zod';
import { MATERIAL_KEYS, MATERIALS } from '../materials';
import { unprotectCell } from './csv-cells';
import { CSV_COLUMNS, OPTION_NAMES, PRODUCT_FIELD_COLUMNS, REQUIRED_COLUMNS, VARIANT_FIELD_COLUMNS, type CsvColumn } from './csv-columns';
import { productInputSchema, SLUG_MESSAGE, type ProductInput } from './input';
import { isSlug } from '../../slug';

/**
 * Reads a catalog CSV into products the product form's own schema accepts, or says what is wrong
 * with each row: every row's problems are listed (not only the first), each with its row number as
 * a spreadsheet shows it (the header is row 1) and its column. Nothing here touches the database;
 * csv-import.ts checks the rows against it.
 */
// A 10,017-product catalog of the demo's shape (three variants each) exports as 29,309 rows and 8.4 MB.
export const MAX_CSV_BYTES = 12 * 1024 * 1024;
export const MAX_CSV_ROWS = 40_000;

export interface CsvProblem {
  /** The spreadsheet row (header = 1), or null for the file as a whole. */
  row: number | null;
  column: CsvColumn | null;
  message: string;
}

export interface CsvProduct {
  handle: string;
  /** The product's first row. */
  row: number;
  input: ProductInput;
  /** For each variant in input.variants: its row, and whether the file gives its stock (a blank Variant Inventory Qty leaves stock alone). */
  variantRows: { row: number; stockGiven: boolean }[];
}

export interface CsvRead {
  products: CsvProduct[];
  problems: CsvProblem[];
  /** Columns the file has that the shop does not use (Shopify's Vendor, Tags …): ignored, and said so. */
  ignoredColumns: string[];
}

// A product's own columns (they belong on its first row) and a variant's.
const PRODUCT_COLUMNS: CsvColumn[] = [...Object.values(PRODUCT_FIELD_COLUMNS).filter((c) => c !== 'Handle'), ...(Object.keys(OPTION_NAMES) as CsvColumn[])];
const VARIANT_COLUMNS: CsvColumn[] = Object.values(VARIANT_FIELD_COLUMNS);

function readMaterial(value: string): string {
  const v = value.trim().toLowerCase();
  const byLabel = MATERIAL_KEYS.find((k) => MATERIALS[k].label.toLowerCase() === v);
  return byLabel ?? v;
}

function readWool(value: string): 'on' | undefined | null {
  const v = value.trim().toLowerCase();
  if (['true', 'yes', '1'].includes(v)) return 'on';
  if (['false', 'no', '0', ''].includes(v)) return undefined;
  return null;
}

/** The file's limits: the staff page uses the defaults; a shell load (the import benchmark) may pass larger ones. */
export interface CsvLimits {
  bytes: number;
  rows: number;
}

export function readCatalogCsv(text: string, limits: CsvLimits = { bytes: MAX_CSV_BYTES, rows: MAX_CSV_ROWS }): CsvRead {
  const problems: CsvProblem[] = [];
  const fileProblem = (message: string): CsvRead => ({ products: [], problems: [{ row: null, column: null, message }], ignoredColumns: [] });
  if (Buffer.byteLength(text, 'utf8') > limits.bytes)
    return fileProblem(`The file is larger than ${limits.bytes / 1024 / 1024} MB. Split it into smaller files.`);
  if (text.includes('\u0000')) return fileProblem('This is not a CSV file: save the sheet as “CSV UTF-8” and try again.');

  let records: { record: string[]; info: { records: number } }[];
  try {
    // With info: true each record comes with where it was read (csv-parse's types do not follow the option).
    records = parse(text, {
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: false,
      to: limits.rows + 2,
    }) as unknown as typeof records;
  } catch (e) {
    const where = typeof e === 'object' && e && 'lines' in e ? ` near line ${String((e as { lines: unknown }).lines)}` : '';
    return fileProblem(`The file could not be read as CSV${where}: a quoted cell may be missing its closing quote.`);
  }
  if (records.length === 0) return fileProblem('The file is empty.');
  if (records.length > limits.rows + 1) return fileProblem(`The file has more than ${limits.rows.toLocaleString('en')} rows. Split it into smaller files.`);

  const header = records[0]!.record.map((h) => h.trim());
  const index = new Map<string, number>();
  header.forEach((h, i) => {
    if (index.has(h)) problems.push({ row: 1, column: null, message: `The column “${h}” appears twice.` });
    else index.set(h, i);
  });
  const missing = REQUIRED_COLUMNS.filter((c) => !index.has(c));
  if (missing.length)
    return {
      products: [],
      problems: [
        {
          row: 1,
          column: null,
          message: `The file has no ${missing.map((m) => `“${m}”`).join(', ')} column${missing.length > 1 ? 's' : ''}. Start from an export of this shop.`,
        },
      ],
      ignoredColumns: [],
    };
  if (problems.length) return { products: [], problems, ignoredColumns: [] };
  const known = new Set<string>(CSV_COLUMNS);
  const ignoredColumns = header.filter((h) => h && !known.has(h));

  const cell = (record: string[], column: CsvColumn) => {
    const i = index.get(column);
    // Line breaks inside a cell as Unix writes them, whichever system saved the file.
    return i === undefined ? '' : unprotectCell((record[i] ?? '').replace(/\r\n?/g, '\n'));
  };

  // Rows grouped by Handle, in the order handles first appear.
  const groups = new Map<string, { row: number; record: string[] }[]>();
  for (const { record, info } of records.slice(1)) {
    const row = info.records;
    const handle = cell(record, 'Handle').trim();
    if (!handle) {
      if (record.some((v) => v.trim())) problems.push({ row, column: 'Handle', message: 'Every row needs the Handle of its product.' });
      continue;
    }
    const list = groups.get(handle) ?? [];
    list.push({ row, record });
    groups.set(handle, list);
  }

  const products: CsvProduct[] = [];
  const skuRows = new Map<string, number>();
  for (const [handle, rows] of groups) {
    const first = rows[0]!;
    const before = problems.length;
    for (const later of rows.slice(1)) {
      for (const column of PRODUCT_COLUMNS) {
        const v = cell(later.record, column).trim();
        if (v && v !== cell(first.record, column).trim())
          problems.push({ row: later.row, column, message: `${column} differs from row ${first.row}: a product's fields belong on its first row only.` });
      }
    }
    for (const [column, expected] of Object.entries(OPTION_NAMES) as [CsvColumn, string][]) {
      const v = cell(first.record, column).trim();
      if (v && v.toLowerCase() !== expected.toLowerCase())
        problems.push({ row: first.row, column, message: `${column} must be “${expected}” (the shop's variants have a size and a colour).` });
    }
    const wool = readWool(cell(first.record, 'Wool'));
    if (wool === null) problems.push({ row: first.row, column: 'Wool', message: 'Wool must be TRUE or FALSE.' });

    const variantRows = rows.filter((r) => VARIANT_COLUMNS.some((c) => cell(r.record, c).trim()));
    const raw = {
      title: cell(first.record, 'Title'),
      slug: handle,
      description: cell(first.record, 'Body (Markdown)'),
      material: readMaterial(cell(first.record, 'Material')),
      ...(wool ? { isWool: wool } : {}),
      origin: cell(first.record, 'Origin'),
      care: cell(first.record, 'Care'),
      status: cell(first.record, 'Status').trim().toLowerCase(),
      collections: cell(first.record, 'Collections')
        .split(',')
        .map((c) => c.trim())
        .filter(Boolean),
      variants: variantRows.map((r) => {
        const compareAt = cell(r.record, 'Variant Compare At Price');
        return {
          sku: cell(r.record, 'Variant SKU'),
          size: cell(r.record, 'Option1 Value'),
          colour: cell(r.record, 'Option2 Value'),
          price: cell(r.record, 'Variant Price'),
          ...(compareAt.trim() ? { compareAt } : {}),
          stock: cell(r.record, 'Variant Inventory Qty'),
        };
      }),
    };
    // Checked here as well as by the schema, whose own check runs only once every field has passed.
    if (!isSlug(handle)) problems.push({ row: first.row, column: 'Handle', message: SLUG_MESSAGE });
    const parsed = productInputSchema.safeParse(raw);
    if (!parsed.success) {
      problems.push(...issuesToProblems(parsed.error.issues, first.row, variantRows).filter((p) => !(p.column === 'Handle' && p.message === SLUG_MESSAGE)));
      continue;
    }
    for (const [i, v] of parsed.data.variants.entries()) {
      const row = variantRows[i]!.row;
      const seen = skuRows.get(v.sku);
      if (seen !== undefined && !rows.some((r) => r.row === seen))
        problems.push({ row, column: 'Variant SKU', message: `SKU ${v.sku} is also on row ${seen}, for another product. Each SKU is used once.` });
      skuRows.set(v.sku, row);
    }
    if (problems.length > before) continue;
    products.push({
      handle,
      row: first.row,
      input: parsed.data,
      variantRows: variantRows.map((r) => ({ row: r.row, stockGiven: cell(r.record, 'Variant Inventory Qty').trim() !== '' })),
    });
  }
  return { products, problems: problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0)), ignoredColumns };
}

function issuesToProblems(issues: z.core.$ZodIssue[], productRow: number, variantRows: { row: number }[]): CsvProblem[] {
  return issues.map((issue) => {
    const [head, index, field] = issue.path;
    if (head === 'variants' && typeof index === 'number') {
      return { row: variantRows[index]?.row ?? productRow, column: VARIANT_FIELD_COLUMNS[String(field)] ?? 'Variant SKU', message: issue.message };
    }
    if (head === 'variants') return { row: productRow, column: 'Variant SKU', message: issue.message };
    const column = PRODUCT_FIELD_COLUMNS[String(head)] ?? null;
    if (column === 'Material') return { row: productRow, column, message: `Material must be one of: ${MATERIAL_KEYS.join(', ')}.` };
    return { row: productRow, column, message: issue.message };
  });
}
