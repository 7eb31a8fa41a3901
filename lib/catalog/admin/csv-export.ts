import { stringify } from 'csv-stringify/sync';
import type { Db } from '../../db';
import { authorize, type StaffActor } from '../../auth/permissions';
import { formatMajorUnits } from '../../money';
import { protectCell } from './csv-cells';
import { CSV_COLUMNS, OPTION_NAMES, type CsvColumn } from './csv-columns';

/**
 * The whole catalog as CSV (every status), in the columns of csv-columns.ts: one row per variant,
 * the product's fields on its first row, images beside the variants and on rows of their own
 * when there are more images than variants. Reads back through csv-read.ts unchanged.
 */
export async function exportCatalogCsv(db: Db, actor: StaffActor, siteUrl: string): Promise<string> {
  authorize(actor, 'manageCatalog');
  const products = await db.product.findMany({
    orderBy: { slug: 'asc' },
    include: {
      variants: { orderBy: [{ position: 'asc' }, { sku: 'asc' }] },
      images: { orderBy: [{ position: 'asc' }, { id: 'asc' }] },
      collections: { orderBy: { position: 'asc' }, include: { collection: { select: { slug: true } } } },
    },
  });
  const rows: string[][] = [];
  for (const p of products) {
    const count = Math.max(p.variants.length, p.images.length, 1);
    for (let i = 0; i < count; i++) {
      const r: Partial<Record<CsvColumn, string>> = { Handle: p.slug };
      if (i === 0) {
        Object.assign(r, {
          Title: p.title,
          'Body (Markdown)': p.description,
          Material: p.material,
          Wool: p.isWool ? 'TRUE' : 'FALSE',
          Origin: p.origin,
          Care: p.care,
          Collections: p.collections.map((c) => c.collection.slug).join(', '),
          Status: p.status,
          ...OPTION_NAMES,
        });
      }
      const v = p.variants[i];
      if (v) {
        Object.assign(r, {
          'Option1 Value': v.size,
          'Option2 Value': v.colour,
          'Variant SKU': v.sku,
          'Variant Price': formatMajorUnits(v.priceCents),
          'Variant Compare At Price': v.compareAtCents === null ? '' : formatMajorUnits(v.compareAtCents),
          'Variant Inventory Qty': String(v.stock),
        });
      }
      const img = p.images[i];
      if (img) Object.assign(r, { 'Image Src': new URL(img.path, siteUrl).href, 'Image Position': String(i + 1), 'Image Alt Text': img.alt });
      rows.push(CSV_COLUMNS.map((c) => protectCell(r[c] ?? '')));
    }
  }
  // A byte-order mark so spreadsheet programs open the file as UTF-8 (Ölgii, Khövsgöl …); csv-read.ts skips it.
  return '\uFEFF' + stringify([[...CSV_COLUMNS], ...rows], { record_delimiter: '\r\n' });
}
