import type { ReturnStatusName } from '@/lib/returns/states';

/** How staff pages name a return's status. */
export const RETURN_STATUS_LABELS: Record<ReturnStatusName, string> = {
  requested: 'Awaiting approval',
  approved: 'Approved',
  rejected: 'Rejected',
  received: 'Received',
  refunded: 'Refunded',
  closed: 'Closed',
};
