/**
 * The security headers every response carries (next.config.ts applies them to all paths).
 *
 * The Content-Security-Policy is as strict as cached pages allow. Pages are prerendered and
 * served from the cache, identical for every visitor, so they cannot carry a per-request nonce;
 * Next's inline bootstrap scripts therefore need 'unsafe-inline' in script-src. Everything else
 * is limited to our own origin plus the payment providers: PayPal's buttons (script, frames,
 * API calls and images from paypal.com) and Stripe's hosted checkout (a form that redirects to
 * checkout.stripe.com). No plugins, no <base> tricks, and no framing by other sites.
 */
export interface SecurityHeaderOptions {
  siteUrl: string;
  /** `next dev` needs eval for React's debugging; production never does. */
  development: boolean;
}

const PAYPAL = ['https://www.paypal.com', 'https://*.paypal.com', 'https://*.paypalobjects.com'];
const STRIPE_CHECKOUT = ['https://checkout.stripe.com'];

export function contentSecurityPolicy({ siteUrl, development }: SecurityHeaderOptions): string {
  const https = new URL(siteUrl).protocol === 'https:';
  const directives: [string, ...string[]][] = [
    ['default-src', "'self'"],
    ['script-src', "'self'", "'unsafe-inline'", ...(development ? ["'unsafe-eval'"] : []), ...PAYPAL],
    ['style-src', "'self'", "'unsafe-inline'"],
    ['img-src', "'self'", 'data:', 'blob:', ...PAYPAL],
    ['font-src', "'self'", 'data:'],
    ['connect-src', "'self'", ...PAYPAL, ...(development ? ['ws:'] : [])],
    ['frame-src', ...PAYPAL],
    ['form-action', "'self'", ...STRIPE_CHECKOUT, ...PAYPAL],
    ['object-src', "'none'"],
    ['base-uri', "'self'"],
    ['frame-ancestors', "'none'"],
    ['manifest-src', "'self'"],
  ];
  if (https) directives.push(['upgrade-insecure-requests']);
  return directives.map((d) => d.join(' ')).join('; ');
}

export function securityHeaders(options: SecurityHeaderOptions): { key: string; value: string }[] {
  const headers = [
    { key: 'Content-Security-Policy', value: contentSecurityPolicy(options) },
    { key: 'X-Frame-Options', value: 'DENY' },
    { key: 'X-Content-Type-Options', value: 'nosniff' },
    { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
    { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), usb=(), interest-cohort=(), payment=(self "https://www.paypal.com")' },
    { key: 'Cross-Origin-Opener-Policy', value: 'same-origin-allow-popups' },
  ];
  // Only a shop served over https may promise browsers to use nothing else.
  if (new URL(options.siteUrl).protocol === 'https:') {
    headers.push({ key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' });
  }
  return headers;
}
