import type { ImportReport } from '@/lib/catalog/admin/csv-import';

/** What the catalog import's server action answers its form with (the report without its cache tags). A type-only import: the client bundle gets no lib code. */
export type CsvImportReportView = Omit<ImportReport, 'tags'>;

export interface CsvImportState {
  attempt: number;
  /** A problem with the request itself (no file, too large). */
  message: string | null;
  report: CsvImportReportView | null;
  /** A file that passed its check, carried in the form so "Import" needs no second upload. */
  checked: { name: string; data: string } | null;
}

export const initialCsvImportState: CsvImportState = { attempt: 0, message: null, report: null, checked: null };
