/** What the catalog import's server action answers its form with. Zod-free: the client form imports it. */
export interface CsvImportReportView {
  problems: { row: number | null; column: string | null; message: string }[];
  ignoredColumns: string[];
  created: string[];
  updated: string[];
  unchanged: number;
  stockChanges: { sku: string; from: number; to: number }[];
  applied: boolean;
}

export interface CsvImportState {
  attempt: number;
  /** A problem with the request itself (no file, too large). */
  message: string | null;
  report: CsvImportReportView | null;
  /** A file that passed its check, carried in the form so "Import" needs no second upload. */
  checked: { name: string; data: string } | null;
}

export const initialCsvImportState: CsvImportState = { attempt: 0, message: null, report: null, checked: null };
