'use client';

import { createContext, useCallback, useContext, useEffect, useMemo, useOptimistic, useRef, useState, useTransition } from 'react';
import type { CartLineView, CartView } from '@/lib/cart/types';
import type { ShippingMethodName } from '@/lib/cart/shipping';
import { formatMoney } from '@/lib/money-format';
import { cartApi, type CartReply } from './cart-client';
import { applyCartChange, type CartChange } from './optimistic';

export interface CartProblemMessage {
  variantId: string | null;
  message: string;
}

interface CartContextValue {
  /** The cart as the shopper should see it now, optimistic changes included. */
  cart: CartView;
  loaded: boolean;
  pending: boolean;
  problem: CartProblemMessage | null;
  /** A refusal that belongs to no line on show (e.g. an add that was rolled back). */
  generalProblem: string | null;
  notice: string | null;
  drawerOpen: boolean;
  setDrawerOpen: (open: boolean) => void;
  add: (line: CartLineView, quantity: number) => Promise<boolean>;
  setQuantity: (variantId: string, quantity: number) => Promise<boolean>;
  remove: (variantId: string) => Promise<boolean>;
  chooseShipping: (method: ShippingMethodName) => Promise<boolean>;
  /** Replace the cart with one the server rendered (the /cart page). */
  adopt: (cart: CartView) => void;
}

const CartContext = createContext<CartContextValue | null>(null);

export function useCart(): CartContextValue {
  const ctx = useContext(CartContext);
  if (!ctx) throw new Error('useCart must be used inside <CartProvider>');
  return ctx;
}

function itemsText(n: number): string {
  return `${n} ${n === 1 ? 'item' : 'items'}`;
}

/**
 * Holds the shopper's cart in the browser. Pages stay cached and identical for everyone; the
 * cart is fetched after load. Changes show at once (useOptimistic) and roll back with a
 * message when the server refuses; every outcome is announced in a polite live region.
 */
export function CartProvider({ emptyCart, children }: { emptyCart: CartView; children: React.ReactNode }) {
  const [cart, setCart] = useState<CartView | null>(null);
  const [optimistic, applyOptimistic] = useOptimistic(cart ?? emptyCart, applyCartChange);
  const [pending, startTransition] = useTransition();
  const [problem, setProblem] = useState<CartProblemMessage | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [drawerOpen, setDrawerOpen] = useState(false);
  const loadedByPage = useRef(false);

  useEffect(() => {
    let live = true;
    cartApi
      .get()
      .then((r) => {
        if (live && !loadedByPage.current) setCart(r.cart);
      })
      .catch(() => {
        if (live && !loadedByPage.current) setCart(emptyCart);
      });
    return () => {
      live = false;
    };
  }, [emptyCart]);

  const announce = useCallback((text: string) => {
    // Clear first so the same sentence twice is still read out.
    setAnnouncement('');
    window.setTimeout(() => setAnnouncement(text), 50);
  }, []);

  const run = useCallback(
    (change: CartChange | null, variantId: string | null, call: () => Promise<CartReply>, describe: (r: CartReply) => string) =>
      new Promise<boolean>((resolve) => {
        setProblem(null);
        setNotice(null);
        startTransition(async () => {
          if (change) applyOptimistic(change);
          try {
            const reply = await call();
            startTransition(() => {
              setCart(reply.cart);
              setNotice(reply.notice);
            });
            announce(reply.notice ? `${describe(reply)} ${reply.notice}.` : describe(reply));
            resolve(true);
          } catch (err) {
            const message = err instanceof Error ? err.message : 'Something went wrong. Please try again.';
            startTransition(() => setProblem({ variantId, message }));
            announce(message);
            resolve(false);
          }
        });
      }),
    [announce, applyOptimistic],
  );

  const adopt = useCallback((c: CartView) => {
    loadedByPage.current = true;
    setCart(c);
  }, []);

  const value = useMemo<CartContextValue>(
    () => ({
      cart: optimistic,
      loaded: cart !== null,
      pending,
      problem,
      generalProblem: problem && !optimistic.lines.some((l) => l.variantId === problem.variantId) ? problem.message : null,
      notice,
      drawerOpen,
      setDrawerOpen,
      add: (line, quantity) => {
        setDrawerOpen(true);
        return run(
          { type: 'add', line, quantity },
          line.variantId,
          () => cartApi.add(line.variantId, quantity),
          (r) => `Added ${line.title} (${line.colour}, ${line.size}) to your cart. Your cart has ${itemsText(r.cart.itemCount)}.`,
        );
      },
      setQuantity: (variantId, quantity) =>
        run(
          { type: 'set', variantId, quantity },
          variantId,
          () => cartApi.setQuantity(variantId, quantity),
          (r) => {
            const l = r.cart.lines.find((x) => x.variantId === variantId);
            return `${l?.title ?? 'Item'}: quantity ${l?.quantity ?? quantity}. Your cart has ${itemsText(r.cart.itemCount)}.`;
          },
        ),
      remove: (variantId) => {
        const title = optimistic.lines.find((l) => l.variantId === variantId)?.title ?? 'Item';
        return run(
          { type: 'remove', variantId },
          variantId,
          () => cartApi.remove(variantId),
          (r) => `Removed ${title}. Your cart has ${itemsText(r.cart.itemCount)}.`,
        );
      },
      chooseShipping: (method) =>
        run(
          { type: 'ship', method },
          null,
          () => cartApi.chooseShipping(method),
          (r) => `${method === 'express' ? 'Express' : 'Standard'} shipping chosen. Total ${formatMoney(r.cart.total)}.`,
        ),
      adopt,
    }),
    [optimistic, cart, pending, problem, notice, drawerOpen, run, adopt],
  );

  return (
    <CartContext.Provider value={value}>
      {children}
      <p role="status" aria-live="polite" aria-atomic="true" className="visually-hidden" data-testid="cart-announcer">
        {announcement}
      </p>
    </CartContext.Provider>
  );
}
