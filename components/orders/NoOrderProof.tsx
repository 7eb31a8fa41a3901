import Link from 'next/link';
import { FocusOnArrival } from '@/components/ui/focus-on-arrival';

/**
 * What an order or return page says to a visitor without a proof (lib/orders/order-proof.ts): the
 * same words whether the order exists or not, and the way to the lookup.
 */
export function NoOrderProof({ id, title, lede, token }: { id: string; title: string; lede: string; token: string }) {
  return (
    <div className="page narrow">
      <header className="page-header">
        <h1 id={id} tabIndex={-1}>
          {title}
        </h1>
        <p className="lede">{lede}</p>
      </header>
      <FocusOnArrival token={token} />
      <p>
        <Link href="/orders/lookup" className="button button--primary">
          Find your order
        </Link>
      </p>
    </div>
  );
}
