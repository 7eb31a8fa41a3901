'use client';

import { useEffect } from 'react';
import { useCart } from '@/components/cart/CartProvider';
import type { CartView } from '@/lib/cart/types';

/**
 * The order page after payment: the cart the browser held was emptied on the server, so the
 * header count and drawer take the server's cart as it is now.
 */
export function CartAfterOrder({ cart }: { cart: CartView }) {
  const { adopt } = useCart();
  useEffect(() => adopt(cart), [adopt, cart]);
  return null;
}
