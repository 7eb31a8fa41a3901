import type { Metadata } from 'next';
import Link from 'next/link';
import { OrderDetails } from '@/components/checkout/OrderDetails';
import { OrderPayments } from '@/components/orders/OrderPayments';
import { OrderRefundsAndReturns } from '@/components/orders/OrderRefundsAndReturns';
import { NoOrderProof } from '@/components/orders/NoOrderProof';
import { FocusOnArrival } from '@/components/ui/focus-on-arrival';
import { shopConfig } from '@/lib/config';
import { db } from '@/lib/db';
import { findOrderPage, numberFromPath } from '@/lib/orders/order-page';
import { requestProof, withToken } from '../../order-proof';

export const metadata: Metadata = { title: 'Your order', robots: { index: false, follow: false } };
export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ number: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const STATUS: Record<string, string> = {
  pending: 'Waiting for payment',
  paid: 'Paid, being prepared',
  shipped: 'On its way',
  partially_refunded: 'Partly refunded',
  refunded: 'Refunded',
  cancelled: 'Cancelled',
  expired: 'Not completed',
};
const day = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' });

/**
 * A shopper's order: for the holder of the e-mail's signed link, of the pass a good lookup leaves,
 * or for the browser that placed it. Anyone else gets the same page whether the number exists or not.
 */
export default async function OrderPage({ params, searchParams }: Props) {
  const { number } = await params;
  const proof = await requestProof((await searchParams).token);
  const n = numberFromPath(number);
  const view = await findOrderPage(
    db(),
    { segment: number, linkToken: proof.linkToken, cartToken: proof.cartToken, passToken: n === null ? null : proof.passTokenFor(n) },
    shopConfig().APP_SECRET,
  );
  if (!view) {
    return (
      <NoOrderProof
        id="order-heading"
        token="no-order"
        title="We can’t show that order here"
        lede="Open it from the link in your confirmation e-mail, or find it with its number and your e-mail address."
      />
    );
  }
  const { order, payments, refunds, returns, returnWindow } = view;
  return (
    <div className="page narrow">
      <header className="page-header">
        <p className="eyebrow">Placed {day.format(new Date(order.placedAt))}</p>
        <h1 id="order-heading" tabIndex={-1}>
          Order {order.number}
        </h1>
        <p className="lede">{order.status === 'partially_refunded' && order.shipment ? 'Partly refunded, on its way' : STATUS[order.status]}</p>
      </header>
      <FocusOnArrival token={order.number} />
      <OrderDetails order={order} />
      <div className="order-details order-more">
        <OrderPayments payments={payments} />
        <OrderRefundsAndReturns refunds={refunds} returns={returns} returnHref={(r) => withToken(`/returns/${r}`, proof.linkToken)} />
      </div>
      {returnWindow.open ? (
        <section className="order-return-cta" aria-labelledby="order-return-heading">
          <h2 id="order-return-heading">Send something back</h2>
          <p>
            You can start a return until {day.format(new Date(returnWindow.until))}. Choose the items and tell us why; we reply by e-mail, usually within a
            working day.
          </p>
          <Link href={withToken(`/returns?order=${order.number}`, proof.linkToken)} className="button button--ghost">
            Return items
          </Link>
        </section>
      ) : returnWindow.message ? (
        <p className="muted small">{returnWindow.message}</p>
      ) : null}
      <p className="muted small lookup__note">
        Questions about this order? Call us on {shopConfig().SHOP_PHONE} and give the number {order.number}.
      </p>
    </div>
  );
}
