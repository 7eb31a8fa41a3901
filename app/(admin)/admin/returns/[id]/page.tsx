import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AdminForm } from '@/components/admin/AdminForm';
import { ORDER_STATUS_LABELS } from '@/components/admin/order-status';
import { RETURN_STATUS_LABELS } from '@/components/admin/return-status';
import { ReturnReceiveForm, ReturnRefundForm } from '@/components/admin/ReturnForms';
import { RefundList } from '@/components/admin/RefundList';
import { TableScroll } from '@/components/admin/TableScroll';
import { requireStaff } from '@/lib/auth/server';
import type { OrderStatusName } from '@/lib/checkout/types';
import { db } from '@/lib/db';
import { formatMoney } from '@/lib/money-format';
import { staffReturnView, type StaffRefundView } from '@/lib/returns/staff-view';
import { approveReturnAction, closeReturnAction, receiveReturnAction, refundReturnAction, rejectReturnAction, retryRefundAction } from '../actions';
import { staffAt } from '@/components/admin/staff-time';

export const metadata = { title: 'Return' };

const at = staffAt;

/** What the page says after a move, shown only while the return is in the state that move leads to. */
const DONE: Record<string, { text: string; when: (v: { status: string; refunds: StaffRefundView[] }) => boolean }> = {
  approved: { text: 'Approved. The customer has been e-mailed.', when: (v) => v.status === 'approved' },
  rejected: { text: 'Rejected. The customer has been e-mailed why.', when: (v) => v.status === 'rejected' },
  received: { text: 'Marked as received. Restocked items are on sale again; the customer has been e-mailed.', when: (v) => v.status === 'received' },
  refunded: { text: 'Refunded. The customer has been e-mailed.', when: (v) => v.status === 'refunded' },
  'refund-pending': {
    text: 'The refund was sent and the payment provider is processing it; this page shows it once it goes through.',
    when: (v) => v.refunds.some((r) => r.status === 'pending'),
  },
  closed: { text: 'Closed.', when: (v) => v.status === 'closed' },
};

export default async function ReturnPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ done?: string | string[] }> }) {
  const { id } = await params;
  const { done } = await searchParams;
  await requireStaff('manageOrders', `/admin/returns/${encodeURIComponent(id)}`);
  const view = await staffReturnView(db(), id);
  if (!view) notFound();
  const outcome = typeof done === 'string' && Object.hasOwn(DONE, done) && DONE[done]!.when(view) ? DONE[done]!.text : null;
  const received = view.lines.some((l) => l.receivedQuantity !== null);
  const back = `/admin/returns/${view.id}`;
  return (
    <section className="admin-order admin-return">
      <p>
        <Link href="/admin/returns">← All returns</Link>
      </p>
      <div className="admin-toolbar">
        <h1>Return {view.number}</h1>
        <span className={`admin-status admin-status--return-${view.status}`}>{RETURN_STATUS_LABELS[view.status]}</span>
      </div>
      {outcome ? (
        <p className="form-outcome" role="status">
          {outcome}
        </p>
      ) : null}

      <div className="admin-columns">
        <div className="admin-card">
          <h2>Order and customer</h2>
          <dl className="admin-facts">
            <div>
              <dt>Order</dt>
              <dd>
                <Link href={`/admin/orders/${view.order.id}`}>{view.order.number}</Link>{' '}
                <span className="muted">({ORDER_STATUS_LABELS[view.order.status as OrderStatusName] ?? view.order.status})</span>
              </dd>
            </div>
            <div>
              <dt>Customer</dt>
              <dd>
                {view.order.name}
                <br />
                <a href={`mailto:${view.order.email}`}>{view.order.email}</a>
              </dd>
            </div>
            <div>
              <dt>Asked</dt>
              <dd>
                <time dateTime={view.createdAt}>{at(view.createdAt)}</time>
              </dd>
            </div>
            {view.customerMessage ? (
              <div>
                <dt>Told the customer</dt>
                <dd>{view.customerMessage}</dd>
              </div>
            ) : null}
          </dl>
        </div>

        <div className="admin-card">
          <h2>Photos from the customer</h2>
          {view.photos.length ? (
            <ul className="admin-photos">
              {view.photos.map((p, i) => (
                <li key={p.id}>
                  <a href={p.url} target="_blank" rel="noopener">
                    {/* Private and per request (no image optimiser): a plain img of the staff-only route. */}
                    {/* eslint-disable-next-line @next/next/no-img-element */}
                    <img src={p.url} width={p.width} height={p.height} alt={`Photo ${i + 1} of ${view.photos.length} from the customer (opens full size)`} />
                  </a>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">No photos were sent.</p>
          )}
        </div>
      </div>

      <div className="admin-card">
        <h2>Items</h2>
        <TableScroll label="Returned items">
          <table className="admin-table admin-return-lines">
            <thead>
              <tr>
                <th scope="col">Item</th>
                <th scope="col" className="num">
                  Price
                </th>
                <th scope="col" className="num">
                  Asked
                </th>
                <th scope="col">Reason</th>
                {received ? (
                  <>
                    <th scope="col" className="num">
                      Arrived
                    </th>
                    <th scope="col">Back on sale</th>
                  </>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {view.lines.map((l) => (
                <tr key={l.id}>
                  <th scope="row">
                    {l.title}
                    <br />
                    <span className="muted">
                      {l.colour} · {l.size} · {l.sku}
                    </span>
                  </th>
                  <td className="num">{formatMoney(l.unitPrice)}</td>
                  <td className="num">{l.quantity}</td>
                  <td>
                    {l.reasonLabel}
                    {l.comment ? <span className="admin-quote">“{l.comment}”</span> : null}
                  </td>
                  {received ? (
                    <>
                      <td className="num">{l.receivedQuantity ?? '—'}</td>
                      <td>{l.restock === null ? '—' : l.restock ? 'Restocked' : 'Not restocked'}</td>
                    </>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </div>

      {view.can.approve || view.can.reject ? (
        <div className="admin-columns">
          {view.can.approve ? (
            <div className="admin-card">
              <h2>Approve</h2>
              <p className="muted">The customer is e-mailed that they may send the items back, with your message if you write one.</p>
              <AdminForm
                action={approveReturnAction}
                hidden={{ returnId: view.id }}
                submitLabel="Approve return"
                fields={[{ name: 'message', label: 'Message to the customer (optional)', type: 'textarea', rows: 3 }]}
              />
            </div>
          ) : null}
          {view.can.reject ? (
            <div className="admin-card">
              <h2>Reject</h2>
              <p className="muted">The customer is e-mailed your reason; the items count as not returned.</p>
              <AdminForm
                action={rejectReturnAction}
                hidden={{ returnId: view.id }}
                submitLabel="Reject return"
                danger
                fields={[{ name: 'message', label: 'Why it is rejected (sent to the customer)', type: 'textarea', rows: 3, required: true }]}
              />
            </div>
          ) : null}
        </div>
      ) : null}

      {view.can.receive ? (
        <div className="admin-card">
          <h2>Mark as received</h2>
          <p className="muted">Say how many of each item arrived, and whether they can be sold again. Restocked items go back into stock at once.</p>
          <ReturnReceiveForm
            action={receiveReturnAction}
            returnId={view.id}
            lines={view.lines.map((l) => ({
              id: l.id,
              title: l.title,
              detail: `${l.colour}, ${l.size}`,
              quantity: l.quantity,
              reasonLabel: l.reasonLabel,
              damaged: l.reason === 'damaged',
            }))}
          />
        </div>
      ) : null}

      {view.can.refund && view.proposal ? (
        <div className="admin-card">
          <h2>Refund</h2>
          <p className="muted">The money goes back to the payment the order was paid with.</p>
          <ReturnRefundForm
            action={refundReturnAction}
            returnId={view.id}
            proposal={{
              items: formatMoney(view.proposal.items),
              shipping: view.proposal.shipping.amount > 0 ? formatMoney(view.proposal.shipping) : null,
              total: formatMoney(view.proposal.total),
              offered: formatMoney(view.proposal.offered),
              offeredInput: view.proposal.offeredInput,
              limitedTo:
                view.proposal.offered.amount < view.proposal.total.amount
                  ? `Only ${formatMoney(view.proposal.remaining)} of this order can still be refunded.`
                  : null,
            }}
          />
        </div>
      ) : null}

      <div className="admin-columns">
        <div className="admin-card">
          <h2>Refunds</h2>
          {view.refunds.length ? (
            <RefundList refunds={view.refunds} back={back} retry={retryRefundAction} />
          ) : (
            <p className="muted">{view.status === 'received' ? 'Not refunded yet.' : 'None.'}</p>
          )}
        </div>
        <div className="admin-card">
          <h2>History</h2>
          <ol className="admin-timeline">
            {view.events.map((e, i) => (
              <li key={i}>
                <time dateTime={e.at}>{at(e.at)}</time>{' '}
                {e.from ? `${RETURN_STATUS_LABELS[e.from]} → ${RETURN_STATUS_LABELS[e.to]}` : RETURN_STATUS_LABELS[e.to]}
                <span className="muted"> — {e.by ?? (e.from ? 'the shop' : 'the customer')}</span>
                {e.note ? <span className="admin-quote">{e.note}</span> : null}
              </li>
            ))}
          </ol>
        </div>
      </div>

      {view.can.close ? (
        <div className="admin-card">
          <h2>Close</h2>
          <p className="muted">
            {view.status === 'refunded'
              ? 'Ends the return: nothing more is to be done.'
              : 'Ends the return without a refund (the parcel never came, the customer withdrew). The customer is not e-mailed.'}
          </p>
          <AdminForm
            action={closeReturnAction}
            hidden={{ returnId: view.id }}
            submitLabel="Close return"
            danger={view.status !== 'refunded'}
            confirm={view.status !== 'refunded' ? `Close return ${view.number} without a refund?` : undefined}
            fields={[{ name: 'note', label: 'Note (optional, for staff)', type: 'textarea', rows: 2 }]}
          />
        </div>
      ) : view.refundPending ? (
        <p className="muted">A refund is on its way: the return can be closed once the payment provider has answered.</p>
      ) : null}
    </section>
  );
}
