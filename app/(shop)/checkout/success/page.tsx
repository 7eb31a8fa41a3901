import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import Link from 'next/link';
import { OrderDetails } from '@/components/checkout/OrderDetails';
import { RefreshWhilePending } from '@/components/checkout/RefreshWhilePending';
import { CartAfterOrder } from '@/components/checkout/CartAfterOrder';
import { getCart } from '@/lib/cart/cart';
import { cartSettings } from '@/lib/cart/settings';
import { CART_COOKIE } from '@/lib/cart/token';
import { findOrderFor } from '@/lib/checkout/order-access';
import type { OrderView } from '@/lib/checkout/types';
import { shopConfig } from '@/lib/config';
import { db } from '@/lib/db';

export const metadata: Metadata = { title: 'Your order', robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
const one = (v: string | string[] | undefined) => (typeof v === 'string' ? v.slice(0, 300) : null);

/** The order, for the browser that placed it or the holder of the e-mail's signed link; nobody else. */
async function findOrder(sp: Record<string, string | string[] | undefined>): Promise<OrderView | null> {
  const request = {
    orderId: one(sp.order),
    stripeSessionId: one(sp.session_id),
    linkToken: one(sp.token),
    cartToken: (await cookies()).get(CART_COOKIE)?.value ?? null,
  };
  return findOrderFor(db(), request, shopConfig().APP_SECRET);
}

export default async function CheckoutSuccess({ searchParams }: Props) {
  const order = await findOrder(await searchParams);
  if (!order) {
    return (
      <div className="page narrow">
        <header className="page-header">
          <h1>We can’t show that order here</h1>
          <p className="lede">Orders open in the browser they were placed in, or from the link in the confirmation e-mail.</p>
        </header>
        <p>
          <Link href="/products" className="button button--primary">
            Browse the shop
          </Link>
        </p>
      </div>
    );
  }
  const paid = order.status === 'paid' || order.status === 'shipped' || order.status === 'partially_refunded';
  return (
    <div className="page narrow">
      <header className="page-header">
        <p className="eyebrow">Order {order.number}</p>
        <h1>{paid ? 'Thank you for your order' : order.status === 'pending' ? 'Almost done' : 'This order was not completed'}</h1>
        <p className="lede">
          {order.status === 'shipped'
            ? `Your parcel is on its way. We sent the tracking number to ${order.email}.`
            : paid
              ? `We have sent a receipt to ${order.email}. We will e-mail again when your parcel leaves.`
              : order.status === 'pending'
                ? 'We are waiting for the payment provider to confirm your payment. This page updates by itself.'
                : 'No payment was taken. Your cart is still here if you want to try again.'}
        </p>
      </header>
      {order.status === 'pending' ? <RefreshWhilePending /> : null}
      <CartAfterOrder cart={await getCart(db(), (await cookies()).get(CART_COOKIE)?.value ?? null, cartSettings())} />
      <OrderDetails order={order} />
    </div>
  );
}
