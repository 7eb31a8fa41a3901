import type { Metadata } from 'next';
import Link from 'next/link';
import { NoOrderProof } from '@/components/orders/NoOrderProof';
import { ReturnForm } from '@/components/returns/ReturnForm';
import { FocusOnArrival } from '@/components/ui/focus-on-arrival';
import { shopConfig } from '@/lib/config';
import { db } from '@/lib/db';
import { numberFromPath } from '@/lib/orders/order-page';
import { findReturnForm } from '@/lib/returns/customer-view';
import { RETURN_REASON_LABELS, RETURN_REASONS } from '@/lib/returns/input';
import { RETURN_PHOTO_LIMITS } from '@/lib/returns/photos';
import { requestProof, withToken } from '../order-proof';
import { requestReturnAction } from './actions';

export const metadata: Metadata = { title: 'Return items', robots: { index: false, follow: false } };
// Per shopper (their order, their proof), never prerendered or stored.
export const dynamic = 'force-dynamic';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const day = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' });
const reasons = RETURN_REASONS.map((value) => ({ value, label: RETURN_REASON_LABELS[value] }));

/** Start a return for one order (/returns?order=MN-100001), reached from the order's page with its proof. */
export default async function ReturnsPage({ searchParams }: Props) {
  const sp = await searchParams;
  const order = typeof sp.order === 'string' ? sp.order : '';
  const number = numberFromPath(order);
  const proof = await requestProof(sp.token);
  const c = shopConfig();
  const view =
    number === null
      ? null
      : await findReturnForm(
          db(),
          { order, linkToken: proof.linkToken, cartToken: proof.cartToken, passToken: proof.passTokenFor(number) },
          { appSecret: c.APP_SECRET, windowDays: c.RETURN_WINDOW_DAYS },
        );
  if (!view) {
    return (
      <NoOrderProof
        id="returns-heading"
        token="no-return-order"
        title="Start a return from your order"
        lede={`Find your order with its number and your e-mail address, or open it from your confirmation e-mail, then choose “Return items”. You have ${c.RETURN_WINDOW_DAYS} days from payment.`}
      />
    );
  }
  const back = withToken(`/orders/${view.orderNumber}`, proof.linkToken);
  return (
    <div className="page narrow">
      <header className="page-header">
        <p className="eyebrow">
          <Link href={back}>Order {view.orderNumber}</Link>
        </p>
        <h1 id="returns-heading" tabIndex={-1}>
          Return items
        </h1>
        {view.kind === 'open' ? (
          <p className="lede">
            Returns for this order are open until {day.format(new Date(view.until))}. Once we approve your request, send the items back with the return number
            on the parcel; the refund goes to the card or PayPal account you paid with.
          </p>
        ) : null}
      </header>
      <FocusOnArrival token={view.orderNumber} />
      {view.kind === 'open' ? (
        <ReturnForm
          action={requestReturnAction}
          order={view.orderNumber}
          token={proof.linkToken}
          lines={view.lines}
          reasons={reasons}
          maxPhotos={RETURN_PHOTO_LIMITS.count}
        />
      ) : (
        <>
          <p className="form-outcome form-outcome--problem">{view.message}</p>
          <p className="muted">
            Questions? Call us on {c.SHOP_PHONE} and give the number {view.orderNumber}.
          </p>
          <p>
            <Link href={back} className="button button--ghost">
              Back to the order
            </Link>
          </p>
        </>
      )}
    </div>
  );
}
