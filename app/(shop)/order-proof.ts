import 'server-only';
import { cookies } from 'next/headers';
import { CART_COOKIE } from '@/lib/cart/token';
import { orderPassCookie } from '@/lib/orders/order-proof';

/**
 * The proofs a request carries for an order (lib/orders/order-proof.ts): the e-mail link's token from
 * the query or form, the lookup's pass cookie for that order, the placing browser's cart cookie.
 */
export async function requestProof(linkToken: unknown) {
  const jar = await cookies();
  return {
    linkToken: typeof linkToken === 'string' ? linkToken : null,
    cartToken: jar.get(CART_COOKIE)?.value ?? null,
    passTokenFor: (orderNumber: number) => jar.get(orderPassCookie(orderNumber))?.value ?? null,
  };
}

/** `?token=…` to carry an e-mail link's proof on to the next page, or nothing. */
export function withToken(path: string, linkToken: string | null): string {
  return linkToken ? `${path}${path.includes('?') ? '&' : '?'}token=${encodeURIComponent(linkToken)}` : path;
}
