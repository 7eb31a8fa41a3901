'use server';

import { revalidatePath, updateTag } from 'next/cache';
import { z } from 'zod';
import { toReportView, type CsvImportState } from '@/components/admin/csv-import-state';
import { requireStaff } from '@/lib/auth/server';
import { dropCheckedFile, findCheckedFile, keepCheckedFile } from '@/lib/catalog/admin/checked-file';
import { importCatalogCsv } from '@/lib/catalog/admin/csv-import';
import { MAX_CSV_BYTES } from '@/lib/catalog/admin/csv-read';
import { shopConfig } from '@/lib/config';
import { db } from '@/lib/db';

const MB = MAX_CSV_BYTES / 1024 / 1024;

const importFormSchema = z.object({
  intent: z.enum(['check', 'import'], { error: 'Choose “Check the file” or “Import”.' }),
  // The key of the checked file kept on the server (lib/catalog/admin/checked-file.ts).
  checked: z.uuid({ error: 'Choose the file again.' }).optional(),
});

/**
 * Checks (dry run) or imports a catalog CSV. The file comes as an upload, or, for "Import" after a
 * check, as the copy kept on the server when it passed (the form carries its key); either way it is
 * read and checked again in full.
 */
export async function importCsvAction(prev: CsvImportState, form: FormData): Promise<CsvImportState> {
  const actor = await requireStaff('manageCatalog', '/admin/products/import');
  const attempt = prev.attempt + 1;
  const refuse = (message: string): CsvImportState => ({ attempt, message, report: null, checked: null });
  const str = (k: string) => {
    const v = form.get(k);
    return typeof v === 'string' && v !== '' ? v : undefined;
  };
  const parsed = importFormSchema.safeParse({ intent: str('intent'), checked: str('checked') });
  if (!parsed.success) return refuse(parsed.error.issues[0]!.message);
  const file = form.get('file');
  let text: string;
  let name: string;
  if (file instanceof File && file.size > 0) {
    if (file.size > MAX_CSV_BYTES) return refuse(`The file is larger than ${MB} MB. Split it into smaller files.`);
    text = await file.text();
    name = file.name.slice(0, 200);
  } else if (parsed.data.intent === 'import' && parsed.data.checked) {
    const kept = await findCheckedFile(db(), actor, parsed.data.checked);
    if (!kept) return refuse('The checked file is no longer here (it was imported, replaced by a newer check, or kept over a day). Choose it again.');
    text = kept.content;
    name = kept.name;
  } else {
    return refuse('Choose a CSV file first.');
  }
  const report = await importCatalogCsv(db(), actor, text, { dryRun: parsed.data.intent === 'check', currency: shopConfig().SHOP_CURRENCY });
  if (report.applied) {
    for (const t of report.tags) updateTag(t);
    revalidatePath('/admin/products');
    if (parsed.data.checked) await dropCheckedFile(db(), actor, parsed.data.checked);
  }
  const passed = !report.applied && report.problems.length === 0 && parsed.data.intent === 'check';
  const checked = passed ? { name, key: await keepCheckedFile(db(), actor, name, text) } : null;
  return { attempt, message: null, report: toReportView(report), checked };
}
