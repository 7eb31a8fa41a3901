import type { OrderStatusName } from '@/lib/checkout/types';

/** How staff pages name an order's status. */
export const ORDER_STATUS_LABELS: Record<OrderStatusName, string> = {
  pending: 'Awaiting payment',
  paid: 'Paid',
  shipped: 'Shipped',
  cancelled: 'Cancelled',
  expired: 'Expired',
  partially_refunded: 'Partly refunded',
  refunded: 'Refunded',
};
