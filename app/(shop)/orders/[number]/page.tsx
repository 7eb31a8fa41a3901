import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import Link from 'next/link';
import { OrderDetails } from '@/components/checkout/OrderDetails';
import { OrderPayments } from '@/components/orders/OrderPayments';
import { OrderRefundsAndReturns } from '@/components/orders/OrderRefundsAndReturns';
import { FocusOnArrival } from '@/components/ui/focus-on-arrival';
import { CART_COOKIE } from '@/lib/cart/token';
import { shopConfig } from '@/lib/config';
import { db } from '@/lib/db';
import { findOrderPage, ORDER_PASS_COOKIE } from '@/lib/orders/order-page';

export const metadata: Metadata = { title: 'Your order', robots: { index: false, follow: false } };
export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ number: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const STATUS: Record<string, string> = {
  pending: 'Waiting for payment',
  paid: 'Paid, being prepared',
  shipped: 'On its way',
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
  const token = (await searchParams).token;
  const jar = await cookies();
  const view = await findOrderPage(
    db(),
    {
      segment: number,
      linkToken: typeof token === 'string' ? token : null,
      passToken: jar.get(ORDER_PASS_COOKIE)?.value ?? null,
      cartToken: jar.get(CART_COOKIE)?.value ?? null,
    },
    shopConfig().APP_SECRET,
  );
  if (!view) {
    return (
      <div className="page narrow">
        <header className="page-header">
          <h1 id="order-heading" tabIndex={-1}>
            We can’t show that order here
          </h1>
          <p className="lede">Open it from the link in your confirmation e-mail, or find it with its number and your e-mail address.</p>
        </header>
        <FocusOnArrival token="no-order" />
        <p>
          <Link href="/orders/lookup" className="button button--primary">
            Find your order
          </Link>
        </p>
      </div>
    );
  }
  const { order, payments, refunds, returns } = view;
  return (
    <div className="page narrow">
      <header className="page-header">
        <p className="eyebrow">Placed {day.format(new Date(order.placedAt))}</p>
        <h1 id="order-heading" tabIndex={-1}>
          Order {order.number}
        </h1>
        <p className="lede">{STATUS[order.status]}</p>
      </header>
      <FocusOnArrival token={order.number} />
      <OrderDetails order={order} />
      <div className="order-details order-more">
        <OrderPayments payments={payments} />
        <OrderRefundsAndReturns refunds={refunds} returns={returns} />
      </div>
      <p className="muted small lookup__note">
        Questions about this order? Call us on {shopConfig().SHOP_PHONE} and give the number {order.number}.
      </p>
    </div>
  );
}
