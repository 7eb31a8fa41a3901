import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, securityHeaders } from './security-headers';

const get = (headers: { key: string; value: string }[], key: string) => headers.find((h) => h.key === key)?.value;
const directive = (csp: string, name: string) => csp.split('; ').find((d) => d.split(' ')[0] === name);

describe('security headers', () => {
  const local = securityHeaders({ siteUrl: 'http://localhost:3000', development: false });
  const public_ = securityHeaders({ siteUrl: 'https://shop.example', development: false });

  it('sends HSTS only when the shop is served over https', () => {
    expect(get(local, 'Strict-Transport-Security')).toBeUndefined();
    expect(get(public_, 'Strict-Transport-Security')).toMatch(/^max-age=\d{8,}/);
  });

  it('forbids framing, sniffing and plugins, and limits forms to us and the payment providers', () => {
    const csp = get(public_, 'Content-Security-Policy')!;
    expect(directive(csp, 'frame-ancestors')).toBe("frame-ancestors 'none'");
    expect(directive(csp, 'object-src')).toBe("object-src 'none'");
    expect(directive(csp, 'base-uri')).toBe("base-uri 'self'");
    expect(directive(csp, 'form-action')).toContain('https://checkout.stripe.com');
    expect(directive(csp, 'form-action')!.split(' ')).not.toContain('*');
    expect(directive(csp, 'upgrade-insecure-requests')).toBeDefined();
    expect(get(public_, 'X-Frame-Options')).toBe('DENY');
    expect(get(public_, 'X-Content-Type-Options')).toBe('nosniff');
    expect(get(public_, 'Referrer-Policy')).toBe('strict-origin-when-cross-origin');
  });

  it('allows eval only in development', () => {
    expect(directive(contentSecurityPolicy({ siteUrl: 'http://localhost:3000', development: false }), 'script-src')).not.toContain('unsafe-eval');
    expect(directive(contentSecurityPolicy({ siteUrl: 'http://localhost:3000', development: true }), 'script-src')).toContain('unsafe-eval');
  });

  it('never upgrades requests on a local http shop (it would break it)', () => {
    expect(directive(get(local, 'Content-Security-Policy')!, 'upgrade-insecure-requests')).toBeUndefined();
  });

  it('is exactly this policy: every source the shop allows is listed here, so adding one is a reviewed change', () => {
    const paypal = 'https://www.paypal.com https://*.paypal.com https://*.paypalobjects.com';
    expect(contentSecurityPolicy({ siteUrl: 'https://shop.example', development: false }).split('; ')).toEqual([
      "default-src 'self'",
      `script-src 'self' 'unsafe-inline' ${paypal}`,
      "style-src 'self' 'unsafe-inline'",
      `img-src 'self' data: blob: ${paypal}`,
      "font-src 'self' data:",
      `connect-src 'self' ${paypal}`,
      `frame-src ${paypal}`,
      `form-action 'self' https://checkout.stripe.com ${paypal}`,
      "object-src 'none'",
      "base-uri 'self'",
      "frame-ancestors 'none'",
      "manifest-src 'self'",
      'upgrade-insecure-requests',
    ]);
    // Development adds eval (React's debugging) and the dev server's socket, nothing else.
    const dev = contentSecurityPolicy({ siteUrl: 'http://localhost:3000', development: true }).split('; ');
    expect(dev).toContain(`script-src 'self' 'unsafe-inline' 'unsafe-eval' ${paypal}`);
    expect(dev).toContain(`connect-src 'self' ${paypal} ws:`);
    expect(dev).toHaveLength(12);
    expect(get(public_, 'Permissions-Policy')).toBe(
      'camera=(), microphone=(), geolocation=(), usb=(), interest-cohort=(), payment=(self "https://www.paypal.com")',
    );
    expect(get(public_, 'Cross-Origin-Opener-Policy')).toBe('same-origin-allow-popups');
    expect(local.map((h) => h.key)).toEqual([
      'Content-Security-Policy',
      'X-Frame-Options',
      'X-Content-Type-Options',
      'Referrer-Policy',
      'Permissions-Policy',
      'Cross-Origin-Opener-Policy',
    ]);
  });
});
