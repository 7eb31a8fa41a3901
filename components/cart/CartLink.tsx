'use client';

import Link from 'next/link';
import { useCart } from './CartProvider';

/**
 * The header's cart link with the item count (fetched after the cached page has loaded). Its name
 * is its visible text, "Cart", then the count ("Cart 2 items"), so a shopper who says what they see
 * ("click Cart") reaches it (WCAG 2.5.3).
 */
export function CartLink() {
  const { cart, loaded } = useCart();
  const count = cart.itemCount;
  return (
    <Link href="/cart" className="cart-link">
      {/* The count sits on the bag, out of the flow: it arrives after load and must not move anything. */}
      <span className="cart-link__icon">
        <svg aria-hidden="true" width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.8">
          <path d="M5 7h14l-1.2 12.1a2 2 0 0 1-2 1.9H8.2a2 2 0 0 1-2-1.9L5 7Z" />
          <path d="M9 7V6a3 3 0 0 1 6 0v1" />
        </svg>
        {loaded && count > 0 ? (
          <span className="cart-link__count" aria-hidden="true">
            {count}
          </span>
        ) : null}
      </span>
      <span>Cart</span>
      {loaded ? <span className="visually-hidden"> {`${count} ${count === 1 ? 'item' : 'items'}`}</span> : null}
    </Link>
  );
}
