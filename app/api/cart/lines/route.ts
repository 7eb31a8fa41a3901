import { methodNotAllowed } from '@/lib/http/methods';
import { addToCart, addToCartByOptions } from '@/lib/cart/cart';
import { cartFormWrite, cartWrite, isFormPost } from '@/lib/cart/http';
import { addFormSchema, addLineSchema } from '@/lib/cart/input';
import { cartSettings } from '@/lib/cart/settings';
import { db } from '@/lib/db';

/**
 * Add to the cart. From the product page's script: JSON { variantId, quantity }, answered with the
 * cart. Without JavaScript the same form posts { product, colour, size, quantity } and lands on /cart.
 */
export function POST(req: Request) {
  const settings = cartSettings();
  if (isFormPost(req)) {
    return cartFormWrite(req, addFormSchema(settings.maxPerLine), settings.ttlDays, (token, input) => addToCartByOptions(db(), token, input, settings));
  }
  return cartWrite(req, addLineSchema(settings.maxPerLine), settings.ttlDays, (token, input) => addToCart(db(), token, input, settings));
}

const refuse = methodNotAllowed('POST');
export { refuse as GET, refuse as PUT, refuse as PATCH, refuse as DELETE };
