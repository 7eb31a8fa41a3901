/**
 * Bulk writes go in batches: one statement per few hundred rows instead of one per row (10,000
 * products are ~60,000 rows), and each statement well under PostgreSQL's 65,535 bind parameters.
 * The caller keeps every batch in one transaction, so a load stays all or nothing.
 */
export const WRITE_BATCH_ROWS = 500;

/** A long bulk load (the demo loader, the CSV import): enough for 10,000 products on a slow disk. */
export const BULK_TRANSACTION = { timeout: 10 * 60_000, maxWait: 10_000 } as const;

export function batches<T>(rows: readonly T[], size = WRITE_BATCH_ROWS): T[][] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`batch size must be a positive whole number, not ${size}`);
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}
