import { paypalCapture } from '@/lib/checkout/http';
import { db } from '@/lib/db';
import { methodNotAllowed } from '@/lib/http/methods';

/** PayPal's onApprove: captures, checks the amount against the order, records the payment once. */
export function POST(req: Request) {
  return paypalCapture(req, db());
}

const refuse = methodNotAllowed('POST');
export { refuse as GET, refuse as PUT, refuse as PATCH, refuse as DELETE };
