import { RequestError } from './json-body';

/**
 * Where a request says it comes from, and whether it is us. A write (cart, checkout) must come
 * from the shop's own pages: browsers send Origin on every POST, and Sec-Fetch-Site where they
 * support it. The shop's origin is SITE_URL's, or the scheme and host this request was made to;
 * X-Forwarded-Proto/-Host count only when the shop is told it sits behind a proxy (TRUST_PROXY).
 */
export interface OriginSettings {
  siteUrl: string;
  trustProxy: boolean;
}

const firstValue = (v: string | null) => v?.split(',')[0]?.trim() || null;

/** The scheme the shopper used: https behind a trusted TLS proxy, else what reached us. */
export function requestProtocol(req: Request, settings: OriginSettings): 'http' | 'https' {
  const forwarded = settings.trustProxy ? firstValue(req.headers.get('x-forwarded-proto')) : null;
  const proto = forwarded ?? new URL(req.url).protocol.replace(':', '');
  return proto === 'https' ? 'https' : 'http';
}

export function shopOrigins(req: Request, settings: OriginSettings): Set<string> {
  const origins = new Set([new URL(settings.siteUrl).origin]);
  const host = (settings.trustProxy ? firstValue(req.headers.get('x-forwarded-host')) : null) ?? req.headers.get('host');
  if (host) origins.add(`${requestProtocol(req, settings)}://${host.toLowerCase()}`);
  return origins;
}

export function isSameOrigin(req: Request, settings: OriginSettings): boolean {
  const origin = req.headers.get('origin');
  if (origin === null) {
    // No Origin: not a browser's cross-site request, unless Fetch Metadata says it is.
    const site = req.headers.get('sec-fetch-site');
    return site === null || site === 'same-origin' || site === 'none';
  }
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false; // "null" (sandboxed frames, some redirects) and garbage alike
  }
  if (parsed.origin === 'null' || `${parsed.protocol}//${parsed.host}` !== origin.toLowerCase().replace(/\/$/, '')) return false;
  return shopOrigins(req, settings).has(parsed.origin);
}

export function assertSameOrigin(req: Request, settings: OriginSettings): void {
  if (!isSameOrigin(req, settings)) throw new RequestError(403, 'This request did not come from the shop.');
}

/** Whether cookies we set must be Secure: the shop is https, or this request came over https. */
export function secureCookies(req: Request | null, settings: OriginSettings): boolean {
  if (new URL(settings.siteUrl).protocol === 'https:') return true;
  return req !== null && requestProtocol(req, settings) === 'https';
}
