import { countryName } from '@/lib/checkout/countries';
import type { OrderView } from '@/lib/checkout/types';
import { OrderSummary } from './OrderSummary';

const PAYMENT_STATE: Record<OrderView['status'], string> = {
  paid: 'Payment received',
  shipped: 'Shipped',
  pending: 'Waiting for payment confirmation',
  cancelled: 'Cancelled: no payment was taken',
  expired: 'Expired: no payment was received in time',
  partially_refunded: 'Payment received; part of it was refunded',
  refunded: 'Refunded in full',
};

/** An order as its buyer sees it: lines, totals, address, shipping and payment state. */
export function OrderDetails({ order }: { order: OrderView }) {
  const a = order.address;
  return (
    <div className="order-details">
      <p className={`order-state order-state--${order.status}`} role="status">
        <strong>{PAYMENT_STATE[order.status]}</strong>
        {order.provider === 'test' ? <span className="badge badge--test">Test payment — no money moves</span> : null}
      </p>
      {order.shipment ? (
        <p className="order-details__shipment">
          Sent with {order.shipment.carrier}, tracking number <strong>{order.shipment.trackingNumber}</strong>.
        </p>
      ) : null}
      {order.flaggedReason ? (
        <p className="form-outcome form-outcome--problem">Our staff are checking this payment before the order ships; we will e-mail you.</p>
      ) : null}
      <OrderSummary
        lines={order.lines.map((l) => ({ key: l.sku, ...l }))}
        subtotal={order.subtotal}
        shippingLabel={order.shippingMethod === 'express' ? 'Express' : 'Standard'}
        shipping={order.shipping}
        total={order.total}
      />
      <div className="order-details__address">
        <h2>Shipping to</h2>
        <address>
          {a.name}
          <br />
          {a.line1}
          {a.line2 ? (
            <>
              <br />
              {a.line2}
            </>
          ) : null}
          <br />
          {a.city}
          {a.region ? `, ${a.region}` : ''} {a.postalCode}
          <br />
          {countryName(a.country)}
        </address>
        <p className="muted small">Receipt to {order.email}</p>
      </div>
    </div>
  );
}
