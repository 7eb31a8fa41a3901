'use client';

import Link from 'next/link';
import { useEffect, useRef } from 'react';
import type { CartView } from '@/lib/cart/types';
import { formatMoney } from '@/lib/money-format';
import { CartLines } from './CartLines';
import { useCart } from './CartProvider';
import { ShippingProgress } from './ShippingProgress';
import { telHref } from '@/lib/phone';
import { CartAlert } from './CartAlert';
import { ShippingOptionText } from './ShippingOptionText';

/** The /cart page: lines, shipping choice and totals. The server renders it with the cart already in. */
export function CartPageView({ initial, phone }: { initial: CartView; phone: string }) {
  const { cart: live, loaded, adopt, chooseShipping, generalProblem, notice } = useCart();
  useEffect(() => adopt(initial), [adopt, initial]);
  const cart = loaded ? live : initial;
  const empty = cart.lines.length === 0;
  // The last line removed: the focus goes to the message that says the cart is empty, not to <body>.
  const emptyMessage = useRef<HTMLParagraphElement>(null);
  const focusEmpty = useRef(false);
  useEffect(() => {
    if (empty && focusEmpty.current) {
      focusEmpty.current = false;
      emptyMessage.current?.focus();
    }
  }, [empty]);
  if (empty) {
    return (
      <div className="empty-state">
        <p ref={emptyMessage} tabIndex={-1}>
          Your cart is empty.
        </p>
        <Link href="/products" className="button button--primary">
          Browse the shop
        </Link>
      </div>
    );
  }
  return (
    <div className="cart-page">
      <section aria-labelledby="lines-heading">
        <h2 id="lines-heading" className="visually-hidden">
          Items
        </h2>
        <ShippingProgress progress={cart.progress} />
        {notice ? <p className="drawer__notice">{notice}</p> : null}
        <CartLines lines={cart.lines} onLastRemoved={() => (focusEmpty.current = true)} />
      </section>
      <aside className="cart-summary" aria-labelledby="summary-heading">
        <h2 id="summary-heading">Order summary</h2>
        <fieldset className="shipping-choice">
          <legend>Shipping</legend>
          {cart.shippingOptions.map((o) => (
            <label key={o.method} className="shipping-choice__option">
              <input type="radio" name="shipping" value={o.method} checked={cart.shippingMethod === o.method} onChange={() => chooseShipping(o.method)} />
              <ShippingOptionText option={o} />
            </label>
          ))}
        </fieldset>
        <CartAlert message={generalProblem} />
        <dl className="totals">
          <div>
            <dt>Subtotal</dt>
            <dd>{formatMoney(cart.subtotal)}</dd>
          </div>
          <div>
            <dt>Shipping</dt>
            <dd>{cart.shipping.amount === 0 ? 'Free' : formatMoney(cart.shipping)}</dd>
          </div>
          <div className="totals__total">
            <dt>Total</dt>
            <dd>{formatMoney(cart.total)}</dd>
          </div>
        </dl>
        <Link href="/checkout" className="button button--primary button--wide checkout__submit">
          Checkout
        </Link>
        <p className="muted small">
          Rather order by phone? Call <a href={telHref(phone)}>{phone}</a>.
        </p>
      </aside>
    </div>
  );
}
