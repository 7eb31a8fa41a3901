import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import { CartPageView } from '@/components/cart/CartPageView';
import { getCart } from '@/lib/cart/cart';
import { cartSettings } from '@/lib/cart/settings';
import { CART_COOKIE } from '@/lib/cart/token';
import { shopConfig } from '@/lib/config';
import { db } from '@/lib/db';

export const metadata: Metadata = { title: 'Your cart', robots: { index: false } };

// The one shopper page that renders per request: it is the shopper's own cart.
export default async function CartPage() {
  const token = (await cookies()).get(CART_COOKIE)?.value ?? null;
  const cart = await getCart(db(), token, cartSettings());
  return (
    <div className="page">
      <header className="page-header">
        <h1>Your cart</h1>
      </header>
      <CartPageView initial={cart} phone={shopConfig().SHOP_PHONE} />
    </div>
  );
}
