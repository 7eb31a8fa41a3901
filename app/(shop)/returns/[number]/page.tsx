import type { Metadata } from 'next';
import Link from 'next/link';
import { ReturnTimeline } from '@/components/returns/ReturnTimeline';
import { NoOrderProof } from '@/components/orders/NoOrderProof';
import { FocusOnArrival } from '@/components/ui/focus-on-arrival';
import { shopConfig } from '@/lib/config';
import { db } from '@/lib/db';
import { formatMoney } from '@/lib/money-format';
import { findReturnPage } from '@/lib/returns/customer-view';
import { requestProof, withToken } from '../../order-proof';

export const metadata: Metadata = { title: 'Your return', robots: { index: false, follow: false } };
export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ number: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const day = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' });

const HEADLINE: Record<string, string> = {
  requested: 'Waiting for approval',
  approved: 'Approved: send the items back',
  rejected: 'Not accepted',
  received: 'Received: your refund is next',
  refunded: 'Refunded',
  closed: 'Closed',
};

/** A return and its timeline, for whoever can prove the order (lib/orders/order-proof.ts); the same page for anyone else whether it exists or not. */
export default async function ReturnPage({ params, searchParams }: Props) {
  const { number } = await params;
  const proof = await requestProof((await searchParams).token);
  const c = shopConfig();
  const view = await findReturnPage(db(), { segment: number, ...proof }, c.APP_SECRET);
  if (!view) {
    return (
      <NoOrderProof
        id="return-heading"
        token="no-return"
        title="We can’t show that return here"
        lede="Open it from your order’s page or from the link in our e-mail, or find the order with its number and your e-mail address."
      />
    );
  }
  return (
    <div className="page narrow">
      <header className="page-header">
        <p className="eyebrow">
          <Link href={withToken(`/orders/${view.orderNumber}`, proof.linkToken)}>Order {view.orderNumber}</Link> · requested{' '}
          {day.format(new Date(view.requestedAt))}
        </p>
        <h1 id="return-heading" tabIndex={-1}>
          Return {view.number}
        </h1>
        <p className="lede">{HEADLINE[view.status]}</p>
      </header>
      <FocusOnArrival token={`${view.number}-${view.status}`} />
      <div className="return-page">
        <section className="order-details" aria-labelledby="return-steps">
          <h2 id="return-steps" className="order-section__title">
            Progress
          </h2>
          <ReturnTimeline steps={view.steps} status={view.status} message={view.message} />
        </section>
        <section className="order-details order-section" aria-labelledby="return-items">
          <h2 id="return-items">Items</h2>
          <ul className="summary-lines">
            {view.lines.map((l, i) => (
              <li key={i}>
                <span>
                  {l.quantity} × {l.title}
                  <br />
                  <span className="muted small">
                    {l.colour} · {l.size} · {l.reason}
                    {l.comment ? ` · “${l.comment}”` : ''}
                  </span>
                </span>
                <span className="muted small">{l.received === null ? '' : `${l.received} received`}</span>
              </li>
            ))}
          </ul>
          {view.photos ? (
            <p className="muted small">{view.photos === 1 ? 'One photo sent with the request.' : `${view.photos} photos sent with the request.`}</p>
          ) : null}
          {view.refunds.length ? (
            <>
              <h2>Money back</h2>
              <ul className="summary-lines">
                {view.refunds.map((r, i) => (
                  <li key={i}>
                    <span>
                      {r.status === 'succeeded' ? 'Refunded' : 'Refund in progress'}
                      <br />
                      <span className="muted small">{day.format(new Date(r.at))}</span>
                    </span>
                    <span>{formatMoney(r.amount)}</span>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      </div>
      <p className="muted small lookup__note">
        Questions about this return? Call us on {c.SHOP_PHONE} and give the number {view.number}.
      </p>
    </div>
  );
}
