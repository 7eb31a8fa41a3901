import 'server-only';
import { z } from 'zod';
import { cartTokenFrom, errorResponse, originSettings } from '../cart/http';
import type { Db } from '../db';
import { parseBody, RequestError } from '../http/json-body';
import { jsonResponse } from '../http/json-response';
import { assertSameOrigin } from '../http/origin';
import { parseCheckout } from './input';
import { afterPayment } from './confirmation';
import { finishPayPal, startPayPal } from './service';

/** PayPal's two calls from the browser, on standard Request/Response: same-origin, parsed with zod. */

export async function paypalCreate(req: Request, db: Db): Promise<Response> {
  try {
    assertSameOrigin(req, originSettings());
    const body = await parseBody(req, z.record(z.string(), z.string().max(300)));
    const parsed = parseCheckout({ ...body, payment: 'paypal' });
    if (!parsed.ok) return jsonResponse({ error: 'Please correct the fields marked in the form, then try PayPal again.', errors: parsed.errors }, 400);
    const r = await startPayPal(db, cartTokenFrom(req), parsed.input);
    if (r.kind === 'created') return jsonResponse({ paypalOrderId: r.paypalOrderId });
    if (r.kind === 'unavailable') return jsonResponse({ error: r.message }, 503);
    const p = r.result;
    if (p.kind === 'empty') return jsonResponse({ error: 'Your cart is empty.' }, 409);
    if (p.kind === 'changed') return jsonResponse({ error: 'Prices or items in your cart changed. Reload the page to see the new total.' }, 409);
    return jsonResponse(
      { error: `Sorry: ${p.problems.map((x) => (x.available > 0 ? `only ${x.available} of ${x.title} left` : `${x.title} is sold out`)).join('; ')}.` },
      409,
    );
  } catch (err) {
    return errorResponse(err);
  }
}

const captureSchema = z.strictObject({ orderID: z.string().regex(/^[A-Z0-9-]{5,40}$/, 'That PayPal order id is not valid.') });

export async function paypalCapture(req: Request, db: Db): Promise<Response> {
  try {
    assertSameOrigin(req, originSettings());
    const { orderID } = await parseBody(req, captureSchema);
    const r = await finishPayPal(db, cartTokenFrom(req), orderID);
    switch (r.kind) {
      case 'paid':
        await afterPayment(db, r.orderId);
        return jsonResponse({ redirect: `/checkout/success?order=${r.orderId}` });
      case 'mismatch':
        return jsonResponse(
          {
            error: 'PayPal reported a different amount than your order. Nothing is shipped until our staff have checked it; we will e-mail you.',
            redirect: `/checkout/success?order=${r.orderId}`,
          },
          409,
        );
      case 'declined':
        return jsonResponse({ error: r.message, retry: true }, 402);
      case 'not-found':
        throw new RequestError(404, 'We could not find that order for this browser.');
      case 'failed':
        return jsonResponse({ error: r.message }, 502);
    }
  } catch (err) {
    return errorResponse(err);
  }
}
