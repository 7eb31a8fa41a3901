import { describe, expect, it, vi } from 'vitest';
import { CART_UNAVAILABLE, cartCookie, cartFormWrite, cartRead, cartTokenFrom, cartWrite, isFormPost } from './http';
import { CartError } from './errors';
import type { CartSettings } from './types';
import { emptyCart } from './view';
import { addFormSchema, addLineSchema } from './input';
import { RequestError } from '../http/json-body';

const settings: CartSettings = {
  maxPerLine: 10,
  ttlDays: 30,
  shipping: { currency: 'USD', standardCents: 995, expressCents: 2495, freeExpressThresholdCents: 15000, standardEstimate: 's', expressEstimate: 'e' },
};
const token = 'A'.repeat(43);
const post = (body: unknown, headers: Record<string, string> = {}) =>
  new Request('http://127.0.0.1:3000/api/cart/lines', {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json', host: '127.0.0.1:3000', ...headers },
  });

describe('the cart HTTP boundary', () => {
  it('reads the cart cookie among others', () => {
    expect(cartTokenFrom(new Request('http://x/', { headers: { cookie: `a=1; cart=${token}; b=2` } }))).toBe(token);
    expect(cartTokenFrom(new Request('http://x/'))).toBeNull();
  });

  it('treats a malformed cookie (a stray %, junk) as no cart instead of failing', () => {
    for (const cookie of ['cart=%', 'cart=%E0%A4%A', 'cart=' + 'x'.repeat(5000), 'cart=a;cart=b', 'cart']) {
      expect(cartTokenFrom(new Request('http://x/', { headers: { cookie } })), cookie).toBeNull();
    }
  });

  it('gives a visitor without a cookie one on the first read, and a Secure one over https', async () => {
    const read = async () => emptyCart(settings);
    const fresh = await cartRead(new Request('http://127.0.0.1:3000/api/cart', { headers: { cookie: 'cart=%' } }), 30, read);
    expect(fresh.status).toBe(200);
    expect(fresh.headers.get('set-cookie')).toMatch(/^cart=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Lax; Max-Age=2592000$/);
    const known = await cartRead(new Request('http://127.0.0.1:3000/api/cart', { headers: { cookie: `cart=${token}` } }), 30, read);
    expect(known.headers.get('set-cookie')).toBeNull();
    const https = await cartRead(new Request('https://127.0.0.1:3000/api/cart'), 30, read);
    expect(https.headers.get('set-cookie')).toContain('; Secure');
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
      const broken = await cartRead(new Request('http://x/'), 30, async () => {
        throw new Error('connection refused at 10.0.0.5');
      });
      expect(broken.status).toBe(500);
      expect(await broken.json()).toEqual({ error: 'Something went wrong on our side. Please try again.' });
    } finally {
      console.error = original;
    }
  });

  it('answers a database out of reach with 503, a sentence and Retry-After: JSON for the script, a page for a form', async () => {
    const original = console.error;
    console.error = () => {};
    try {
      const down = async (): Promise<never> => {
        throw Object.assign(new Error("Can't reach database server at 127.0.0.1:5432"), { code: 'P1001', name: 'PrismaClientKnownRequestError' });
      };
      const res = await cartWrite(post({ variantId: 'c' + 'a'.repeat(24), quantity: 1 }), addLineSchema(10), 30, down);
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('30');
      expect(res.headers.get('set-cookie')).toBeNull();
      expect(await res.json()).toEqual({ error: CART_UNAVAILABLE });
      const cut = await cartRead(new Request('http://x/', { headers: { cookie: `cart=${token}` } }), 30, async () => {
        throw new Error('Connection terminated unexpectedly');
      });
      expect(cut.status).toBe(503);
      const form = new Request('http://127.0.0.1:3000/api/cart/lines', {
        method: 'POST',
        body: 'product=yak-wool-socks&colour=Grey&size=M&quantity=1',
        headers: { 'content-type': 'application/x-www-form-urlencoded', host: '127.0.0.1:3000' },
      });
      const page = await cartFormWrite(form, addFormSchema(10), 30, down);
      expect(page.status).toBe(503);
      expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(await page.text()).toContain(CART_UNAVAILABLE.replace('’', '’'));
    } finally {
      console.error = original;
    }
  });

  it('turns a cart refusal into its status and its own sentence', async () => {
    const soldOut = await cartWrite(post({ variantId: 'c' + 'a'.repeat(24), quantity: 1 }), addLineSchema(10), 30, async () => {
      throw new CartError('sold-out', 'Sorry, the Oat scarf just sold out.');
    });
    expect(soldOut.status).toBe(409);
    expect(await soldOut.json()).toEqual({ error: 'Sorry, the Oat scarf just sold out.' });
    const gone = await cartWrite(post({ variantId: 'c' + 'a'.repeat(24), quantity: 1 }), addLineSchema(10), 30, async () => {
      throw new CartError('not-in-cart', 'That item is no longer in your cart.');
    });
    expect(gone.status).toBe(404);
  });

  it('knows a form post by its content type, parameters and case aside', () => {
    const withType = (type: string | null) => new Request('http://x/', { method: 'POST', body: 'a=1', headers: type ? { 'content-type': type } : {} });
    expect(isFormPost(withType('application/x-www-form-urlencoded'))).toBe(true);
    expect(isFormPost(withType('Application/X-WWW-Form-Urlencoded; charset=UTF-8'))).toBe(true);
    expect(isFormPost(withType(' application/x-www-form-urlencoded ; charset=UTF-8'))).toBe(true);
    expect(isFormPost(withType('application/json'))).toBe(false);
    expect(isFormPost(withType('multipart/form-data; boundary=x'))).toBe(false);
    expect(isFormPost(new Request('http://x/', { method: 'POST' }))).toBe(false);
  });

  it('a form too large for the limit is refused with 413, not sent to the cart as if it were merely invalid', async () => {
    const huge = new Request('http://127.0.0.1:3000/api/cart/lines', {
      method: 'POST',
      body: `product=yak-socks&colour=Grey&size=M&quantity=1&pad=${'x'.repeat(70_000)}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded', host: '127.0.0.1:3000' },
    });
    const res = await cartFormWrite(huge, addFormSchema(10), 30, async () => {
      throw new Error('must not run');
    });
    expect(res.status).toBe(413);
  });

  it('answers a form posted without JavaScript with a redirect to the cart, whatever happens', async () => {
    const form = (body: string, headers: Record<string, string> = {}) =>
      new Request('http://127.0.0.1:3000/api/cart/lines', {
        method: 'POST',
        body,
        headers: { 'content-type': 'application/x-www-form-urlencoded', host: '127.0.0.1:3000', ...headers },
      });
    const ok = await cartFormWrite(form('product=yak-socks&colour=Grey&size=M&quantity=2'), addFormSchema(10), 30, async (_t, input) => {
      expect(input).toEqual({ product: 'yak-socks', colour: 'Grey', size: 'M', quantity: 2 });
      return { newToken: token, cart: emptyCart(settings), notice: null };
    });
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toBe('/cart?added=1');
    expect(ok.headers.get('cache-control')).toBe('no-store');
    expect(ok.headers.get('set-cookie')).toContain(`cart=${token}`);
    const never = async () => {
      throw new Error('must not run');
    };
    const invalid = await cartFormWrite(form('product=yak-socks&colour=Grey&size=M&quantity=2.5'), addFormSchema(10), 30, never);
    expect(invalid.headers.get('location')).toBe('/cart?problem=invalid');
    const soldOut = await cartFormWrite(form('product=yak-socks&colour=Grey&size=M&quantity=1'), addFormSchema(10), 30, async () => {
      throw new CartError('sold-out', 'Sorry, that one is sold out.');
    });
    expect(soldOut.headers.get('location')).toBe('/cart?problem=sold-out');
    const cross = await cartFormWrite(
      form('product=yak-socks&colour=Grey&size=M&quantity=1', { origin: 'https://evil.example' }),
      addFormSchema(10),
      30,
      never,
    );
    expect(cross.status).toBe(403);
  });

  it('refuses a form where JSON is expected, instead of a form that could never validate', async () => {
    const res = await cartWrite(
      new Request('http://127.0.0.1:3000/api/cart/lines', {
        method: 'PATCH',
        body: 'quantity=2',
        headers: { 'content-type': 'application/x-www-form-urlencoded', host: '127.0.0.1:3000' },
      }),
      addLineSchema(10),
      30,
      async () => {
        throw new Error('must not run');
      },
    );
    expect(res.status).toBe(415);
  });

  it('takes the cart cookie whole: a token with anything after it is not ours', () => {
    expect(cartTokenFrom(new Request('http://x/', { headers: { cookie: `cart=${token}=` } }))).toBeNull();
    expect(cartTokenFrom(new Request('http://x/', { headers: { cookie: `cart=${token}=x` } }))).toBeNull();
  });

  it('tells a shopper in a sentence that nothing changed and to try again, and logs why for staff', async () => {
    expect(CART_UNAVAILABLE).toBe('We can’t reach your cart right now, so nothing was changed. Please try again in a minute.');
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      await cartRead(new Request('http://x/', { headers: { cookie: `cart=${token}` } }), 30, async () => {
        throw new Error('Connection terminated unexpectedly');
      });
      expect(logged).toHaveBeenCalledWith('cart: the database cannot be reached', 'Connection terminated unexpectedly');
    } finally {
      logged.mockRestore();
    }
  });

  it('a form whose change fails for another reason gets a 500 page (never JSON: the browser shows it), not the back-in-a-moment one', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const form = () =>
      new Request('http://127.0.0.1:3000/api/cart/lines', {
        method: 'POST',
        body: 'product=yak-wool-socks&colour=Grey&size=M&quantity=1',
        headers: { 'content-type': 'application/x-www-form-urlencoded', host: '127.0.0.1:3000' },
      });
    try {
      const broken = await cartFormWrite(form(), addFormSchema(10), 30, async () => {
        throw new TypeError('a bug');
      });
      expect(broken.status).toBe(500);
      expect(broken.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(broken.headers.get('cache-control')).toBe('no-store');
      expect(broken.headers.get('retry-after')).toBeNull();
      const page = await broken.text();
      expect(page).toContain('<title>Something went wrong</title>');
      expect(page).toContain('<h1>Something went wrong</h1>');
      expect(page).toContain('<p>Something went wrong on our side, so your cart was not changed. Please try again.</p>');
      expect(page).toContain('<a href="/">Back to the shop</a>');
      expect(logged).toHaveBeenCalledWith(new TypeError('a bug'));
      const down = await cartFormWrite(form(), addFormSchema(10), 30, async () => {
        throw new Error('Connection terminated unexpectedly');
      });
      expect(down.status).toBe(503);
      expect(down.headers.get('cache-control')).toBe('no-store');
      expect(down.headers.get('retry-after')).toBe('30');
      const html = await down.text();
      expect(html).toMatch(/^<!doctype html><html lang="en">/);
      expect(html).toContain('<title>Back in a moment</title>');
      expect(html).toContain('<h1>Back in a moment</h1>');
      expect(html).toContain(`<p>${CART_UNAVAILABLE}</p>`);
      expect(html).toContain('<a href="/">Back to the shop</a>');
    } finally {
      logged.mockRestore();
    }
  });
});
