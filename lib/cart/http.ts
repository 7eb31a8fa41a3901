import { isDatabaseUnavailable } from '../db/unavailable';
import 'server-only';
import type { z } from 'zod';
import { shopConfig } from '../config';
import { parseBody, RequestError } from '../http/json-body';
import { jsonResponse } from '../http/json-response';
import { assertSameOrigin, secureCookies, type OriginSettings } from '../http/origin';
import { CART_ERROR_STATUS, CartError } from './errors';
import { CART_COOKIE, isWellFormedToken, newCartToken } from './token';
import type { CartResult, CartView } from './types';

/**
 * The cart's HTTP boundary, on standard Request/Response so it is the same code in every route
 * handler and easy to test: read the cookie, refuse cross-site writes, parse the body with zod,
 * run one lib/cart function, answer JSON (or, for a form posted without JavaScript, a redirect
 * to the cart) with a message a person understands.
 */
export function cartTokenFrom(req: Request): string | null {
  const header = req.headers.get('cookie');
  if (!header) return null;
  for (const part of header.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name !== CART_COOKIE) continue;
    // A token is plain base64url: anything else (a stray %, say) is not ours and finds no cart.
    const value = rest.join('=');
    return isWellFormedToken(value) ? value : null;
  }
  return null;
}

export function originSettings(): OriginSettings {
  const c = shopConfig();
  return { siteUrl: c.SITE_URL, trustProxy: c.TRUST_PROXY };
}

export function cartCookie(token: string, ttlDays: number, secure = false): string {
  return `${CART_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${ttlDays * 86_400}${secure ? '; Secure' : ''}`;
}

function setCookie(req: Request, token: string, ttlDays: number): Record<string, string> {
  return { 'set-cookie': cartCookie(token, ttlDays, secureCookies(req, originSettings())) };
}

export interface CartResponseBody {
  cart: CartView;
  notice: string | null;
}

/** What a shopper reads when the database cannot be reached: nothing was changed, and it is worth trying again. */
export const CART_UNAVAILABLE = 'We can’t reach your cart right now, so nothing was changed. Please try again in a minute.';
const RETRY_AFTER = { 'retry-after': '30' };

export function errorResponse(err: unknown): Response {
  if (err instanceof RequestError) return jsonResponse({ error: err.message }, err.status);
  if (err instanceof CartError) return jsonResponse({ error: err.message }, CART_ERROR_STATUS[err.kind]);
  if (isDatabaseUnavailable(err)) {
    console.error('cart: the database cannot be reached', err instanceof Error ? err.message : err);
    return jsonResponse({ error: CART_UNAVAILABLE }, 503, RETRY_AFTER);
  }
  console.error(err);
  return jsonResponse({ error: 'Something went wrong on our side. Please try again.' }, 500);
}

export async function cartWrite<T>(
  req: Request,
  schema: z.ZodType<T> | null,
  ttlDays: number,
  run: (token: string | null, input: T) => Promise<CartResult>,
): Promise<Response> {
  try {
    assertSameOrigin(req, originSettings());
    const input = schema ? await parseBody(req, schema) : (undefined as T);
    const token = cartTokenFrom(req);
    const result = await run(token, input);
    // Re-sent on every change so the cookie's lifetime slides with the cart's.
    const cookieToken = result.newToken ?? token;
    const body: CartResponseBody = { cart: result.cart, notice: result.notice };
    return jsonResponse(body, 200, cookieToken ? setCookie(req, cookieToken, ttlDays) : {});
  } catch (err) {
    return errorResponse(err);
  }
}

/**
 * The shopper's cart. A visitor without a (valid) cookie gets one now, for a cart that does not
 * exist yet: the first add then finds it, so two first adds at once (a double click) fill one
 * cart instead of making two.
 */
export async function cartRead(req: Request, ttlDays: number, read: (token: string | null) => Promise<CartView>): Promise<Response> {
  try {
    const token = cartTokenFrom(req);
    const body: CartResponseBody = { cart: await read(token), notice: null };
    return jsonResponse(body, 200, token ? {} : setCookie(req, newCartToken(), ttlDays));
  } catch (err) {
    return errorResponse(err);
  }
}

/** Where a form posted without JavaScript lands: the cart, with what happened as a short code. */
export type CartFormOutcome = 'added' | 'invalid' | CartError['kind'];

function redirectToCart(outcome: CartFormOutcome, headers: Record<string, string> = {}): Response {
  const key = outcome === 'added' ? 'added=1' : `problem=${outcome}`;
  return new Response(null, { status: 303, headers: { location: `/cart?${key}`, 'cache-control': 'no-store', ...headers } });
}

export function isFormPost(req: Request): boolean {
  return req.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase() === 'application/x-www-form-urlencoded';
}

/** The same change as cartWrite, for an HTML form: answers 303 to /cart, never JSON. */
export async function cartFormWrite<T>(
  req: Request,
  schema: z.ZodType<T>,
  ttlDays: number,
  run: (token: string | null, input: T) => Promise<CartResult>,
): Promise<Response> {
  try {
    assertSameOrigin(req, originSettings());
  } catch (err) {
    return errorResponse(err);
  }
  let input: T;
  try {
    input = await parseBody(req, schema, undefined, 'form');
  } catch (err) {
    if (err instanceof RequestError && err.status === 400) return redirectToCart('invalid');
    return errorResponse(err);
  }
  try {
    const token = cartTokenFrom(req);
    const result = await run(token, input);
    const cookieToken = result.newToken ?? token;
    return redirectToCart('added', cookieToken ? setCookie(req, cookieToken, ttlDays) : {});
  } catch (err) {
    if (err instanceof CartError) return redirectToCart(err.kind);
    // Without JavaScript the answer is the page the browser shows: a sentence, not JSON (/cart itself needs the database).
    if (isDatabaseUnavailable(err)) return formFailurePage(503, 'Back in a moment', CART_UNAVAILABLE, RETRY_AFTER);
    console.error(err);
    return formFailurePage(500, 'Something went wrong', 'Something went wrong on our side, so your cart was not changed. Please try again.');
  }
}

/** A plain page for a form posted without JavaScript that could not be carried out: what happened, and a way back. */
function formFailurePage(status: number, heading: string, sentence: string, headers: Record<string, string> = {}): Response {
  return new Response(
    `<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${heading}</title><main style="font:1.1rem/1.5 system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem"><h1>${heading}</h1><p>${sentence}</p><p><a href="/">Back to the shop</a></p></main></html>`,
    { status, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...headers } },
  );
}
