import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { PAYPAL_FAKE_APPROVE_BASE, paypalSdkStandIn } from '../../fakes/paypal';

/** The fakes scripts/e2e-server.ts started beside the store. */
export function fakes(): { stripe: string; paypal: string } {
  return JSON.parse(fs.readFileSync(path.resolve(process.env.E2E_DATA_DIR ?? '.data/e2e', 'fakes.json'), 'utf8')) as { stripe: string; paypal: string };
}

/** PayPal's JS SDK replaced by a stand-in that talks to the PayPal fake, and the buyer's approval in PayPal's window answered by the fake. */
export async function routePayPal(page: Page) {
  const fakeUrl = fakes().paypal;
  const source = paypalSdkStandIn({ fakeUrl, approveBase: PAYPAL_FAKE_APPROVE_BASE });
  await page.route('**/sdk/js?**', (route) => route.fulfill({ status: 200, contentType: 'application/javascript', body: source }));
  // What the buyer does in PayPal's window, answered by the fake.
  await page.route(`${PAYPAL_FAKE_APPROVE_BASE}*`, async (route) => {
    const cors = { 'access-control-allow-origin': '*', 'access-control-allow-methods': 'POST, OPTIONS', 'access-control-allow-headers': 'content-type' };
    if (route.request().method() === 'OPTIONS') return route.fulfill({ status: 204, headers: cors });
    const id = new URL(route.request().url()).pathname.split('/').pop()!;
    const res = await fetch(`${fakeUrl}/__fake/approve/${id}`, { method: 'POST' });
    await route.fulfill({ status: res.status, headers: cors, contentType: 'application/json', body: await res.text() });
  });
}
