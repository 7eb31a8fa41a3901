import { addToCart } from '@/lib/cart/cart';
import { cartWrite } from '@/lib/cart/http';
import { addLineSchema } from '@/lib/cart/input';
import { cartSettings } from '@/lib/cart/settings';
import { db } from '@/lib/db';

/** Add a variant to the cart: { variantId, quantity }. */
export function POST(req: Request) {
  const settings = cartSettings();
  return cartWrite(req, addLineSchema(settings.maxPerLine), settings.ttlDays, (token, input) => addToCart(db(), token, input, settings));
}
