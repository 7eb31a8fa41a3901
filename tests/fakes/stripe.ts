// A local stand-in for the parts of Stripe's API the shop uses (Checkout Sessions, PaymentIntents, Refunds,
// signed webhooks), so the real `stripe` SDK can be tested with no network:
//
//   const fake = await startFakeStripe({ webhookSecret: 'whsec_test', webhookUrl: 'http://127.0.0.1:3000/api/webhooks/stripe' });
//   const stripe = new Stripe('sk_test_x', { host: fake.host, port: fake.port, protocol: 'http', maxNetworkRetries: 0, telemetry: false });
//   …
//   await fake.close();
//
// Shapes and error bodies follow Stripe's (`{ error: { type, message, code?, param?, doc_url? } }`, the same
// status codes), so the SDK raises its own error classes (StripeInvalidRequestError, StripeIdempotencyError,
// StripeAuthenticationError). Where the fake is simpler than Stripe it says so next to the code.
import Stripe from 'stripe';
import type http from 'node:http';
import { escapeHtml, header, listen, postRaw, randomId, redirect, sendHtml, sendJson } from './http';

// ---------------------------------------------------------------------------------------------------------------
// Public types

export type DeliveryMode = 'normal' | 'duplicate' | 'out-of-order' | 'bad-signature';

export interface FakeLineItem {
  id: string;
  object: 'item';
  amount_discount: number;
  amount_subtotal: number;
  amount_tax: number;
  amount_total: number;
  currency: string;
  description: string;
  price: { id: string; object: 'price'; currency: string; unit_amount: number; product: string; type: 'one_time'; active: boolean; livemode: false };
  quantity: number;
}

export interface FakeShippingOption {
  shipping_amount: number;
  shipping_rate: string;
  display_name: string;
}

/** The stored Checkout Session, in Stripe's JSON shape (the fields Stripe returns that matter to a shop). */
export interface FakeCheckoutSession {
  id: string;
  object: 'checkout.session';
  amount_subtotal: number;
  amount_total: number;
  cancel_url: string | null;
  client_reference_id: string | null;
  created: number;
  currency: string;
  customer: null;
  customer_details: {
    email: string | null;
    name: string | null;
    address: Record<string, string | null> | null;
    phone: null;
    tax_exempt: 'none';
    tax_ids: [];
  } | null;
  customer_email: string | null;
  expires_at: number;
  livemode: false;
  locale: string | null;
  metadata: Record<string, string>;
  mode: 'payment';
  payment_intent: string | null;
  payment_method_types: string[];
  payment_status: 'unpaid' | 'paid' | 'no_payment_required';
  shipping_cost: { amount_subtotal: number; amount_tax: number; amount_total: number; shipping_rate: string } | null;
  shipping_options: { shipping_amount: number; shipping_rate: string }[];
  status: 'open' | 'complete' | 'expired';
  success_url: string | null;
  total_details: { amount_discount: number; amount_shipping: number; amount_tax: number };
  ui_mode: 'hosted';
  url: string | null;
}

export interface FakePaymentIntent {
  id: string;
  object: 'payment_intent';
  amount: number;
  amount_capturable: number;
  amount_received: number;
  capture_method: 'automatic_async';
  client_secret: string;
  created: number;
  currency: string;
  customer: null;
  description: null;
  latest_charge: string;
  livemode: false;
  metadata: Record<string, string>;
  payment_method: string;
  payment_method_types: string[];
  status: 'succeeded';
}

export interface FakeCharge {
  id: string;
  object: 'charge';
  amount: number;
  amount_captured: number;
  amount_refunded: number;
  captured: true;
  created: number;
  currency: string;
  livemode: false;
  metadata: Record<string, string>;
  paid: true;
  payment_intent: string;
  refunded: boolean;
  status: 'succeeded';
}

export interface FakeRefund {
  id: string;
  object: 'refund';
  amount: number;
  balance_transaction: null;
  charge: string;
  created: number;
  currency: string;
  metadata: Record<string, string>;
  payment_intent: string;
  reason: string | null;
  receipt_number: null;
  status: 'succeeded' | 'failed';
  failure_reason?: string;
}

export interface FakeStripeEvent {
  id: string;
  object: 'event';
  api_version: string;
  created: number;
  data: { object: FakeCheckoutSession };
  livemode: false;
  pending_webhooks: number;
  request: { id: string | null; idempotency_key: string | null };
  type: 'checkout.session.completed' | 'checkout.session.expired';
}

/** An event about a refund: `refund.created` carries the refund, `charge.refunded` the charge with its refunds listed. */
export interface FakeRefundEvent {
  id: string;
  object: 'event';
  api_version: string;
  created: number;
  data: { object: FakeRefund | (FakeCharge & { refunds: { object: 'list'; data: FakeRefund[] } }) };
  livemode: false;
  pending_webhooks: number;
  request: { id: string | null; idempotency_key: string | null };
  type: 'refund.created' | 'refund.updated' | 'charge.refunded';
}

/** What the next POST /v1/refunds does instead of answering normally: 'unavailable' fails before Stripe runs it
 * (503, nothing saved: a retry with the same key runs it); 'lost-response' runs it and saves the result under the
 * idempotency key, but answers 500 (a retry with the same key gets the saved refund). */
export type RefundFailure = 'unavailable' | 'lost-response';

export interface FakeStripeDelivery {
  eventId: string;
  type: string;
  sessionId: string;
  /** 1 for the first delivery of this event, 2 for the next (duplicate / replay / resend), … */
  attempt: number;
  /** HTTP status the webhook endpoint answered; 0 when there was no endpoint or it could not be reached. */
  status: number;
  /** true when the delivery was signed with a wrong secret (mode 'bad-signature'). */
  badSignature: boolean;
  responseBody: string;
  error?: string;
  at: number;
}

export interface FakeStripeRequest {
  method: string;
  path: string;
  query: string;
  headers: http.IncomingHttpHeaders;
  rawBody: string;
  params: Record<string, unknown>;
  idempotencyKey: string | null;
  requestId: string;
  status: number;
  replayed: boolean;
}

export interface FakeStripe {
  /** http://127.0.0.1:PORT */
  url: string;
  host: string;
  port: number;
  close(): Promise<void>;
  readonly webhookUrl: string | null;
  setWebhookUrl(url: string | null): void;
  readonly sessions: ReadonlyMap<string, FakeCheckoutSession>;
  readonly paymentIntents: ReadonlyMap<string, FakePaymentIntent>;
  readonly charges: ReadonlyMap<string, FakeCharge>;
  readonly refunds: ReadonlyMap<string, FakeRefund>;
  /** Every event created, oldest first. */
  readonly events: readonly FakeStripeEvent[];
  /** Every refund event (refund.created, charge.refunded), oldest first. API refunds deliver theirs in the background (idle() waits). */
  readonly refundEvents: readonly FakeRefundEvent[];
  /** The next POST /v1/refunds fails this way, once. */
  failNextRefund(failure: RefundFailure): void;
  /** A refund made in Stripe's dashboard (no metadata of ours): delivers refund.created and charge.refunded, and waits. */
  dashboardRefund(paymentIntentId: string, amount?: number): Promise<FakeRefund>;
  /** A refund that had succeeded fails afterwards (the card was closed, say), as Stripe reports it: refund.updated with status failed. */
  failRefundLater(refundId: string): Promise<void>;
  readonly deliveryMode: DeliveryMode;
  setDelivery(mode: DeliveryMode): void;
  /** What the buyer's "Pay" on the hosted page does: completes the session, creates the PaymentIntent and Charge,
   * delivers `checkout.session.completed` and waits for that delivery (in 'out-of-order' mode it is held for flush()). */
  pay(sessionId: string): Promise<void>;
  /** Marks an open session expired and delivers `checkout.session.expired` (waits for the delivery). */
  expire(sessionId: string): Promise<void>;
  /** 'out-of-order' mode: delivers the held events newest first, then the newest one once more. */
  flush(): Promise<void>;
  /** Delivers an existing event again (what Stripe's retry or the dashboard's "Resend" does). */
  resend(eventId: string): Promise<FakeStripeDelivery>;
  /** Waits until deliveries started in the background (after the expire API call) are done. */
  idle(): Promise<void>;
  readonly deliveries: readonly FakeStripeDelivery[];
  readonly lastRequests: readonly FakeStripeRequest[];
}

// ---------------------------------------------------------------------------------------------------------------
// Form bodies: `line_items[0][price_data][unit_amount]=1200&expand[]=x` → nested objects and arrays

class StripeApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: { type: string; message: string; code?: string; param?: string; doc_url?: string },
  ) {
    super(body.message);
  }
}

function invalid(message: string, extra: { code?: string; param?: string; status?: number } = {}): StripeApiError {
  const { status = 400, code, param } = extra;
  return new StripeApiError(status, {
    type: 'invalid_request_error',
    message,
    ...(code ? { code, doc_url: `https://stripe.com/docs/error-codes/${code.replace(/_/g, '-')}` } : {}),
    ...(param ? { param } : {}),
  });
}

const UNSAFE_KEYS = new Set(['__proto__', 'prototype', 'constructor']);

export function parseStripeForm(body: string): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [rawKey, value] of new URLSearchParams(body)) {
    const m = /^([^[\]]+)((?:\[[^[\]]*\])*)$/.exec(rawKey);
    if (!m || !m[1]) throw invalid(`Invalid parameter name: ${rawKey}`);
    const path = [m[1], ...[...(m[2] ?? '').matchAll(/\[([^[\]]*)\]/g)].map((x) => x[1] ?? '')];
    let node: Record<string, unknown> = root;
    for (let i = 0; i < path.length; i++) {
      let key = path[i] as string;
      if (key === '') key = String(Object.keys(node).length); // `expand[]=a&expand[]=b`
      if (UNSAFE_KEYS.has(key)) throw invalid(`Invalid parameter name: ${rawKey}`);
      if (i === path.length - 1) {
        node[key] = value;
      } else {
        const next = node[key];
        if (next === undefined) node = node[key] = {} as Record<string, unknown>;
        else if (typeof next === 'object' && next !== null) node = next as Record<string, unknown>;
        else throw invalid(`Invalid hash`, { param: path.slice(0, i + 1).join('.') });
      }
    }
  }
  return arrayify(root) as Record<string, unknown>;
}

function arrayify(v: unknown): unknown {
  if (typeof v !== 'object' || v === null) return v;
  const obj = v as Record<string, unknown>;
  const keys = Object.keys(obj);
  for (const k of keys) obj[k] = arrayify(obj[k]);
  if (keys.length > 0 && keys.every((k) => /^\d+$/.test(k))) {
    return keys.sort((a, b) => Number(a) - Number(b)).map((k) => obj[k]);
  }
  return obj;
}

// ---------------------------------------------------------------------------------------------------------------
// Parameter helpers (Stripe's wording where known)

type Params = Record<string, unknown>;

function isObj(v: unknown): v is Params {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function str(p: Params, key: string, param: string, required = false): string | null {
  const v = p[key];
  if (v === undefined || v === '') {
    if (required) throw invalid(`Missing required param: ${param}.`, { code: 'parameter_missing', param });
    return null;
  }
  if (typeof v !== 'string') throw invalid(`Invalid string: ${JSON.stringify(v)}`, { code: 'parameter_invalid_string', param });
  return v;
}

function int(p: Params, key: string, param: string, opts: { required?: boolean; min?: number } = {}): number | null {
  const v = p[key];
  if (v === undefined || v === '') {
    if (opts.required) throw invalid(`Missing required param: ${param}.`, { code: 'parameter_missing', param });
    return null;
  }
  if (typeof v !== 'string' || !/^-?\d+$/.test(v)) throw invalid(`Invalid integer: ${String(v)}`, { code: 'parameter_invalid_integer', param });
  const n = Number(v);
  if (opts.min !== undefined && n < opts.min) {
    throw invalid(`This value must be greater than or equal to ${opts.min}.`, { code: 'parameter_invalid_integer', param });
  }
  return n;
}

function metadataOf(v: unknown, param = 'metadata'): Record<string, string> {
  if (v === undefined || v === '') return {};
  if (!isObj(v)) throw invalid('Invalid hash', { code: 'parameter_invalid_empty', param });
  const out: Record<string, string> = {};
  const entries = Object.entries(v);
  if (entries.length > 50) throw invalid('Invalid metadata: metadata cannot have more than 50 keys', { param });
  for (const [k, val] of entries) {
    if (typeof val !== 'string') throw invalid('Invalid metadata: values must be strings', { param: `${param}[${k}]` });
    if (k.length > 40) throw invalid(`Invalid metadata: keys can be at most 40 characters long`, { param: `${param}[${k}]` });
    if (val.length > 500) throw invalid(`Invalid metadata: values can be at most 500 characters long`, { param: `${param}[${k}]` });
    out[k] = val;
  }
  return out;
}

// Top-level parameters Stripe's POST /v1/checkout/sessions knows. Stripe rejects others ("Received unknown
// parameter"), and so does the fake, so a typo in the app fails here as it would against Stripe. Most of these
// are accepted and ignored by the fake.
const SESSION_PARAMS = new Set([
  'adaptive_pricing',
  'after_expiration',
  'allow_promotion_codes',
  'automatic_tax',
  'billing_address_collection',
  'branding_settings',
  'cancel_url',
  'client_reference_id',
  'consent_collection',
  'currency',
  'custom_fields',
  'custom_text',
  'customer',
  'customer_account',
  'customer_creation',
  'customer_email',
  'customer_update',
  'discounts',
  'excluded_payment_method_types',
  'expand',
  'expires_at',
  'invoice_creation',
  'line_items',
  'locale',
  'metadata',
  'mode',
  'name_collection',
  'optional_items',
  'origin_context',
  'payment_intent_data',
  'payment_method_collection',
  'payment_method_configuration',
  'payment_method_data',
  'payment_method_options',
  'payment_method_types',
  'permissions',
  'phone_number_collection',
  'redirect_on_completion',
  'return_url',
  'saved_payment_method_options',
  'setup_intent_data',
  'shipping_address_collection',
  'shipping_options',
  'submit_type',
  'subscription_data',
  'success_url',
  'tax_id_collection',
  'ui_mode',
  'wallet_options',
]);

const ZERO_DECIMAL = new Set(['bif', 'clp', 'djf', 'gnf', 'jpy', 'kmf', 'krw', 'mga', 'pyg', 'rwf', 'ugx', 'vnd', 'vuv', 'xaf', 'xof', 'xpf']);

function formatMoney(amount: number, currency: string): string {
  const major = ZERO_DECIMAL.has(currency) ? amount : amount / 100;
  try {
    return new Intl.NumberFormat('en-US', { style: 'currency', currency: currency.toUpperCase() }).format(major);
  } catch {
    return `${major.toFixed(2)} ${currency.toUpperCase()}`;
  }
}

const now = () => Math.floor(Date.now() / 1000);

// ---------------------------------------------------------------------------------------------------------------

interface StoredSession {
  session: FakeCheckoutSession;
  lineItems: FakeLineItem[];
  paymentIntentMetadata: Record<string, string>;
  apiVersion: string;
}

interface IdempotentResult {
  method: string;
  path: string;
  paramsJson: string;
  status: number;
  body: unknown;
  requestId: string;
}

export async function startFakeStripe(opts: { webhookSecret: string; webhookUrl?: string }): Promise<FakeStripe> {
  const sessions = new Map<string, StoredSession>();
  const sessionView = new Map<string, FakeCheckoutSession>();
  const paymentIntents = new Map<string, FakePaymentIntent>();
  const charges = new Map<string, FakeCharge>();
  const refunds = new Map<string, FakeRefund>();
  const events: FakeStripeEvent[] = [];
  const refundEvents: FakeRefundEvent[] = [];
  let refundFailure: RefundFailure | null = null;
  const deliveries: FakeStripeDelivery[] = [];
  const lastRequests: FakeStripeRequest[] = [];
  const idempotency = new Map<string, IdempotentResult>();
  const held: (FakeStripeEvent | FakeRefundEvent)[] = [];
  const inFlight = new Set<Promise<unknown>>();
  let webhookUrl: string | null = opts.webhookUrl ?? null;
  let mode: DeliveryMode = 'normal';
  let baseUrl = '';

  // --- webhooks ---------------------------------------------------------------------------------------------

  function newEvent(type: FakeStripeEvent['type'], stored: StoredSession, request: FakeStripeEvent['request']): FakeStripeEvent {
    const event: FakeStripeEvent = {
      id: `evt_${randomId(24)}`,
      object: 'event',
      api_version: stored.apiVersion,
      created: now(),
      data: { object: structuredClone(stored.session) },
      livemode: false,
      pending_webhooks: 1,
      request,
      type,
    };
    events.push(event);
    return event;
  }

  function newRefundEvents(refund: FakeRefund, request: FakeRefundEvent['request']): FakeRefundEvent[] {
    const charge = charges.get(refund.charge)!;
    const base = { object: 'event' as const, api_version: Stripe.API_VERSION, created: now(), livemode: false as const, pending_webhooks: 1, request };
    const made: FakeRefundEvent[] = [
      { ...base, id: `evt_${randomId(24)}`, type: 'refund.created', data: { object: structuredClone(refund) } },
      {
        ...base,
        id: `evt_${randomId(24)}`,
        type: 'charge.refunded',
        data: {
          object: {
            ...structuredClone(charge),
            refunds: { object: 'list', data: [...refunds.values()].filter((r) => r.charge === charge.id).map((r) => structuredClone(r)) },
          },
        },
      },
    ];
    refundEvents.push(...made);
    return made;
  }

  async function deliverOnce(event: FakeStripeEvent | FakeRefundEvent): Promise<FakeStripeDelivery> {
    const attempt = deliveries.filter((d) => d.eventId === event.id).length + 1;
    const badSignature = mode === 'bad-signature';
    const payload = JSON.stringify(event, null, 2);
    const signature = Stripe.webhooks.generateTestHeaderString({
      payload,
      secret: badSignature ? `whsec_wrong_${randomId(16)}` : opts.webhookSecret,
    });
    const base = { eventId: event.id, type: event.type, sessionId: event.data.object.id, attempt, badSignature };
    let delivery: FakeStripeDelivery;
    if (!webhookUrl) {
      delivery = { ...base, status: 0, responseBody: '', error: 'no webhook URL set', at: Date.now() };
    } else {
      const r = await postRaw(webhookUrl, payload, {
        'content-type': 'application/json; charset=utf-8',
        'stripe-signature': signature,
        'user-agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
        'cache-control': 'no-cache',
        accept: '*/*; q=0.5, application/xml',
      });
      delivery = { ...base, status: r.status, responseBody: r.body.slice(0, 2000), ...(r.error ? { error: r.error } : {}), at: Date.now() };
    }
    deliveries.push(delivery);
    return delivery;
  }

  // Delivery modes (what the webhook endpoint sees when an event is created):
  // - 'normal':        each event once, as soon as it happens, signed with opts.webhookSecret.
  // - 'duplicate':     each event twice in a row (same event id and payload, signed afresh each time), as Stripe
  //                    may do after a timeout or a network error.
  // - 'bad-signature': each event once, signed with a random wrong secret; constructEvent must reject it.
  // - 'out-of-order':  events are held instead of delivered (so pay() redirects before the webhook arrived, which
  //                    happens with Stripe too); flush() then delivers the held events newest first, and finally
  //                    the newest one once more. E.g. expire(A) then pay(B) for the same order, flush() →
  //                    completed(B), expired(A), completed(B): the older event arrives after the newer one, and
  //                    a replay of the newer one follows the older one.
  async function deliver(event: FakeStripeEvent | FakeRefundEvent): Promise<void> {
    switch (mode) {
      case 'out-of-order':
        held.push(event);
        return;
      case 'duplicate':
        await deliverOnce(event);
        await deliverOnce(event);
        return;
      default:
        await deliverOnce(event);
    }
  }

  function inBackground(p: Promise<unknown>): void {
    const tracked = p.catch(() => undefined).finally(() => inFlight.delete(tracked));
    inFlight.add(tracked);
  }

  // --- objects ----------------------------------------------------------------------------------------------

  function getStored(id: string, status = 404): StoredSession {
    const s = sessions.get(id);
    if (!s) throw invalid(`No such checkout.session: '${id}'`, { code: 'resource_missing', param: 'session', status });
    return s;
  }

  function createSession(p: Params, apiVersion: string): StoredSession {
    for (const key of Object.keys(p)) {
      if (!SESSION_PARAMS.has(key)) throw invalid(`Received unknown parameter: ${key}`, { code: 'parameter_unknown', param: key });
    }
    const sessionMode = str(p, 'mode', 'mode', true);
    if (sessionMode !== 'payment') {
      throw invalid(`The fake Stripe supports only mode=payment (got '${sessionMode}').`, { code: 'parameter_invalid_string', param: 'mode' });
    }
    const rawItems = p.line_items;
    if (rawItems === undefined) throw invalid('Missing required param: line_items.', { code: 'parameter_missing', param: 'line_items' });
    if (!Array.isArray(rawItems) || rawItems.length === 0) throw invalid('Invalid array', { code: 'parameter_invalid_empty', param: 'line_items' });
    let currency: string | null = null;
    const lineItems: FakeLineItem[] = rawItems.map((raw: unknown, i) => {
      const at = `line_items[${i}]`;
      if (!isObj(raw)) throw invalid('Invalid hash', { param: at });
      if (raw.price !== undefined) {
        // The fake keeps no Price objects; the shop sends price_data.
        throw invalid(`No such price: '${String(raw.price)}'`, { code: 'resource_missing', param: `${at}[price]` });
      }
      const pd = raw.price_data;
      if (!isObj(pd)) throw invalid(`Missing required param: ${at}[price_data].`, { code: 'parameter_missing', param: `${at}[price_data]` });
      const cur = (str(pd, 'currency', `${at}[price_data][currency]`, true) as string).toLowerCase();
      const unit = int(pd, 'unit_amount', `${at}[price_data][unit_amount]`, { required: true, min: 0 }) as number;
      const product = pd.product_data;
      const name = isObj(product) ? str(product, 'name', `${at}[price_data][product_data][name]`, true) : null;
      if (!name && typeof pd.product !== 'string') {
        throw invalid(`Missing required param: ${at}[price_data][product_data].`, { code: 'parameter_missing', param: `${at}[price_data][product_data]` });
      }
      const quantity = int(raw, 'quantity', `${at}[quantity]`, { required: true, min: 1 }) as number;
      if (currency !== null && cur !== currency) {
        throw invalid('All line items must use the same currency.', { param: `${at}[price_data][currency]` });
      }
      currency = cur;
      return {
        id: `li_${randomId(24)}`,
        object: 'item',
        amount_discount: 0,
        amount_subtotal: unit * quantity,
        amount_tax: 0,
        amount_total: unit * quantity,
        currency: cur,
        description: name ?? String(pd.product),
        price: {
          id: `price_${randomId(24)}`,
          object: 'price',
          currency: cur,
          unit_amount: unit,
          product: typeof pd.product === 'string' ? pd.product : `prod_${randomId(14)}`,
          type: 'one_time',
          active: false,
          livemode: false,
        },
        quantity,
      };
    });
    const sessionCurrency = currency as unknown as string;

    // Shipping: Stripe lets the buyer choose among shipping_options; the fake takes the first one.
    const shippingOptions: FakeShippingOption[] = [];
    if (p.shipping_options !== undefined) {
      if (!Array.isArray(p.shipping_options)) throw invalid('Invalid array', { param: 'shipping_options' });
      p.shipping_options.forEach((raw: unknown, i) => {
        const at = `shipping_options[${i}]`;
        if (!isObj(raw)) throw invalid('Invalid hash', { param: at });
        if (raw.shipping_rate !== undefined)
          throw invalid(`No such shipping rate: '${String(raw.shipping_rate)}'`, { code: 'resource_missing', param: `${at}[shipping_rate]` });
        const d = raw.shipping_rate_data;
        if (!isObj(d)) throw invalid(`Missing required param: ${at}[shipping_rate_data].`, { code: 'parameter_missing', param: `${at}[shipping_rate_data]` });
        const displayName = str(d, 'display_name', `${at}[shipping_rate_data][display_name]`, true) as string;
        const fixed = d.fixed_amount;
        if (!isObj(fixed))
          throw invalid(`Missing required param: ${at}[shipping_rate_data][fixed_amount].`, {
            code: 'parameter_missing',
            param: `${at}[shipping_rate_data][fixed_amount]`,
          });
        const amount = int(fixed, 'amount', `${at}[shipping_rate_data][fixed_amount][amount]`, { required: true, min: 0 }) as number;
        const cur = (str(fixed, 'currency', `${at}[shipping_rate_data][fixed_amount][currency]`, true) as string).toLowerCase();
        if (cur !== sessionCurrency)
          throw invalid('The shipping rate currency must match the line item currency.', { param: `${at}[shipping_rate_data][fixed_amount][currency]` });
        shippingOptions.push({ shipping_amount: amount, shipping_rate: `shr_${randomId(24)}`, display_name: displayName });
      });
    }
    const chosenShipping = shippingOptions[0] ?? null;

    const created = now();
    const expiresAt = int(p, 'expires_at', 'expires_at');
    if (expiresAt !== null) {
      if (expiresAt < created + 30 * 60 - 5)
        throw invalid('The `expires_at` timestamp must be at least 30 minutes from Checkout Session creation.', { param: 'expires_at' });
      if (expiresAt > created + 24 * 3600 + 5)
        throw invalid('The `expires_at` timestamp must be less than 24 hours from Checkout Session creation.', { param: 'expires_at' });
    }
    const successUrl = str(p, 'success_url', 'success_url');
    const cancelUrl = str(p, 'cancel_url', 'cancel_url');
    for (const [key, u] of [
      ['success_url', successUrl],
      ['cancel_url', cancelUrl],
    ] as const) {
      if (u !== null && !/^https?:\/\//.test(u)) throw invalid('Not a valid URL', { code: 'url_invalid', param: key });
    }
    const pid = p.payment_intent_data;
    const subtotal = lineItems.reduce((s, li) => s + li.amount_subtotal, 0);
    const shippingAmount = chosenShipping?.shipping_amount ?? 0;
    const id = `cs_test_${randomId(58)}`;
    const session: FakeCheckoutSession = {
      id,
      object: 'checkout.session',
      amount_subtotal: subtotal,
      amount_total: subtotal + shippingAmount,
      cancel_url: cancelUrl,
      client_reference_id: str(p, 'client_reference_id', 'client_reference_id'),
      created,
      currency: sessionCurrency,
      customer: null,
      customer_details: null,
      customer_email: str(p, 'customer_email', 'customer_email'),
      expires_at: expiresAt ?? created + 24 * 3600,
      livemode: false,
      locale: str(p, 'locale', 'locale'),
      metadata: metadataOf(p.metadata),
      mode: 'payment',
      payment_intent: null,
      payment_method_types: ['card'],
      payment_status: 'unpaid',
      shipping_cost: chosenShipping
        ? {
            amount_subtotal: chosenShipping.shipping_amount,
            amount_tax: 0,
            amount_total: chosenShipping.shipping_amount,
            shipping_rate: chosenShipping.shipping_rate,
          }
        : null,
      shipping_options: shippingOptions.map(({ shipping_amount, shipping_rate }) => ({ shipping_amount, shipping_rate })),
      status: 'open',
      success_url: successUrl,
      total_details: { amount_discount: 0, amount_shipping: shippingAmount, amount_tax: 0 },
      ui_mode: 'hosted',
      url: `${baseUrl}/pay/${id}`,
    };
    const stored: StoredSession = {
      session,
      lineItems,
      paymentIntentMetadata: isObj(pid) ? metadataOf(pid.metadata, 'payment_intent_data[metadata]') : {},
      apiVersion,
    };
    sessions.set(id, stored);
    sessionView.set(id, session);
    return stored;
  }

  function lineItemList(stored: StoredSession) {
    return { object: 'list', data: stored.lineItems, has_more: false, url: `/v1/checkout/sessions/${stored.session.id}/line_items` };
  }

  function expandSession(stored: StoredSession, expand: unknown): Record<string, unknown> {
    const out: Record<string, unknown> = structuredClone(stored.session) as unknown as Record<string, unknown>;
    const list = Array.isArray(expand) ? expand : [];
    for (const e of list) {
      if (e === 'line_items') out.line_items = lineItemList(stored);
      else if (e === 'payment_intent') out.payment_intent = stored.session.payment_intent ? (paymentIntents.get(stored.session.payment_intent) ?? null) : null;
      else throw invalid(`This property cannot be expanded (${String(e)}).`, { param: 'expand' });
    }
    return out;
  }

  function completeSession(stored: StoredSession): FakeStripeEvent {
    const s = stored.session;
    if (s.status !== 'open') throw new Error(`Checkout Session ${s.id} is ${s.status}, not open; it cannot be paid`);
    if (s.expires_at <= now()) {
      throw new Error(`Checkout Session ${s.id} is past its expires_at; expire it instead`);
    }
    const piId = `pi_${randomId(24)}`;
    const chId = `ch_${randomId(24)}`;
    const created = now();
    paymentIntents.set(piId, {
      id: piId,
      object: 'payment_intent',
      amount: s.amount_total,
      amount_capturable: 0,
      amount_received: s.amount_total,
      capture_method: 'automatic_async',
      client_secret: `${piId}_secret_${randomId(24)}`,
      created,
      currency: s.currency,
      customer: null,
      description: null,
      latest_charge: chId,
      livemode: false,
      metadata: { ...stored.paymentIntentMetadata },
      payment_method: `pm_${randomId(24)}`,
      payment_method_types: ['card'],
      status: 'succeeded',
    });
    charges.set(chId, {
      id: chId,
      object: 'charge',
      amount: s.amount_total,
      amount_captured: s.amount_total,
      amount_refunded: 0,
      captured: true,
      created,
      currency: s.currency,
      livemode: false,
      metadata: { ...stored.paymentIntentMetadata },
      paid: true,
      payment_intent: piId,
      refunded: false,
      status: 'succeeded',
    });
    s.status = 'complete';
    s.payment_status = 'paid';
    s.payment_intent = piId;
    s.url = null;
    s.customer_details = {
      email: s.customer_email ?? 'buyer@example.com',
      name: 'Test Buyer',
      address: { city: null, country: 'US', line1: null, line2: null, postal_code: '10001', state: null },
      phone: null,
      tax_exempt: 'none',
      tax_ids: [],
    };
    return newEvent('checkout.session.completed', stored, { id: null, idempotency_key: null });
  }

  function expireSession(stored: StoredSession, request: FakeStripeEvent['request']): FakeStripeEvent {
    const s = stored.session;
    if (s.status !== 'open') {
      throw invalid(`Only Checkout Sessions with a status in ["open"] can be expired. This Checkout Session has a status of '${s.status}'.`, {
        param: 'session',
      });
    }
    s.status = 'expired';
    s.url = null;
    return newEvent('checkout.session.expired', stored, request);
  }

  function createRefund(p: Params): FakeRefund {
    for (const key of Object.keys(p)) {
      if (
        ![
          'amount',
          'charge',
          'payment_intent',
          'metadata',
          'reason',
          'expand',
          'instructions_email',
          'refund_application_fee',
          'reverse_transfer',
          'currency',
          'customer',
          'origin',
        ].includes(key)
      ) {
        throw invalid(`Received unknown parameter: ${key}`, { code: 'parameter_unknown', param: key });
      }
    }
    const piId = str(p, 'payment_intent', 'payment_intent');
    const chargeId = str(p, 'charge', 'charge');
    let charge: FakeCharge | undefined;
    if (piId) {
      const pi = paymentIntents.get(piId);
      if (!pi) throw invalid(`No such payment_intent: '${piId}'`, { code: 'resource_missing', param: 'payment_intent' });
      charge = charges.get(pi.latest_charge);
    } else if (chargeId) {
      charge = charges.get(chargeId);
      if (!charge) throw invalid(`No such charge: '${chargeId}'`, { code: 'resource_missing', param: 'charge' });
    } else {
      throw invalid('One of the following params should be provided for this request: payment_intent or charge.', { code: 'parameter_missing' });
    }
    if (!charge) throw new Error('fake Stripe: PaymentIntent without a charge');
    const reason = str(p, 'reason', 'reason');
    if (reason !== null && !['duplicate', 'fraudulent', 'requested_by_customer'].includes(reason)) {
      throw invalid(`Invalid reason: must be one of duplicate, fraudulent, or requested_by_customer`, { param: 'reason' });
    }
    const remaining = charge.amount - charge.amount_refunded;
    if (remaining <= 0) throw invalid(`Charge ${charge.id} has already been refunded.`, { code: 'charge_already_refunded' });
    const amount = int(p, 'amount', 'amount', { min: 1 }) ?? remaining;
    if (amount > remaining) {
      // Stripe sends this one without a `code`, only `param: 'amount'`.
      throw invalid(
        `Refund amount (${formatMoney(amount, charge.currency)}) is greater than unrefunded amount on charge (${formatMoney(remaining, charge.currency)})`,
        { param: 'amount' },
      );
    }
    charge.amount_refunded += amount;
    charge.refunded = charge.amount_refunded === charge.amount;
    const refund: FakeRefund = {
      id: `re_${randomId(24)}`,
      object: 'refund',
      amount,
      balance_transaction: null,
      charge: charge.id,
      created: now(),
      currency: charge.currency,
      metadata: metadataOf(p.metadata),
      payment_intent: charge.payment_intent,
      reason,
      receipt_number: null,
      status: 'succeeded',
    };
    refunds.set(refund.id, refund);
    return refund;
  }

  // --- HTTP --------------------------------------------------------------------------------------------------

  function authenticate(req: http.IncomingMessage): void {
    const auth = header(req, 'authorization') ?? '';
    let key: string | null = null;
    const bearer = /^Bearer\s+(.+)$/i.exec(auth);
    if (bearer) key = bearer[1]?.trim() ?? null;
    const basic = /^Basic\s+(.+)$/i.exec(auth);
    if (basic)
      key =
        Buffer.from(basic[1] ?? '', 'base64')
          .toString('utf8')
          .split(':')[0] ?? null;
    if (!key) {
      throw new StripeApiError(401, {
        type: 'invalid_request_error',
        message:
          "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY'). See https://stripe.com/docs/api#authentication for details, or we can help at https://support.stripe.com/.",
      });
    }
    // The fake accepts test-mode secret and restricted keys only: a live key in a test is always a mistake.
    if (!/^(sk|rk)_test_\S+$/.test(key)) {
      throw new StripeApiError(401, {
        type: 'invalid_request_error',
        message: `Invalid API Key provided: ${key.slice(0, 8)}${'*'.repeat(Math.max(0, key.length - 12))}${key.slice(-4)}`,
      });
    }
  }

  async function route(
    req: http.IncomingMessage,
    path: string,
    query: URLSearchParams,
    params: Params,
    requestId: string,
    idemKey: string | null,
  ): Promise<{ status: number; body: unknown }> {
    const method = req.method ?? 'GET';
    const apiVersion = header(req, 'stripe-version') ?? Stripe.API_VERSION;
    let m: RegExpExecArray | null;
    const queryParams = parseStripeForm(query.toString());

    if (method === 'POST' && path === '/v1/checkout/sessions') {
      const stored = createSession(params, apiVersion);
      return { status: 200, body: expandSession(stored, params.expand) };
    }
    if ((m = /^\/v1\/checkout\/sessions\/([^/]+)$/.exec(path)) && method === 'GET') {
      return { status: 200, body: expandSession(getStored(decodeURIComponent(m[1] ?? '')), queryParams.expand) };
    }
    if ((m = /^\/v1\/checkout\/sessions\/([^/]+)\/line_items$/.exec(path)) && method === 'GET') {
      return { status: 200, body: lineItemList(getStored(decodeURIComponent(m[1] ?? ''))) };
    }
    if ((m = /^\/v1\/checkout\/sessions\/([^/]+)\/expire$/.exec(path)) && method === 'POST') {
      const stored = getStored(decodeURIComponent(m[1] ?? ''));
      const event = expireSession(stored, { id: requestId, idempotency_key: idemKey });
      // Stripe delivers webhooks asynchronously: answer first, deliver afterwards (see idle()).
      setImmediate(() => inBackground(deliver(event)));
      return { status: 200, body: expandSession(stored, params.expand) };
    }
    if ((m = /^\/v1\/payment_intents\/([^/]+)$/.exec(path)) && method === 'GET') {
      const id = decodeURIComponent(m[1] ?? '');
      const pi = paymentIntents.get(id);
      if (!pi) throw invalid(`No such payment_intent: '${id}'`, { code: 'resource_missing', param: 'intent', status: 404 });
      return { status: 200, body: pi };
    }
    if ((m = /^\/v1\/charges\/([^/]+)$/.exec(path)) && method === 'GET') {
      const id = decodeURIComponent(m[1] ?? '');
      const ch = charges.get(id);
      if (!ch) throw invalid(`No such charge: '${id}'`, { code: 'resource_missing', param: 'id', status: 404 });
      return { status: 200, body: ch };
    }
    if (method === 'POST' && path === '/v1/refunds') {
      const refund = createRefund(params);
      // Stripe tells the webhook endpoint too, after answering.
      const made = newRefundEvents(refund, { id: requestId, idempotency_key: idemKey });
      setImmediate(() =>
        inBackground(
          (async () => {
            for (const e of made) await deliver(e);
          })(),
        ),
      );
      return { status: 200, body: refund };
    }
    if ((m = /^\/v1\/refunds\/([^/]+)$/.exec(path)) && method === 'GET') {
      const id = decodeURIComponent(m[1] ?? '');
      const r = refunds.get(id);
      if (!r) throw invalid(`No such refund: '${id}'`, { code: 'resource_missing', param: 'id', status: 404 });
      return { status: 200, body: r };
    }
    if ((m = /^\/v1\/events\/([^/]+)$/.exec(path)) && method === 'GET') {
      const id = decodeURIComponent(m[1] ?? '');
      const e = events.find((x) => x.id === id);
      if (!e) throw invalid(`No such event: '${id}'`, { code: 'resource_missing', param: 'id', status: 404 });
      return { status: 200, body: e };
    }
    throw invalid(`Unrecognized request URL (${method}: ${path}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.`, {
      status: 404,
    });
  }

  async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, url: URL, rawBody: string): Promise<void> {
    const method = req.method ?? 'GET';
    const requestId = `req_${randomId(14)}`;
    const idemKey = method === 'POST' ? (header(req, 'idempotency-key') ?? null) : null;
    const record: FakeStripeRequest = {
      method,
      path: url.pathname,
      query: url.search,
      headers: req.headers,
      rawBody,
      params: {},
      idempotencyKey: idemKey,
      requestId,
      status: 0,
      replayed: false,
    };
    lastRequests.push(record);
    if (lastRequests.length > 500) lastRequests.shift();
    const baseHeaders: Record<string, string> = { 'request-id': requestId, 'stripe-version': header(req, 'stripe-version') ?? Stripe.API_VERSION };
    try {
      authenticate(req);
      const params = method === 'POST' ? parseStripeForm(rawBody) : {};
      record.params = params;
      if (idemKey !== null) {
        if (idemKey.length > 255) throw invalid('Idempotency-Key must be at most 255 characters long.');
        const paramsJson = JSON.stringify(params);
        const prior = idempotency.get(idemKey);
        if (prior) {
          if (prior.path !== url.pathname || prior.method !== method) {
            throw new StripeApiError(400, {
              type: 'idempotency_error',
              message: `Keys for idempotent requests can only be used for the same endpoint they were first used for ('${prior.method} ${prior.path}' vs '${method} ${url.pathname}'). Try using a key other than '${idemKey}' if you meant to execute a different request.`,
            });
          }
          if (prior.paramsJson !== paramsJson) {
            throw new StripeApiError(400, {
              type: 'idempotency_error',
              message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${idemKey}' if you meant to execute a different request.`,
            });
          }
          record.status = prior.status;
          record.replayed = true;
          sendJson(res, prior.status, prior.body, {
            ...baseHeaders,
            'idempotent-replayed': 'true',
            'original-request': prior.requestId,
            'idempotency-key': idemKey,
          });
          return;
        }
      }
      const failure = method === 'POST' && url.pathname === '/v1/refunds' ? refundFailure : null;
      if (failure) refundFailure = null;
      if (failure === 'unavailable') throw new StripeApiError(503, { type: 'api_error', message: 'Stripe is temporarily unavailable (fake).' });
      const result = await route(req, url.pathname, url.searchParams, params, requestId, idemKey);
      if (idemKey !== null) {
        // Stripe saves the result once the endpoint has run (not for requests that fail validation).
        idempotency.set(idemKey, { method, path: url.pathname, paramsJson: JSON.stringify(params), status: result.status, body: result.body, requestId });
      }
      if (failure === 'lost-response')
        throw new StripeApiError(500, { type: 'api_error', message: 'An unknown error occurred (fake: the refund was made, the answer lost).' });
      record.status = result.status;
      sendJson(res, result.status, result.body, idemKey ? { ...baseHeaders, 'idempotency-key': idemKey } : baseHeaders);
    } catch (err) {
      if (!(err instanceof StripeApiError)) throw err;
      record.status = err.status;
      sendJson(res, err.status, { error: { ...err.body, request_log_url: `https://dashboard.stripe.com/test/logs/${requestId}` } }, baseHeaders);
    }
  }

  // The hosted checkout page: GET shows the amount and a "Pay" button, POST pays.
  function hostedPage(stored: StoredSession, notice?: string): string {
    const s = stored.session;
    const rows = stored.lineItems
      .map((li) => `<tr><td>${escapeHtml(li.description)} × ${li.quantity}</td><td>${escapeHtml(formatMoney(li.amount_total, li.currency))}</td></tr>`)
      .join('');
    const shipping = s.shipping_cost ? `<tr><td>Shipping</td><td>${escapeHtml(formatMoney(s.shipping_cost.amount_total, s.currency))}</td></tr>` : '';
    const body =
      s.status === 'open'
        ? `<form method="post"><button type="submit">Pay</button></form>${s.cancel_url ? `<p><a href="${escapeHtml(s.cancel_url)}">Cancel</a></p>` : ''}`
        : `<p role="status">This Checkout Session is ${escapeHtml(s.status)}.</p>`;
    return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Fake Stripe Checkout</title></head><body>
<main><h1>Fake Stripe Checkout (test mode)</h1>${notice ? `<p role="alert">${escapeHtml(notice)}</p>` : ''}
<table>${rows}${shipping}<tr><th>Total</th><th id="amount">${escapeHtml(formatMoney(s.amount_total, s.currency))}</th></tr></table>
${s.customer_email ? `<p>${escapeHtml(s.customer_email)}</p>` : ''}${body}</main></body></html>`;
  }

  function successUrlFor(s: FakeCheckoutSession): string | null {
    return s.success_url ? s.success_url.replaceAll('{CHECKOUT_SESSION_ID}', s.id) : null;
  }

  async function payStored(stored: StoredSession): Promise<void> {
    const event = completeSession(stored);
    await deliver(event);
  }

  const listening = await listen(async (req, res, body) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const payMatch = /^\/pay\/([^/]+)$/.exec(url.pathname);
    if (payMatch) {
      const stored = sessions.get(decodeURIComponent(payMatch[1] ?? ''));
      if (!stored) return sendHtml(res, 404, '<!doctype html><title>Not found</title><p>No such Checkout Session.</p>');
      if (req.method === 'GET') return sendHtml(res, 200, hostedPage(stored));
      if (req.method === 'POST') {
        if (stored.session.status !== 'open') return sendHtml(res, 409, hostedPage(stored, 'This Checkout Session is no longer available.'));
        await payStored(stored);
        const to = successUrlFor(stored.session);
        if (to) return redirect(res, to);
        return sendHtml(res, 200, hostedPage(stored, 'Payment complete.'));
      }
      return sendHtml(res, 405, '<!doctype html><title>Method not allowed</title>');
    }
    if (url.pathname.startsWith('/v1/')) return handleApi(req, res, url, body);
    return sendJson(res, 404, { error: { type: 'invalid_request_error', message: `Unrecognized request URL (${req.method}: ${url.pathname}).` } });
  });
  baseUrl = listening.url;

  return {
    url: listening.url,
    host: listening.host,
    port: listening.port,
    async close() {
      await Promise.allSettled([...inFlight]);
      await listening.close();
    },
    get webhookUrl() {
      return webhookUrl;
    },
    setWebhookUrl(u) {
      webhookUrl = u;
    },
    sessions: sessionView,
    paymentIntents,
    charges,
    refunds,
    events,
    get deliveryMode() {
      return mode;
    },
    setDelivery(next) {
      mode = next;
    },
    async pay(sessionId) {
      const stored = sessions.get(sessionId);
      if (!stored) throw new Error(`fake Stripe: no Checkout Session ${sessionId}`);
      await payStored(stored);
    },
    async expire(sessionId) {
      const stored = sessions.get(sessionId);
      if (!stored) throw new Error(`fake Stripe: no Checkout Session ${sessionId}`);
      const event = expireSession(stored, { id: null, idempotency_key: null });
      await deliver(event);
    },
    async flush() {
      const batch = held.splice(0, held.length).reverse();
      for (const e of batch) await deliverOnce(e);
      if (batch.length > 1 && batch[0]) await deliverOnce(batch[0]);
    },
    refundEvents,
    failNextRefund(failure) {
      refundFailure = failure;
    },
    async dashboardRefund(paymentIntentId, amount) {
      const refund = createRefund({ payment_intent: paymentIntentId, ...(amount ? { amount: String(amount) } : {}) });
      for (const e of newRefundEvents(refund, { id: null, idempotency_key: null })) await deliver(e);
      return refund;
    },
    async failRefundLater(refundId) {
      const refund = refunds.get(refundId);
      if (!refund) throw new Error(`fake Stripe: no refund ${refundId}`);
      refund.status = 'failed';
      refund.failure_reason = 'expired_or_canceled_card';
      // The money never left: it counts as not refunded on the charge again.
      const charge = charges.get(refund.charge)!;
      charge.amount_refunded -= refund.amount;
      charge.refunded = charge.amount_refunded === charge.amount;
      const e: FakeRefundEvent = {
        object: 'event',
        api_version: Stripe.API_VERSION,
        created: now(),
        livemode: false,
        pending_webhooks: 1,
        request: { id: null, idempotency_key: null },
        id: `evt_${randomId(24)}`,
        type: 'refund.updated',
        data: { object: structuredClone(refund) },
      };
      refundEvents.push(e);
      await deliver(e);
    },
    async resend(eventId) {
      const e = events.find((x) => x.id === eventId) ?? refundEvents.find((x) => x.id === eventId);
      if (!e) throw new Error(`fake Stripe: no event ${eventId}`);
      return deliverOnce(e);
    },
    async idle() {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
    deliveries,
    lastRequests,
  };
}
