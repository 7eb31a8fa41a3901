import { methodNotAllowed } from '@/lib/http/methods';
import { getCart } from '@/lib/cart/cart';
import { cartRead } from '@/lib/cart/http';
import { cartSettings } from '@/lib/cart/settings';
import { db } from '@/lib/db';

export const dynamic = 'force-dynamic';

/** The shopper's cart (the header count and the drawer read it after the cached page loads). */
export function GET(req: Request) {
  const settings = cartSettings();
  return cartRead(req, settings.ttlDays, (token) => getCart(db(), token, settings));
}

const refuse = methodNotAllowed('GET, HEAD');
export { refuse as POST, refuse as PUT, refuse as PATCH, refuse as DELETE };
