import type { CartView } from '@/lib/cart/types';
import type { ShippingMethodName } from '@/lib/cart/shipping';

/** Browser-side calls to the cart API. Each resolves to the server's cart, or throws its message. */
export interface CartReply {
  cart: CartView;
  notice: string | null;
}

export class CartRefusal extends Error {}

async function call(url: string, init: RequestInit): Promise<CartReply> {
  let res: Response;
  try {
    res = await fetch(url, { ...init, headers: { 'content-type': 'application/json', ...init.headers }, cache: 'no-store' });
  } catch {
    throw new CartRefusal('We could not reach the shop. Check your connection and try again.');
  }
  const body = (await res.json().catch(() => null)) as (CartReply & { error?: string }) | null;
  if (!res.ok || !body) throw new CartRefusal(body?.error ?? 'Something went wrong. Please try again.');
  return body;
}

// One call at a time, in order: the first read hands out the cart cookie, and a second add sent
// before the first has answered (a double click) must carry it, or it would start another cart.
let queue: Promise<unknown> = Promise.resolve();
function inTurn(url: string, init: RequestInit): Promise<CartReply> {
  const next = queue.then(
    () => call(url, init),
    () => call(url, init),
  );
  queue = next.catch(() => undefined);
  return next;
}

export const cartApi = {
  get: () => inTurn('/api/cart', { method: 'GET' }),
  add: (variantId: string, quantity: number) => inTurn('/api/cart/lines', { method: 'POST', body: JSON.stringify({ variantId, quantity }) }),
  setQuantity: (variantId: string, quantity: number) =>
    inTurn(`/api/cart/lines/${encodeURIComponent(variantId)}`, { method: 'PATCH', body: JSON.stringify({ quantity }) }),
  remove: (variantId: string) => inTurn(`/api/cart/lines/${encodeURIComponent(variantId)}`, { method: 'DELETE' }),
  chooseShipping: (method: ShippingMethodName) => inTurn('/api/cart/shipping', { method: 'PUT', body: JSON.stringify({ method }) }),
};
