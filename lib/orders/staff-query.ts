import { z } from 'zod';
import type { Prisma } from '../db';
import type { OrderStatusName } from '../checkout/types';

/**
 * The staff order list's search, as it lives in the URL (/admin/orders?q=…&status=…&from=…&to=…):
 * an order number ("MN-100001" or "100001") or part of an e-mail address, a status, and a date range
 * of placement (UTC days, both ends included). Forgiving like the catalog's: a value that makes no
 * sense is dropped, never an error page.
 */
export const ORDER_STATUSES = [
  'pending',
  'paid',
  'shipped',
  'cancelled',
  'expired',
  'partially_refunded',
  'refunded',
] as const satisfies readonly OrderStatusName[];
export const STAFF_ORDER_PAGE_SIZE = 25;

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d));

const querySchema = z.object({
  q: z
    .string()
    .transform((s) =>
      s
        .replace(/[\p{Cc}]/gu, '')
        .trim()
        .slice(0, 100),
    )
    .catch('')
    .default(''),
  status: z.enum(ORDER_STATUSES).nullable().catch(null).default(null),
  from: day.nullable().catch(null).default(null),
  to: day.nullable().catch(null).default(null),
  page: z.coerce.number().int().min(1).max(1000).catch(1).default(1),
});

export type StaffOrderQuery = z.infer<typeof querySchema>;

type Raw = Record<string, string | string[] | undefined>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export function parseStaffOrderQuery(raw: Raw): StaffOrderQuery {
  return querySchema.parse({ q: first(raw.q), status: first(raw.status), from: first(raw.from), to: first(raw.to), page: first(raw.page) });
}

/** "MN-100001", "mn100001" or "100001" → 100001; anything else is not an order number. */
export function orderNumberIn(q: string): number | null {
  const m = /^(?:MN-?)?(\d{1,9})$/i.exec(q.trim());
  return m ? Number(m[1]) : null;
}

export function staffOrderWhere(query: StaffOrderQuery): Prisma.OrderWhereInput {
  const where: Prisma.OrderWhereInput = {};
  if (query.q) {
    const number = orderNumberIn(query.q);
    where.OR = [{ email: { contains: query.q, mode: 'insensitive' } }, ...(number !== null ? [{ number }] : [])];
  }
  if (query.status) where.status = query.status;
  if (query.from || query.to) {
    where.createdAt = {
      ...(query.from ? { gte: new Date(`${query.from}T00:00:00Z`) } : {}),
      ...(query.to ? { lt: new Date(Date.parse(`${query.to}T00:00:00Z`) + 86_400_000) } : {}),
    };
  }
  return where;
}

/** The query back as URL parameters (for pagination links), without the defaults. */
export function staffOrderSearchParams(query: StaffOrderQuery, page = query.page): URLSearchParams {
  const p = new URLSearchParams();
  if (query.q) p.set('q', query.q);
  if (query.status) p.set('status', query.status);
  if (query.from) p.set('from', query.from);
  if (query.to) p.set('to', query.to);
  if (page > 1) p.set('page', String(page));
  return p;
}
