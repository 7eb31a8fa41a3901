import { describe, expect, it } from 'vitest';
import { cartCookie, cartRead, cartTokenFrom, cartWrite } from './http';
import { emptyCart, type CartSettings } from './cart';
import { addLineSchema } from './input';
import { RequestError } from '../http/json-body';

const settings: CartSettings = {
  maxPerLine: 10,
  ttlDays: 30,
  shipping: { currency: 'USD', standardCents: 995, expressCents: 2495, freeExpressThresholdCents: 15000, standardEstimate: 's', expressEstimate: 'e' },
};
const token = 'A'.repeat(43);
const post = (body: unknown, headers: Record<string, string> = {}) =>
  new Request('http://127.0.0.1:3000/api/cart/lines', { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json', host: '127.0.0.1:3000', ...headers } });

describe('the cart HTTP boundary', () => {
  it('reads the cart cookie among others', () => {
    expect(cartTokenFrom(new Request('http://x/', { headers: { cookie: `a=1; cart=${token}; b=2` } }))).toBe(token);
    expect(cartTokenFrom(new Request('http://x/'))).toBeNull();
  });

  it('writes an httpOnly, SameSite=Lax cookie that lives as long as the cart', () => {
    expect(cartCookie(token, 30)).toBe(`cart=${token}; Path=/; HttpOnly; SameSite=Lax; Max-Age=2592000`);
  });

  it('runs the change with parsed input and sets the cookie of a new cart', async () => {
    let seen: unknown;
    const res = await cartWrite(post({ variantId: 'c' + 'a'.repeat(24), quantity: 2 }), addLineSchema(10), 30, async (t, input) => {
      seen = { t, input };
      return { newToken: token, cart: emptyCart(settings), notice: 'Only 2 left in stock' };
    });
    expect(res.status).toBe(200);
    expect(seen).toEqual({ t: null, input: { variantId: 'c' + 'a'.repeat(24), quantity: 2 } });
    expect(res.headers.get('set-cookie')).toContain(`cart=${token}`);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect((await res.json()).notice).toBe('Only 2 left in stock');
  });

  it('refuses bad input and cross-site writes before anything runs', async () => {
    let ran = false;
    const run = async () => {
      ran = true;
      return { newToken: null, cart: emptyCart(settings), notice: null };
    };
    const bad = await cartWrite(post({ variantId: 'c' + 'a'.repeat(24), quantity: 0 }), addLineSchema(10), 30, run);
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toBe('Choose a quantity from 1 to 10');
    const cross = await cartWrite(post({ variantId: 'c' + 'a'.repeat(24), quantity: 1 }, { origin: 'https://evil.example' }), addLineSchema(10), 30, run);
    expect(cross.status).toBe(403);
    expect(ran).toBe(false);
  });

  it('turns refusals into their status and unexpected failures into a 500 without details', async () => {
    const refused = await cartWrite(post({ variantId: 'c' + 'a'.repeat(24), quantity: 1 }), addLineSchema(10), 30, async () => {
      throw new RequestError(409, 'Sorry, that one is sold out.');
    });
    expect(refused.status).toBe(409);
    const original = console.error;
    console.error = () => {};
    try {
      const broken = await cartRead(new Request('http://x/'), async () => {
        throw new Error('connection refused at 10.0.0.5');
      });
      expect(broken.status).toBe(500);
      expect(JSON.stringify(await broken.json())).not.toContain('10.0.0.5');
    } finally {
      console.error = original;
    }
  });
});
