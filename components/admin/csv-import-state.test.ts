import { describe, expect, it } from 'vitest';
import type { ImportReport } from '@/lib/catalog/admin/csv-import';
import { REPORT_LIST_LIMIT, toReportView } from './csv-import-state';

const report = (n: number): ImportReport => ({
  problems: Array.from({ length: n }, (_, i) => ({ row: i + 2, column: 'Title', message: `problem ${i}` })),
  ignoredColumns: ['Vendor'],
  created: Array.from({ length: n }, (_, i) => `new-${i}`),
  updated: Array.from({ length: n + 1 }, (_, i) => `changed-${i}`),
  unchanged: 7,
  stockChanges: Array.from({ length: n + 2 }, (_, i) => ({ sku: `S-${i}`, from: 0, to: i })),
  applied: true,
  tags: ['products'],
});

describe('the import report sent to the page', () => {
  it('keeps a small report whole, with its counts, and never the cache tags', () => {
    const view = toReportView(report(3));
    expect(view).toEqual({
      problems: report(3).problems,
      problemCount: 3,
      ignoredColumns: ['Vendor'],
      created: ['new-0', 'new-1', 'new-2'],
      createdCount: 3,
      updated: ['changed-0', 'changed-1', 'changed-2', 'changed-3'],
      updatedCount: 4,
      unchanged: 7,
      stockChanges: report(3).stockChanges,
      stockChangeCount: 5,
      applied: true,
    });
    expect(view).not.toHaveProperty('tags');
  });

  it('lists the first entries of a 10,000-product report in order and counts them all', () => {
    const view = toReportView(report(10_000));
    expect(view.problems).toHaveLength(REPORT_LIST_LIMIT);
    expect(view.problems[0]!.row).toBe(2);
    expect(view.problemCount).toBe(10_000);
    expect(view.created).toHaveLength(REPORT_LIST_LIMIT);
    expect(view.created.at(-1)).toBe(`new-${REPORT_LIST_LIMIT - 1}`);
    expect([view.createdCount, view.updatedCount, view.stockChangeCount]).toEqual([10_000, 10_001, 10_002]);
    expect(view.updated).toHaveLength(REPORT_LIST_LIMIT);
    expect(view.stockChanges).toHaveLength(REPORT_LIST_LIMIT);
    expect(JSON.stringify(view).length).toBeLessThan(60_000);
  });
});
