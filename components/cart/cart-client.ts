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

export const cartApi = {
  get: () => call('/api/cart', { method: 'GET' }),
  add: (variantId: string, quantity: number) => call('/api/cart/lines', { method: 'POST', body: JSON.stringify({ variantId, quantity }) }),
  setQuantity: (variantId: string, quantity: number) =>
    call(`/api/cart/lines/${encodeURIComponent(variantId)}`, { method: 'PATCH', body: JSON.stringify({ quantity }) }),
  remove: (variantId: string) => call(`/api/cart/lines/${encodeURIComponent(variantId)}`, { method: 'DELETE' }),
  chooseShipping: (method: ShippingMethodName) => call('/api/cart/shipping', { method: 'PUT', body: JSON.stringify({ method }) }),
};
