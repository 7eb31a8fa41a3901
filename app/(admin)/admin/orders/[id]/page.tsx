import { randomUUID } from 'node:crypto';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AdminForm } from '@/components/admin/AdminForm';
import { ORDER_STATUS_LABELS } from '@/components/admin/order-status';
import { requireStaff } from '@/lib/auth/server';
import { countryName } from '@/lib/checkout/countries';
import { orderInclude, toOrderView } from '@/lib/checkout/order-view';
import { db } from '@/lib/db';
import { formatMoney, type Money } from '@/lib/money-format';
import { staffOrderReturns } from '@/lib/returns/staff-view';
import { cancelOrderAction, goodwillRefundAction, shipOrderAction } from '../actions';
import { retryRefundAction } from '../../returns/actions';
import { RefundList } from '@/components/admin/RefundList';
import { RETURN_STATUS_LABELS } from '@/components/admin/return-status';
import { TableScroll } from '@/components/admin/TableScroll';
import { staffAt } from '@/components/admin/staff-time';

export const metadata = { title: 'Order' };

const at = staffAt;

const DONE: Record<string, (o: { shipment: { carrier: string } | null }) => string> = {
  shipped: (o) => `Marked as shipped${o.shipment ? ` with ${o.shipment.carrier}` : ''}. The customer has been e-mailed the tracking number.`,
  cancelled: () => 'Cancelled. Its items are back in stock.',
  refunded: () => 'Refunded. The money is on its way back to the customer.',
  'refund-pending': () => 'The refund was sent and the payment provider is processing it; this page shows it once it goes through.',
};

export default async function OrderPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ done?: string | string[] }> }) {
  const { id } = await params;
  const { done } = await searchParams;
  await requireStaff('manageOrders', `/admin/orders/${encodeURIComponent(id)}`);
  if (!/^c[a-z0-9]{20,32}$/.test(id)) notFound();
  const row = await db().order.findUnique({ where: { id }, include: { ...orderInclude, payments: { orderBy: { createdAt: 'asc' } } } });
  if (!row) notFound();
  const order = toOrderView(row);
  const returns = await staffOrderReturns(db(), id);
  // The order's own e-mails end in its id; each return's e-mails in the return's id.
  const mails = await db().outboxMessage.findMany({
    where: { OR: [id, ...returns.returns.map((r) => r.id)].map((key) => ({ dedupeKey: { endsWith: `:${key}` } })) },
    orderBy: { createdAt: 'asc' },
    select: { id: true, subject: true, to: true, createdAt: true, sentAt: true, error: true },
  });
  const money = (m: Money) => formatMoney(m);
  const a = order.address;
  return (
    <section className="admin-order">
      <p>
        <Link href="/admin/orders">← All orders</Link>
      </p>
      <div className="admin-toolbar">
        <h1>Order {order.number}</h1>
        <span className={`admin-status admin-status--${order.status}`}>{ORDER_STATUS_LABELS[order.status]}</span>
      </div>
      {typeof done === 'string' &&
      Object.hasOwn(DONE, done) &&
      (done !== 'shipped' || order.status === 'shipped') &&
      (done !== 'cancelled' || order.status === 'cancelled') &&
      (done !== 'refund-pending' || returns.refunds.some((r) => r.status === 'pending')) ? (
        <p className="form-outcome" role="status">
          {DONE[done]!(order)}
        </p>
      ) : null}
      {order.flaggedReason ? (
        <p className="form-outcome form-outcome--problem" role="alert">
          Flagged: {order.flaggedReason}
        </p>
      ) : null}

      <div className="admin-columns">
        <div className="admin-card">
          <h2>Items</h2>
          <TableScroll label="Order lines">
            <table className="admin-table">
              <thead>
                <tr>
                  <th scope="col">Item</th>
                  <th scope="col">SKU</th>
                  <th scope="col" className="num">
                    Qty
                  </th>
                  <th scope="col" className="num">
                    Price
                  </th>
                  <th scope="col" className="num">
                    Total
                  </th>
                </tr>
              </thead>
              <tbody>
                {order.lines.map((l) => (
                  <tr key={l.sku}>
                    <th scope="row">
                      {l.title}
                      <br />
                      <span className="muted">
                        {l.colour} · {l.size}
                      </span>
                    </th>
                    <td>{l.sku}</td>
                    <td className="num">{l.quantity}</td>
                    <td className="num">{money(l.unitPrice)}</td>
                    <td className="num">{money(l.lineTotal)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row" colSpan={4}>
                    Subtotal
                  </th>
                  <td className="num">{money(order.subtotal)}</td>
                </tr>
                <tr>
                  <th scope="row" colSpan={4}>
                    {order.shippingMethod === 'express' ? 'Express' : 'Standard'} shipping
                  </th>
                  <td className="num">{order.shipping.amount === 0 ? 'Free' : money(order.shipping)}</td>
                </tr>
                <tr>
                  <th scope="row" colSpan={4}>
                    Total
                  </th>
                  <td className="num">
                    <strong>{money(order.total)}</strong>
                  </td>
                </tr>
              </tfoot>
            </table>
          </TableScroll>
        </div>

        <div className="admin-card">
          <h2>Customer</h2>
          <p>
            <a href={`mailto:${order.email}`}>{order.email}</a>
          </p>
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
            {a.postalCode} {a.city}
            {a.region ? `, ${a.region}` : ''}
            <br />
            {countryName(a.country)}
          </address>
          {order.shipment ? (
            <p>
              Shipped {at(order.shipment.shippedAt)} with {order.shipment.carrier}, tracking number <strong>{order.shipment.trackingNumber}</strong>.
            </p>
          ) : null}
        </div>
      </div>

      {(order.status === 'paid' || (order.status === 'partially_refunded' && !order.shipment)) && !order.flaggedReason ? (
        <div className="admin-card">
          <h2>Mark as shipped</h2>
          <p className="muted">The customer gets an e-mail with the carrier and the tracking number.</p>
          <AdminForm
            action={shipOrderAction}
            hidden={{ orderId: order.id }}
            submitLabel="Mark as shipped"
            fields={[
              { name: 'carrier', label: 'Carrier', required: true, hint: 'For example DHL Express, USPS or Mongol Post.' },
              { name: 'trackingNumber', label: 'Tracking number', required: true },
            ]}
          />
        </div>
      ) : null}
      {order.status === 'pending' ? (
        <div className="admin-card">
          <h2>Cancel this unpaid order</h2>
          <p className="muted">Its reserved items go back into stock. If the customer pays afterwards, the payment is flagged for a refund.</p>
          <AdminForm
            action={cancelOrderAction}
            hidden={{ orderId: order.id }}
            submitLabel="Cancel order"
            danger
            confirm={`Cancel order ${order.number}?`}
            fields={[]}
          />
        </div>
      ) : null}

      <div className="admin-columns">
        <div className="admin-card">
          <h2>Payments</h2>
          {row.payments.length ? (
            <ul className="admin-list">
              {row.payments.map((p) => (
                <li key={p.id}>
                  {formatMoney({ amount: p.amountCents, currency: p.currency })} through {p.provider} <span className="muted">({p.externalId})</span>,{' '}
                  {at(p.createdAt)}
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">No payment received.</p>
          )}
        </div>
        <div className="admin-card">
          <h2>E-mails sent</h2>
          {mails.length ? (
            <ul className="admin-list">
              {mails.map((m) => (
                <li key={m.id}>
                  <Link href={`/admin/outbox/${m.id}`}>{m.subject}</Link> to {m.to}, {at(m.createdAt)}{' '}
                  <span className="muted">{m.error ? `(not delivered: ${m.error})` : m.sentAt ? '(sent)' : '(kept in the outbox)'}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">None yet.</p>
          )}
        </div>
      </div>

      <div className="admin-columns">
        <div className="admin-card">
          <h2>Returns</h2>
          {returns.returns.length ? (
            <ul className="admin-list">
              {returns.returns.map((r) => (
                <li key={r.id}>
                  <Link href={`/admin/returns/${r.id}`}>{r.number}</Link>{' '}
                  <span className={`admin-status admin-status--return-${r.status}`}>{RETURN_STATUS_LABELS[r.status]}</span>{' '}
                  <span className="muted">
                    {r.items} {r.items === 1 ? 'item' : 'items'}, asked {at(r.createdAt)}
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">No returns.</p>
          )}
        </div>
        <div className="admin-card">
          <h2>Other refunds</h2>
          <p className="muted small">Goodwill refunds, and refunds made at the payment provider. A return&apos;s refund is on the return&apos;s page.</p>
          {returns.refunds.length ? (
            <RefundList refunds={returns.refunds} back={`/admin/orders/${order.id}`} retry={retryRefundAction} />
          ) : (
            <p className="muted">None.</p>
          )}
        </div>
      </div>

      {returns.goodwill ? (
        <div className="admin-card">
          <h2>Goodwill refund</h2>
          <p className="muted">
            Money back without a return, to the payment the order was paid with. {money(returns.goodwill.remaining)} can still be refunded.
          </p>
          <AdminForm
            action={goodwillRefundAction}
            // A new key each time the page is drawn: the same form posted twice records one refund.
            hidden={{ orderId: order.id, requestKey: randomUUID() }}
            submitLabel="Refund"
            confirm={`Send a goodwill refund on order ${order.number}?`}
            fields={[
              { name: 'amount', label: 'Amount', required: true, inputMode: 'decimal', hint: 'For example 15.00.' },
              { name: 'note', label: 'Why (kept with the refund)', type: 'textarea', rows: 2, required: true },
            ]}
          />
        </div>
      ) : null}

      <div className="admin-card">
        <h2>History</h2>
        <ol className="admin-timeline">
          <li>
            <time dateTime={order.placedAt}>{at(order.placedAt)}</time> Placed
          </li>
          {order.history.map((h, i) => (
            <li key={i}>
              <time dateTime={h.at}>{at(h.at)}</time>{' '}
              {h.from === h.to ? ORDER_STATUS_LABELS[h.to] : `${h.from ? ORDER_STATUS_LABELS[h.from] : 'New'} → ${ORDER_STATUS_LABELS[h.to]}`}
              {h.note ? <span className="muted"> — {h.note}</span> : null}
            </li>
          ))}
        </ol>
      </div>
    </section>
  );
}
