'use client';

import { createContext, useCallback, useContext, useEffect, useMemo, useOptimistic, useRef, useState, useTransition } from 'react';
import type { CartLineView, CartView } from '@/lib/cart/types';
import type { ShippingMethodName } from '@/lib/cart/shipping';
import { formatMoney } from '@/lib/money-format';
import { cartApi, type CartReply } from './cart-client';
import { applyCartChange, type CartChange } from './optimistic';
import { addMessage, itemsText } from './announcements';

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
  /**
   * The last change, said in words for screen readers. It is read from the live region inside the
   * drawer while the drawer is open (the modal makes the rest of the page inert), from the page's
   * own live region otherwise.
   */
  announcement: string;
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

/** A message with the server's notice after it ("Only 2 left in stock"), when there is one. */
function withNotice(text: string, reply: CartReply): string {
  return reply.notice ? `${text} ${reply.notice}.` : text;
}

export function useCart(): CartContextValue {
  const ctx = useContext(CartContext);
  if (!ctx) throw new Error('useCart must be used inside <CartProvider>');
  return ctx;
}

/**
 * Holds the shopper's cart in the browser. Pages stay cached and identical for everyone; the
 * cart is fetched after load. Changes show at once (useOptimistic) and roll back with a
 * message when the server refuses; every outcome is announced in a polite live region (the drawer's
 * own while it is open).
 */
export function CartProvider({ emptyCart, children }: { emptyCart: CartView; children: React.ReactNode }) {
  const [cart, setCart] = useState<CartView | null>(null);
  const [optimistic, applyOptimistic] = useOptimistic(cart ?? emptyCart, applyCartChange);
  const [pending, startTransition] = useTransition();
  const [problem, setProblem] = useState<CartProblemMessage | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [drawerOpen, setDrawerOpenState] = useState(false);
  const loadedByPage = useRef(false);
  // The cart as the server last answered, read when an answer arrives: calls go one at a time
  // (cart-client.ts), so it is the cart the server changed, and says how much an add really added.
  const serverCart = useRef<CartView | null>(null);
  const keep = useCallback((c: CartView) => {
    serverCart.current = c;
    setCart(c);
  }, []);

  // Opening or closing the drawer moves the live region: start it empty, so the last message is
  // not read out again from the other one.
  const setDrawerOpen = useCallback((open: boolean) => {
    setDrawerOpenState(open);
    setAnnouncement('');
  }, []);

  useEffect(() => {
    let live = true;
    cartApi
      .get()
      .then((r) => {
        if (live && !loadedByPage.current) keep(r.cart);
      })
      .catch(() => {
        if (live && !loadedByPage.current) keep(emptyCart);
      });
    return () => {
      live = false;
    };
  }, [emptyCart, keep]);

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
            const said = describe(reply);
            serverCart.current = reply.cart;
            startTransition(() => {
              setCart(reply.cart);
              setNotice(reply.notice);
            });
            announce(said);
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

  const adopt = useCallback(
    (c: CartView) => {
      loadedByPage.current = true;
      keep(c);
    },
    [keep],
  );

  const value = useMemo<CartContextValue>(
    () => ({
      cart: optimistic,
      loaded: cart !== null,
      pending,
      problem,
      generalProblem: problem && !optimistic.lines.some((l) => l.variantId === problem.variantId) ? problem.message : null,
      notice,
      announcement,
      drawerOpen,
      setDrawerOpen,
      add: (line, quantity) => {
        setDrawerOpen(true);
        const quantityIn = (c: CartView | null) => c?.lines.find((l) => l.variantId === line.variantId)?.quantity ?? 0;
        return run(
          { type: 'add', line, quantity },
          line.variantId,
          () => cartApi.add(line.variantId, quantity),
          (r) =>
            addMessage({
              name: `${line.title} (${line.colour}, ${line.size})`,
              requested: quantity,
              before: quantityIn(serverCart.current),
              after: quantityIn(r.cart),
              itemCount: r.cart.itemCount,
              notice: r.notice,
            }),
        );
      },
      setQuantity: (variantId, quantity) =>
        run(
          { type: 'set', variantId, quantity },
          variantId,
          () => cartApi.setQuantity(variantId, quantity),
          (r) => {
            const l = r.cart.lines.find((x) => x.variantId === variantId);
            return withNotice(`${l?.title ?? 'Item'}: quantity ${l?.quantity ?? quantity}. Your cart has ${itemsText(r.cart.itemCount)}.`, r);
          },
        ),
      remove: (variantId) => {
        const title = optimistic.lines.find((l) => l.variantId === variantId)?.title ?? 'Item';
        return run(
          { type: 'remove', variantId },
          variantId,
          () => cartApi.remove(variantId),
          (r) => withNotice(`Removed ${title}. Your cart has ${itemsText(r.cart.itemCount)}.`, r),
        );
      },
      chooseShipping: (method) =>
        run(
          { type: 'ship', method },
          null,
          () => cartApi.chooseShipping(method),
          (r) => withNotice(`${method === 'express' ? 'Express' : 'Standard'} shipping chosen. Total ${formatMoney(r.cart.total)}.`, r),
        ),
      adopt,
    }),
    [optimistic, cart, pending, problem, notice, announcement, drawerOpen, setDrawerOpen, run, adopt],
  );

  return (
    <CartContext.Provider value={value}>
      {children}
      <p role="status" aria-live="polite" aria-atomic="true" className="visually-hidden" data-testid="cart-announcer">
        {drawerOpen ? '' : announcement}
      </p>
    </CartContext.Provider>
  );
}
