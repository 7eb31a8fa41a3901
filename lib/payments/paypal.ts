import 'server-only';
import { z } from 'zod';
import { parseMajorUnits } from '../money';
import type { OrderView } from '../checkout/types';

/**
 * PayPal's Orders v2 REST API, called from the server: create an order from ours (the amount
 * with its breakdown), capture it after the buyer approves, read it back when PayPal says it was
 * already captured. Every answer is parsed with zod; errors keep PayPal's issue code.
 */
export interface PayPalSettings {
  clientId: string;
  clientSecret: string;
  apiBase: string;
}

export class PayPalError extends Error {
  constructor(
    readonly status: number,
    readonly issue: string | null,
    message: string,
  ) {
    super(message);
    this.name = 'PayPalError';
  }
}

const tokenSchema = z.object({ access_token: z.string().min(1), expires_in: z.number() });
const amountSchema = z.object({ currency_code: z.string(), value: z.string() });
const captureSchema = z.object({ id: z.string(), status: z.string(), amount: amountSchema });
export const paypalOrderSchema = z.object({
  id: z.string(),
  status: z.string(),
  purchase_units: z
    .array(z.object({ custom_id: z.string().optional(), payments: z.object({ captures: z.array(captureSchema).optional() }).optional() }))
    .optional(),
});
export type PayPalOrder = z.infer<typeof paypalOrderSchema>;
export type PayPalCapture = z.infer<typeof captureSchema>;
const errorSchema = z.object({
  name: z.string().optional(),
  message: z.string().optional(),
  details: z.array(z.object({ issue: z.string(), description: z.string().optional() })).optional(),
});

const tokens = new Map<string, { token: string; until: number }>();

async function accessToken(s: PayPalSettings): Promise<string> {
  const cached = tokens.get(s.clientId + s.apiBase);
  if (cached && cached.until > Date.now()) return cached.token;
  const res = await fetch(new URL('/v1/oauth2/token', s.apiBase), {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${s.clientId}:${s.clientSecret}`).toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: 'grant_type=client_credentials',
    signal: AbortSignal.timeout(15_000),
  });
  if (!res.ok) throw new PayPalError(res.status, null, `PayPal refused our credentials (${res.status})`);
  const t = tokenSchema.parse(await res.json());
  tokens.set(s.clientId + s.apiBase, { token: t.access_token, until: Date.now() + Math.max(0, t.expires_in - 60) * 1000 });
  return t.access_token;
}

async function call<T>(s: PayPalSettings, method: 'GET' | 'POST', path: string, schema: z.ZodType<T>, body?: unknown, requestId?: string): Promise<T> {
  const res = await fetch(new URL(path, s.apiBase), {
    method,
    headers: {
      authorization: `Bearer ${await accessToken(s)}`,
      'content-type': 'application/json',
      prefer: 'return=representation',
      ...(requestId ? { 'paypal-request-id': requestId } : {}),
    },
    // Stryker disable next-line ConditionalExpression: equivalent (stryker-equivalent.md): JSON.stringify(undefined) is undefined, the same empty body.
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(20_000),
  });
  // Stryker disable next-line ArrowFunction: equivalent (stryker-equivalent.md): null and undefined fail every schema here alike, with the same sentence.
  const json: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const e = errorSchema.safeParse(json);
    const issue = e.success ? (e.data.details?.[0]?.issue ?? null) : null;
    throw new PayPalError(
      res.status,
      issue,
      e.success ? (e.data.details?.[0]?.description ?? e.data.message ?? `PayPal answered ${res.status}`) : `PayPal answered ${res.status}`,
    );
  }
  const parsed = schema.safeParse(json);
  // An answer we cannot read is no clear answer: a refund it was for may have been made (refunds.ts counts it uncertain).
  if (!parsed.success) throw new Error(`PayPal answered ${res.status} in a form this shop does not understand`);
  return parsed.data;
}

function value(cents: number): string {
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}

/** PayPal's order for ours: the total with item and shipping breakdown; one per order (PayPal-Request-Id). */
export function createPayPalOrder(s: PayPalSettings, order: OrderView): Promise<PayPalOrder> {
  const currency_code = order.total.currency;
  return call(
    s,
    'POST',
    '/v2/checkout/orders',
    paypalOrderSchema,
    {
      intent: 'CAPTURE',
      purchase_units: [
        {
          reference_id: order.number,
          custom_id: order.id,
          invoice_id: order.number,
          description: `Order ${order.number}`,
          amount: {
            currency_code,
            value: value(order.total.amount),
            breakdown: { item_total: { currency_code, value: value(order.subtotal.amount) }, shipping: { currency_code, value: value(order.shipping.amount) } },
          },
          items: order.lines.map((l) => ({
            name: `${l.title} (${l.colour}, ${l.size})`.slice(0, 127),
            sku: l.sku,
            quantity: String(l.quantity),
            unit_amount: { currency_code, value: value(l.unitPrice.amount) },
          })),
        },
      ],
    },
    `order-${order.id}`,
  );
}

export function capturePayPalOrder(s: PayPalSettings, paypalOrderId: string): Promise<PayPalOrder> {
  return call(s, 'POST', `/v2/checkout/orders/${encodeURIComponent(paypalOrderId)}/capture`, paypalOrderSchema, {}, `capture-${paypalOrderId}`);
}

export function getPayPalOrder(s: PayPalSettings, paypalOrderId: string): Promise<PayPalOrder> {
  return call(s, 'GET', `/v2/checkout/orders/${encodeURIComponent(paypalOrderId)}`, paypalOrderSchema);
}

/** The completed capture in a PayPal order, with its amount in cents, or null. */
export function completedCapture(o: PayPalOrder): { id: string; amountCents: number; currency: string } | null {
  const c = o.purchase_units?.[0]?.payments?.captures?.find((x) => x.status === 'COMPLETED');
  if (!c) return null;
  const cents = parseMajorUnits(c.amount.value);
  return cents === null ? null : { id: c.id, amountCents: cents, currency: c.amount.currency_code };
}

const refundSchema = z.object({ id: z.string(), status: z.string() });
export type PayPalRefund = z.infer<typeof refundSchema>;

/** Refunds part or all of a capture; `requestId` (PayPal-Request-Id) makes a retry return the same refund. */
export function refundPayPalCapture(s: PayPalSettings, captureId: string, amountCents: number, currency: string, requestId: string): Promise<PayPalRefund> {
  return call(
    s,
    'POST',
    `/v2/payments/captures/${encodeURIComponent(captureId)}/refund`,
    refundSchema,
    { amount: { currency_code: currency, value: value(amountCents) } },
    requestId,
  );
}
