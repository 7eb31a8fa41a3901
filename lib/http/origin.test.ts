import { describe, expect, it } from 'vitest';
import { isSameOrigin, secureCookies } from './origin';

const local = { siteUrl: 'http://localhost:3000', trustProxy: false };
const behindProxy = { siteUrl: 'http://localhost:3000', trustProxy: true };

function post(headers: Record<string, string>, url = 'http://127.0.0.1:3000/api/cart/lines'): Request {
  return new Request(url, { method: 'POST', headers: { host: '127.0.0.1:3000', ...headers } });
}

describe('same-origin check', () => {
  it('accepts the shop’s own pages, by SITE_URL or by the host asked', () => {
    expect(isSameOrigin(post({ origin: 'http://127.0.0.1:3000' }), local)).toBe(true);
    expect(isSameOrigin(post({ origin: 'http://localhost:3000' }), local)).toBe(true);
  });

  it('refuses another site, another port, another scheme, null and garbage', () => {
    for (const origin of [
      'https://evil.example',
      'http://127.0.0.1:3001',
      'https://127.0.0.1:3000',
      'null',
      'not a url',
      'http://127.0.0.1:3000.evil.example',
      'http://127.0.0.1:3000/path',
    ]) {
      expect(isSameOrigin(post({ origin }), local), origin).toBe(false);
    }
  });

  it('without Origin, follows Fetch Metadata', () => {
    expect(isSameOrigin(post({}), local)).toBe(true);
    expect(isSameOrigin(post({ 'sec-fetch-site': 'same-origin' }), local)).toBe(true);
    expect(isSameOrigin(post({ 'sec-fetch-site': 'cross-site' }), local)).toBe(false);
    expect(isSameOrigin(post({ 'sec-fetch-site': 'same-site' }), local)).toBe(false);
  });

  it('ignores X-Forwarded-Host and -Proto unless the proxy is trusted', () => {
    const forged = { origin: 'https://evil.example', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' };
    expect(isSameOrigin(post(forged), local)).toBe(false);
    const real = { origin: 'https://shop.example', 'x-forwarded-host': 'shop.example', 'x-forwarded-proto': 'https' };
    expect(isSameOrigin(post(real), behindProxy)).toBe(true);
    expect(isSameOrigin(post({ ...real, 'x-forwarded-proto': 'http' }), behindProxy)).toBe(false);
  });
});

describe('secure cookies', () => {
  it('are Secure when the shop is https', () => {
    expect(secureCookies(null, { siteUrl: 'https://shop.example', trustProxy: false })).toBe(true);
    expect(secureCookies(null, local)).toBe(false);
  });
  it('are Secure behind a trusted TLS proxy, and only a trusted one', () => {
    expect(secureCookies(post({ 'x-forwarded-proto': 'https' }), behindProxy)).toBe(true);
    expect(secureCookies(post({ 'x-forwarded-proto': 'https' }), local)).toBe(false);
    expect(secureCookies(post({}, 'https://127.0.0.1:3000/api/cart'), local)).toBe(true);
  });
});
