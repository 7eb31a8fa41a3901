import { methodNotAllowed } from '@/lib/http/methods';
import { chooseShipping } from '@/lib/cart/cart';
import { cartWrite } from '@/lib/cart/http';
import { shippingChoiceSchema } from '@/lib/cart/input';
import { cartSettings } from '@/lib/cart/settings';
import { db } from '@/lib/db';

/** Choose Standard or Express: { method }. The price comes from the rule, not from the request. */
export function PUT(req: Request) {
  const settings = cartSettings();
  return cartWrite(req, shippingChoiceSchema, settings.ttlDays, (token, input) => chooseShipping(db(), token, input.method, settings));
}

const refuse = methodNotAllowed('PUT');
export { refuse as GET, refuse as POST, refuse as PATCH, refuse as DELETE };
