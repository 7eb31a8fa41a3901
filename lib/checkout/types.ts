import type { Money } from '../money';

/** The order as shoppers, e-mails and staff see it: a snapshot, never recomputed from the catalog. */
export type OrderStatusName = 'pending' | 'paid' | 'shipped' | 'cancelled' | 'expired' | 'partially_refunded' | 'refunded';
export type PaymentProviderName = 'stripe' | 'paypal' | 'test';

export interface OrderLineView {
  productSlug: string;
  title: string;
  size: string;
  colour: string;
  sku: string;
  quantity: number;
  unitPrice: Money;
  lineTotal: Money;
  isWool: boolean;
}

export interface ShippingAddress {
  name: string;
  line1: string;
  line2: string | null;
  city: string;
  region: string | null;
  postalCode: string;
  /** ISO 3166-1 alpha-2, e.g. "US". */
  country: string;
}

export interface OrderView {
  id: string;
  /** "MN-100001" */
  number: string;
  status: OrderStatusName;
  email: string;
  address: ShippingAddress;
  shippingMethod: 'standard' | 'express';
  lines: OrderLineView[];
  subtotal: Money;
  shipping: Money;
  total: Money;
  provider: PaymentProviderName;
  /** Set when a payment did not match the order: staff must look. */
  flaggedReason: string | null;
  placedAt: string;
  paidAt: string | null;
  expiresAt: string;
  /** Set when staff hand the parcel to a carrier. */
  shipment: { carrier: string; trackingNumber: string; shippedAt: string } | null;
  history: { from: OrderStatusName | null; to: OrderStatusName; note: string | null; at: string }[];
}
