import { paypalCreate } from '@/lib/checkout/http';
import { db } from '@/lib/db';
import { methodNotAllowed } from '@/lib/http/methods';

/** PayPal's createOrder: places our order from the form's fields and creates PayPal's for it. */
export function POST(req: Request) {
  return paypalCreate(req, db());
}

const refuse = methodNotAllowed('POST');
export { refuse as GET, refuse as PUT, refuse as PATCH, refuse as DELETE };
