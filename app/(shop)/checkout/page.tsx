import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { CheckoutForm } from '@/components/checkout/CheckoutForm';
import { getCart } from '@/lib/cart/cart';
import { cartSettings } from '@/lib/cart/settings';
import { CART_COOKIE } from '@/lib/cart/token';
import { countryOptions } from '@/lib/checkout/countries';
import { quoteOf } from '@/lib/checkout/quote';
import { shopConfig } from '@/lib/config';
import { db } from '@/lib/db';
import { paymentMethods } from '@/lib/payments/config';
import { placeOrderAction } from './actions';

export const metadata: Metadata = { title: 'Checkout', robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// The shopper's own cart: rendered per request, never cached.
export default async function CheckoutPage({ searchParams }: Props) {
  const sp = await searchParams;
  const token = (await cookies()).get(CART_COOKIE)?.value ?? null;
  const cart = await getCart(db(), token, cartSettings());
  if (cart.lines.length === 0) redirect('/cart?problem=empty');
  const c = shopConfig();
  const methods = paymentMethods(c);
  return (
    <div className="page">
      <header className="page-header">
        <p className="eyebrow">Checkout</p>
        <h1>Delivery and payment</h1>
      </header>
      <CheckoutForm
        action={placeOrderAction}
        cart={cart}
        quote={quoteOf(cart)}
        countries={countryOptions()}
        methods={methods}
        paypal={methods.paypal && c.PAYPAL_CLIENT_ID ? { clientId: c.PAYPAL_CLIENT_ID, sdkUrl: c.PAYPAL_SDK_URL, currency: c.SHOP_CURRENCY } : null}
        cancelled={sp.cancelled === '1'}
      />
    </div>
  );
}
