import { z } from 'zod';
import type { Prisma } from '../db';
import type { ReturnStatusName } from './states';

/**
 * The staff return queue's filter, as it lives in the URL (/admin/returns?view=…&page=…). One view
 * per job to do: approve or reject what was asked for, wait for the parcel, refund what arrived;
 * then what is done, and everything. Forgiving like the order list: an unknown view or page is
 * the default, never an error page.
 */
export const RETURN_VIEWS = ['requested', 'approved', 'received', 'done', 'all'] as const;
export type ReturnView = (typeof RETURN_VIEWS)[number];

export const RETURN_VIEW_LABELS: Record<ReturnView, string> = {
  requested: 'Awaiting approval',
  approved: 'Approved (waiting for parcel)',
  received: 'Received (to refund)',
  done: 'Done',
  all: 'All',
};

const VIEW_STATUSES: Record<ReturnView, readonly ReturnStatusName[] | null> = {
  requested: ['requested'],
  approved: ['approved'],
  received: ['received'],
  done: ['refunded', 'rejected', 'closed'],
  all: null,
};

export const STAFF_RETURN_PAGE_SIZE = 25;

const querySchema = z.object({
  view: z.enum(RETURN_VIEWS).catch('requested').default('requested'),
  page: z.coerce.number().int().min(1).max(1000).catch(1).default(1),
});

export type StaffReturnQuery = z.infer<typeof querySchema>;

type Raw = Record<string, string | string[] | undefined>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export function parseStaffReturnQuery(raw: Raw): StaffReturnQuery {
  return querySchema.parse({ view: first(raw.view), page: first(raw.page) });
}

export function staffReturnWhere(query: StaffReturnQuery): Prisma.ReturnWhereInput {
  const statuses = VIEW_STATUSES[query.view];
  return statuses ? { status: { in: [...statuses] } } : {};
}

/**
 * Open work is taken oldest first (whoever waited longest is next); what is done, and the whole
 * list, newest first. Ties broken by the return's number, so pages never overlap.
 */
export function staffReturnOrder(query: StaffReturnQuery): Prisma.ReturnOrderByWithRelationInput[] {
  const open = query.view === 'requested' || query.view === 'approved' || query.view === 'received';
  return open ? [{ createdAt: 'asc' }, { number: 'asc' }] : [{ createdAt: 'desc' }, { number: 'desc' }];
}

/** The query back as URL parameters, without the defaults. */
export function staffReturnSearchParams(query: StaffReturnQuery, page = query.page, view = query.view): URLSearchParams {
  const p = new URLSearchParams();
  if (view !== 'requested') p.set('view', view);
  if (page > 1) p.set('page', String(page));
  return p;
}
