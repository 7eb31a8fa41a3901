import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import { CartPageView } from '@/components/cart/CartPageView';
import { FormOutcome } from '@/components/cart/FormOutcome';
import { getCart } from '@/lib/cart/cart';
import { cartSettings } from '@/lib/cart/settings';
import { CART_COOKIE } from '@/lib/cart/token';
import { shopConfig } from '@/lib/config';
import { db } from '@/lib/db';

export const metadata: Metadata = { title: 'Your cart', robots: { index: false } };

// The one shopper page that renders per request: it is the shopper's own cart.
type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function CartPage({ searchParams }: Props) {
  const sp = await searchParams;
  const one = (v: string | string[] | undefined) => (typeof v === 'string' ? v : null);
  const token = (await cookies()).get(CART_COOKIE)?.value ?? null;
  const cart = await getCart(db(), token, cartSettings());
  return (
    <div className="page">
      <header className="page-header">
        <h1>Your cart</h1>
      </header>
      <FormOutcome added={one(sp.added) === '1'} problem={one(sp.problem)} />
      <CartPageView initial={cart} phone={shopConfig().SHOP_PHONE} />
    </div>
  );
}
