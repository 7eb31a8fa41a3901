import Link from 'next/link';
import { formatMoney } from '@/lib/money-format';
import type { RefundView, ReturnView } from '@/lib/orders/order-page';

const day = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' });

const RETURN_STATUS: Record<ReturnView['status'], string> = {
  requested: 'Requested — we will reply soon',
  approved: 'Approved — send the items back',
  rejected: 'Not accepted',
  received: 'Received — your refund is on its way',
  refunded: 'Refunded',
  closed: 'Closed',
};

/** The order's returns and the money sent back, as its buyer sees them (lib/orders/order-page.ts). */
export function OrderRefundsAndReturns({
  refunds,
  returns,
  returnHref,
}: {
  refunds: RefundView[];
  returns: ReturnView[];
  /** The address of a return's page, e.g. "/returns/R-5001". */
  returnHref: (returnNumber: string) => string;
}) {
  return (
    <section className="order-section" aria-labelledby="order-refunds-returns">
      <h2 id="order-refunds-returns">Refunds and returns</h2>
      {returns.length === 0 && refunds.length === 0 ? <p className="muted">There are no refunds or returns on this order.</p> : null}
      {returns.length ? (
        <ul className="summary-lines">
          {returns.map((r) => (
            <li key={r.number}>
              <span>
                <Link href={returnHref(r.number)}>Return {r.number}</Link> · {r.items} {r.items === 1 ? 'item' : 'items'}
                <br />
                <span className="muted small">
                  {day.format(new Date(r.at))}
                  {r.message ? ` · “${r.message}”` : ''}
                </span>
              </span>
              <span>{RETURN_STATUS[r.status]}</span>
            </li>
          ))}
        </ul>
      ) : null}
      {refunds.length ? (
        <ul className="summary-lines">
          {refunds.map((r, i) => (
            <li key={i}>
              <span>
                {r.status === 'succeeded' ? 'Refunded' : 'Refund in progress'}
                {r.returnNumber ? ` for return ${r.returnNumber}` : ''}
                <br />
                <span className="muted small">{day.format(new Date(r.at))}</span>
              </span>
              <span>{formatMoney(r.amount)}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
