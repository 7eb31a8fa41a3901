'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useEffect, useRef } from 'react';
import { formatMoney } from '@/lib/money-format';
import { CartLines } from './CartLines';
import { useCart } from './CartProvider';
import { ShippingProgress } from './ShippingProgress';
import { CartAlert } from './CartAlert';

/** The side drawer that opens on add. A modal <dialog>: focus moves in, Escape closes it, focus returns. */
export function CartDrawer() {
  const { cart, drawerOpen, setDrawerOpen, generalProblem, notice } = useCart();
  const ref = useRef<HTMLDialogElement>(null);
  const pathname = usePathname();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (drawerOpen && !dialog.open) dialog.showModal();
    if (!drawerOpen && dialog.open) dialog.close();
  }, [drawerOpen]);

  // Following a link inside the drawer closes it.
  useEffect(() => setDrawerOpen(false), [pathname, setDrawerOpen]);

  return (
    <dialog
      ref={ref}
      className="drawer"
      aria-labelledby="drawer-title"
      onClose={() => setDrawerOpen(false)}
      onClick={(e) => {
        if (e.target === e.currentTarget) setDrawerOpen(false); // a click on the backdrop
      }}
    >
      <div className="drawer__panel">
        <div className="drawer__head">
          <h2 id="drawer-title">Your cart</h2>
          <button type="button" className="icon-button" onClick={() => setDrawerOpen(false)} aria-label="Close cart">
            <svg aria-hidden="true" width="20" height="20" viewBox="0 0 20 20">
              <path d="M5 5l10 10M15 5L5 15" stroke="currentColor" strokeWidth="2" />
            </svg>
          </button>
        </div>
        {notice ? <p className="drawer__notice">{notice}</p> : null}
        <CartAlert message={generalProblem} />
        {cart.lines.length === 0 ? (
          <p className="drawer__empty">Your cart is empty.</p>
        ) : (
          <>
            <ShippingProgress progress={cart.progress} />
            <CartLines lines={cart.lines} compact />
            <div className="drawer__foot">
              <p className="drawer__subtotal">
                <span>Subtotal</span>
                <strong>{formatMoney(cart.subtotal)}</strong>
              </p>
              <p className="muted small">Shipping is chosen at checkout.</p>
              <Link href="/checkout" className="button button--primary button--wide">
                Checkout
              </Link>
              <Link href="/cart" className="button button--ghost button--wide">
                View cart
              </Link>
            </div>
          </>
        )}
      </div>
    </dialog>
  );
}
