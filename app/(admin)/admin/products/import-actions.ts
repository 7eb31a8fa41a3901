'use server';

import { revalidatePath, updateTag } from 'next/cache';
import { z } from 'zod';
import type { CsvImportState } from '@/components/admin/csv-import-state';
import { requireStaff } from '@/lib/auth/server';
import { importCatalogCsv } from '@/lib/catalog/admin/csv-import';
import { MAX_CSV_BYTES } from '@/lib/catalog/admin/csv-read';
import { shopConfig } from '@/lib/config';
import { db } from '@/lib/db';

const MB = MAX_CSV_BYTES / 1024 / 1024;

const importFormSchema = z.object({
  intent: z.enum(['check', 'import'], { error: 'Choose “Check the file” or “Import”.' }),
  checkedName: z.string().max(200).optional(),
  // The checked file, base64 (4 characters for every 3 bytes).
  checked: z
    .string()
    .max(Math.ceil(MAX_CSV_BYTES / 3) * 4 + 4, `The file is larger than ${MB} MB.`)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'Choose the file again.')
    .optional(),
});

/**
 * Checks (dry run) or imports a catalog CSV. The file comes as an upload, or, for "Import" after a
 * check, as the checked copy the form carries; either way it is read and checked again in full.
 */
export async function importCsvAction(prev: CsvImportState, form: FormData): Promise<CsvImportState> {
  const actor = await requireStaff('manageCatalog', '/admin/products/import');
  const attempt = prev.attempt + 1;
  const refuse = (message: string): CsvImportState => ({ attempt, message, report: null, checked: null });
  const str = (k: string) => {
    const v = form.get(k);
    return typeof v === 'string' && v !== '' ? v : undefined;
  };
  const parsed = importFormSchema.safeParse({ intent: str('intent'), checkedName: str('checkedName'), checked: str('checked') });
  if (!parsed.success) return refuse(parsed.error.issues[0]!.message);
  const file = form.get('file');
  let text: string;
  let name: string;
  if (file instanceof File && file.size > 0) {
    if (file.size > MAX_CSV_BYTES) return refuse(`The file is larger than ${MB} MB. Split it into smaller files.`);
    text = await file.text();
    name = file.name.slice(0, 200);
  } else if (parsed.data.intent === 'import' && parsed.data.checked) {
    text = Buffer.from(parsed.data.checked, 'base64').toString('utf8');
    name = parsed.data.checkedName ?? 'products.csv';
  } else {
    return refuse('Choose a CSV file first.');
  }
  const report = await importCatalogCsv(db(), actor, text, { dryRun: parsed.data.intent === 'check', currency: shopConfig().SHOP_CURRENCY });
  const { tags, ...view } = report;
  if (report.applied) {
    for (const t of tags) updateTag(t);
    revalidatePath('/admin/products');
  }
  const passed = !report.applied && report.problems.length === 0 && parsed.data.intent === 'check';
  return { attempt, message: null, report: view, checked: passed ? { name, data: Buffer.from(text, 'utf8').toString('base64') } : null };
}
