import { describe, expect, it } from 'vitest';
import { methodNotAllowed } from './methods';
import { jsonResponse } from './json-response';

describe('answers no cache keeps', () => {
  it('a 405 names the methods the address does answer, in the Allow header and in words', async () => {
    const res = methodNotAllowed('GET, HEAD')();
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, HEAD');
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toEqual({ error: 'This address answers GET, HEAD requests only.' });
  });

  it('a JSON answer is 200 by default, never stored, and takes extra headers', async () => {
    const ok = jsonResponse({ a: 1 });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(ok.headers.get('cache-control')).toBe('no-store');
    expect(await ok.json()).toEqual({ a: 1 });
    const refused = jsonResponse({ error: 'x' }, 409, { 'set-cookie': 'cart=1' });
    expect(refused.status).toBe(409);
    expect(refused.headers.get('set-cookie')).toBe('cart=1');
    expect(refused.headers.get('cache-control')).toBe('no-store');
  });
});
