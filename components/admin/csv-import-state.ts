import type { ImportReport } from '@/lib/catalog/admin/csv-import';

/** How many entries of each list (problems, new, changed, stock) the page shows; the rest are counted. */
export const REPORT_LIST_LIMIT = 200;

/**
 * What the catalog import's server action answers its form with: the report without its cache tags,
 * each list cut to its first REPORT_LIST_LIMIT entries with its full count beside it (a
 * 10,000-product file would otherwise send 40,000 list items to the browser).
 * Only types come from lib: the client bundle gets no lib code.
 */
export interface CsvImportReportView {
  problems: ImportReport['problems'];
  problemCount: number;
  ignoredColumns: string[];
  created: string[];
  createdCount: number;
  updated: string[];
  updatedCount: number;
  unchanged: number;
  stockChanges: ImportReport['stockChanges'];
  stockChangeCount: number;
  applied: boolean;
}

export function toReportView(report: ImportReport): CsvImportReportView {
  const first = <T>(list: T[]) => list.slice(0, REPORT_LIST_LIMIT);
  return {
    problems: first(report.problems),
    problemCount: report.problems.length,
    ignoredColumns: report.ignoredColumns.slice(0, 50).map((c) => (c.length > 80 ? `${c.slice(0, 79)}…` : c)),
    created: first(report.created),
    createdCount: report.created.length,
    updated: first(report.updated),
    updatedCount: report.updated.length,
    unchanged: report.unchanged,
    stockChanges: first(report.stockChanges),
    stockChangeCount: report.stockChanges.length,
    applied: report.applied,
  };
}

export interface CsvImportState {
  attempt: number;
  /** A problem with the request itself (no file, too large). */
  message: string | null;
  report: CsvImportReportView | null;
  /** A file that passed its check, kept on the server (lib/catalog/admin/checked-file.ts): the form carries its key, so "Import" needs no second upload. */
  checked: { name: string; key: string } | null;
}

export const initialCsvImportState: CsvImportState = { attempt: 0, message: null, report: null, checked: null };
