import type { z } from 'zod';
import { shopConfig } from '../config';
import { parseBody, RequestError } from '../http/json-body';
import type { CartResult, CartView } from './cart';
import { CART_COOKIE } from './token';

/**
 * The cart's HTTP boundary, on standard Request/Response so it is the same code in every route
 * handler and easy to test: read the cookie, refuse cross-site writes, parse the body with zod,
 * run one lib/cart function, answer JSON with a message a person understands.
 */
export function cartTokenFrom(req: Request): string | null {
  const header = req.headers.get('cookie') ?? '';
  for (const part of header.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === CART_COOKIE) return decodeURIComponent(rest.join('='));
  }
  return null;
}

export function cartCookie(token: string, ttlDays: number): string {
  const secure = shopConfig().SITE_URL.startsWith('https:') ? '; Secure' : '';
  return `${CART_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${ttlDays * 86_400}${secure}`;
}

export interface CartResponseBody {
  cart: CartView;
  notice: string | null;
}

function json(body: unknown, status: number, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
  });
}

export function errorResponse(err: unknown): Response {
  if (err instanceof RequestError) return json({ error: err.message }, err.status);
  console.error(err);
  return json({ error: 'Something went wrong on our side. Please try again.' }, 500);
}

// A write must come from the shop's own pages: browsers send Origin on cross-site POSTs.
function assertSameOrigin(req: Request): void {
  const origin = req.headers.get('origin');
  if (!origin) return;
  const host = req.headers.get('x-forwarded-host') ?? req.headers.get('host');
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    throw new RequestError(403, 'This request did not come from the shop.');
  }
  if (host && originHost !== host) throw new RequestError(403, 'This request did not come from the shop.');
}

export async function cartWrite<T>(
  req: Request,
  schema: z.ZodType<T> | null,
  ttlDays: number,
  run: (token: string | null, input: T) => Promise<CartResult>,
): Promise<Response> {
  try {
    assertSameOrigin(req);
    const input = schema ? await parseBody(req, schema) : (undefined as T);
    const token = cartTokenFrom(req);
    const result = await run(token, input);
    // Re-sent on every change so the cookie's lifetime slides with the cart's.
    const cookieToken = result.newToken ?? token;
    const body: CartResponseBody = { cart: result.cart, notice: result.notice };
    return json(body, 200, cookieToken ? { 'set-cookie': cartCookie(cookieToken, ttlDays) } : {});
  } catch (err) {
    return errorResponse(err);
  }
}

export async function cartRead(req: Request, read: (token: string | null) => Promise<CartView>): Promise<Response> {
  try {
    const body: CartResponseBody = { cart: await read(cartTokenFrom(req)), notice: null };
    return json(body, 200);
  } catch (err) {
    return errorResponse(err);
  }
}
