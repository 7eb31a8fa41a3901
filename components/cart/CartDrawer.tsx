'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useEffect, useRef } from 'react';
import { formatMoney } from '@/lib/money-format';
import { CartLines } from './CartLines';
import { useCart } from './CartProvider';
import { ShippingProgress } from './ShippingProgress';
import { CartAlert } from './CartAlert';

/**
 * The side drawer that opens on add. A modal <dialog>: focus moves in, Escape closes it, focus
 * returns to what opened it. While it is open the rest of the page is inert, to screen readers
 * too, so the cart's messages are read from a live region inside it.
 */
export function CartDrawer() {
  const { cart, drawerOpen, setDrawerOpen, generalProblem, notice, announcement } = useCart();
  const ref = useRef<HTMLDialogElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);
  const focusCloseWhenEmpty = useRef(false);
  const pathname = usePathname();
  const empty = cart.lines.length === 0;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (drawerOpen && !dialog.open) dialog.showModal();
    if (!drawerOpen && dialog.open) dialog.close();
  }, [drawerOpen]);

  // The last line removed: the focus goes to the close button instead of falling to <body> (from
  // where the next Tab left the page); the next Tab reaches "Browse the shop".
  useEffect(() => {
    if (empty && focusCloseWhenEmpty.current) {
      focusCloseWhenEmpty.current = false;
      closeRef.current?.focus();
    }
  }, [empty]);

  // Following a link inside the drawer closes it.
  useEffect(() => setDrawerOpen(false), [pathname, setDrawerOpen]);

  return (
    <dialog
      ref={ref}
      className="drawer"
      aria-labelledby="drawer-title"
      // The close event arrives a moment after the dialog closed: if the drawer was opened again
      // meanwhile (Escape, then at once another add), it is stale and must not close it.
      onClose={(e) => {
        if (!e.currentTarget.open) setDrawerOpen(false);
      }}
      onClick={(e) => {
        if (e.target === e.currentTarget) setDrawerOpen(false); // a click on the backdrop
      }}
    >
      <div className="drawer__panel">
        <div className="drawer__head">
          <h2 id="drawer-title">Your cart</h2>
          <button ref={closeRef} type="button" className="icon-button" onClick={() => setDrawerOpen(false)} aria-label="Close cart">
            <svg aria-hidden="true" width="20" height="20" viewBox="0 0 20 20">
              <path d="M5 5l10 10M15 5L5 15" stroke="currentColor" strokeWidth="2" />
            </svg>
          </button>
        </div>
        <p role="status" aria-live="polite" aria-atomic="true" className="visually-hidden">
          {drawerOpen ? announcement : ''}
        </p>
        {notice ? <p className="drawer__notice">{notice}</p> : null}
        <CartAlert message={generalProblem} />
        {empty ? (
          <div className="drawer__empty">
            <p>Your cart is empty.</p>
            <Link href="/products" className="button button--ghost">
              Browse the shop
            </Link>
          </div>
        ) : (
          <>
            <ShippingProgress progress={cart.progress} />
            <CartLines lines={cart.lines} compact onLastRemoved={() => (focusCloseWhenEmpty.current = true)} />
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
