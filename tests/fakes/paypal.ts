// A local stand-in for PayPal's REST API (OAuth token, Orders v2, captures and refunds), so the shop's server-side
// PayPal calls can be tested with plain fetch and no network:
//
//   const fake = await startFakePayPal({ clientId: 'client', clientSecret: 'secret' });
//   // the app uses fake.url as its PayPal API base instead of https://api-m.sandbox.paypal.com
//   await fake.close();
//
// Bodies and errors follow PayPal's shapes: `{ name, message, debug_id, details: [{ issue, description, … }], links }`
// with PayPal's status codes (401, 404, 422, 400) and, for OAuth, `{ error, error_description }`.
// `paypalSdkStandIn()` is the browser half: a replacement for https://www.paypal.com/sdk/js that browser tests
// serve with Playwright, see routePayPalStandIn().
import type http from 'node:http';
import type { Page } from '@playwright/test';
import { escapeHtml, header, listen, randomId, redirect, sendHtml, sendJson } from './http';

export interface PayPalMoney {
  currency_code: string;
  value: string;
}

export interface PayPalLink {
  href: string;
  rel: string;
  method: string;
}

export interface FakePayPalCapture {
  id: string;
  status: 'COMPLETED' | 'PARTIALLY_REFUNDED' | 'REFUNDED';
  amount: PayPalMoney;
  final_capture: true;
  seller_protection: { status: 'ELIGIBLE'; dispute_categories: string[] };
  seller_receivable_breakdown: { gross_amount: PayPalMoney; paypal_fee: PayPalMoney; net_amount: PayPalMoney };
  custom_id?: string;
  invoice_id?: string;
  links: PayPalLink[];
  create_time: string;
  update_time: string;
}

export interface FakePayPalRefund {
  id: string;
  status: 'COMPLETED';
  amount: PayPalMoney;
  invoice_id?: string;
  custom_id?: string;
  note_to_payer?: string;
  create_time: string;
  update_time: string;
  links: PayPalLink[];
}

export interface FakePayPalPurchaseUnit {
  reference_id: string;
  amount: PayPalMoney & { breakdown?: Record<string, PayPalMoney> };
  payee: { email_address: string; merchant_id: string };
  custom_id?: string;
  invoice_id?: string;
  description?: string;
  items?: unknown[];
  shipping?: unknown;
  payments?: { captures: FakePayPalCapture[] };
}

export interface FakePayPalOrder {
  id: string;
  intent: 'CAPTURE';
  status: 'CREATED' | 'APPROVED' | 'COMPLETED';
  purchase_units: FakePayPalPurchaseUnit[];
  payer?: { name: { given_name: string; surname: string }; email_address: string; payer_id: string; address: { country_code: string } };
  payment_source?: {
    paypal: {
      email_address: string;
      account_id: string;
      account_status: 'VERIFIED';
      name: { given_name: string; surname: string };
      address: { country_code: string };
    };
  };
  create_time: string;
  update_time?: string;
  links: PayPalLink[];
}

export interface FakePayPalRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  rawBody: string;
  /** Parsed JSON body (or the form fields for the token call); null when empty or not JSON. */
  body: unknown;
  /** The PayPal-Request-Id header, if sent. */
  requestId: string | null;
  status: number;
}

export interface FakePayPal {
  /** http://127.0.0.1:PORT — the app's PayPal API base. */
  url: string;
  host: string;
  port: number;
  close(): Promise<void>;
  /** What the buyer does in PayPal's window: CREATED → APPROVED. Throws for an unknown or completed order. */
  approve(orderId: string): void;
  /** The next capture answers 422 INSTRUMENT_DECLINED (the order stays APPROVED, as after a real decline). */
  declineNextCapture(): void;
  /** Captures report this amount instead of the order's (to test the shop's amount check); null restores. */
  captureAmountOverride(value: string | null): void;
  /** Makes every issued access token invalid (the next API call answers 401), to test re-authentication. */
  expireTokens(): void;
  /** The next refund call answers 503 before anything is refunded (PayPal having a bad moment), to test a retry. */
  failNextRefund(): void;
  readonly orders: ReadonlyMap<string, FakePayPalOrder>;
  readonly captures: ReadonlyMap<string, FakePayPalCapture>;
  readonly refunds: ReadonlyMap<string, FakePayPalRefund>;
  readonly lastRequests: readonly FakePayPalRequest[];
}

// ---------------------------------------------------------------------------------------------------------------

class PayPalApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
  ) {
    super(String(body.message ?? body.error_description ?? body.name));
  }
}

const MESSAGES: Record<string, string> = {
  UNPROCESSABLE_ENTITY: 'The requested action could not be performed, semantically incorrect, or failed business validation.',
  RESOURCE_NOT_FOUND: 'The specified resource does not exist.',
  INVALID_REQUEST: 'Request is not well-formed, syntactically incorrect, or violates schema.',
  AUTHENTICATION_FAILURE: 'Authentication failed due to invalid authentication credentials or a missing Authorization header.',
};

interface Detail {
  issue: string;
  description: string;
  field?: string;
  value?: string;
  location?: 'body' | 'path' | 'query' | 'header';
}

function apiError(status: number, name: string, detail?: Detail, api = 'orders/v2'): PayPalApiError {
  const debugId = randomId(13, '0123456789abcdef');
  return new PayPalApiError(status, {
    name,
    ...(detail ? { details: [detail] } : {}),
    message: MESSAGES[name] ?? name,
    debug_id: debugId,
    links: [{ href: `https://developer.paypal.com/docs/api/${api}/#error-${detail?.issue ?? name}`, rel: 'information_link', method: 'GET' }],
  });
}

const unprocessable = (issue: string, description: string, extra: Omit<Detail, 'issue' | 'description'> = {}, api?: string) =>
  apiError(422, 'UNPROCESSABLE_ENTITY', { ...extra, issue, description }, api);
const badRequest = (issue: string, description: string, extra: Omit<Detail, 'issue' | 'description'> = {}) =>
  apiError(400, 'INVALID_REQUEST', { ...extra, issue, description });

// PayPal's currencies without minor units.
const ZERO_DECIMAL = new Set(['HUF', 'JPY', 'TWD']);

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Money → integer minor units, validated the way PayPal does. */
function minor(m: unknown, field: string, currency?: string): { minor: number; currency: string } {
  if (!isObj(m)) throw badRequest('MISSING_REQUIRED_PARAMETER', 'A required field / parameter is missing.', { field, location: 'body' });
  const cur = m.currency_code;
  const value = m.value;
  if (typeof cur !== 'string' || !/^[A-Z]{3}$/.test(cur)) {
    throw badRequest(cur === undefined ? 'MISSING_REQUIRED_PARAMETER' : 'INVALID_PARAMETER_VALUE', 'A required field / parameter is missing.', {
      field: `${field}/currency_code`,
      location: 'body',
    });
  }
  if (typeof value !== 'string' || !/^\d+(\.\d+)?$/.test(value)) {
    throw badRequest(
      value === undefined ? 'MISSING_REQUIRED_PARAMETER' : 'INVALID_PARAMETER_SYNTAX',
      'The value of a field does not conform to the expected format.',
      { field: `${field}/value`, value: String(value), location: 'body' },
    );
  }
  if (currency !== undefined && cur !== currency) {
    throw unprocessable('CURRENCY_MISMATCH', 'Currency code should be the same for all amounts in the request.', {
      field: `${field}/currency_code`,
      value: cur,
      location: 'body',
    });
  }
  const [whole, frac = ''] = value.split('.');
  const decimals = ZERO_DECIMAL.has(cur) ? 0 : 2;
  if (decimals === 0 && frac.length > 0) {
    throw unprocessable('DECIMALS_NOT_SUPPORTED', 'Currency code does not support decimals.', { field: `${field}/value`, value, location: 'body' });
  }
  if (frac.length > decimals) {
    throw unprocessable('DECIMAL_PRECISION', 'If the currency supports decimals, only two decimal place precision is supported.', {
      field: `${field}/value`,
      value,
      location: 'body',
    });
  }
  return { minor: Number(whole) * 10 ** decimals + Number(frac.padEnd(decimals, '0') || '0'), currency: cur };
}

function money(minorUnits: number, currency: string): PayPalMoney {
  const decimals = ZERO_DECIMAL.has(currency) ? 0 : 2;
  return { currency_code: currency, value: decimals === 0 ? String(minorUnits) : (minorUnits / 100).toFixed(2) };
}

const iso = () => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');

/** PayPal-style ids: 17 upper-case letters and digits. */
const ppId = () => randomId(17, '0123456789ABCDEFGHJKLMNPRSTUVWXY');

// ---------------------------------------------------------------------------------------------------------------

interface StoredOrder {
  order: FakePayPalOrder;
  returnUrl: string | null;
  cancelUrl: string | null;
  /** The last successful capture response (replayed for the same PayPal-Request-Id). */
  captureResponse: unknown;
  captureRequestId: string | null;
}

interface StoredCapture {
  capture: FakePayPalCapture;
  orderId: string;
  refundedMinor: number;
}

export async function startFakePayPal(opts: { clientId: string; clientSecret: string }): Promise<FakePayPal> {
  const orders = new Map<string, StoredOrder>();
  const orderView = new Map<string, FakePayPalOrder>();
  const captures = new Map<string, StoredCapture>();
  const captureView = new Map<string, FakePayPalCapture>();
  const refunds = new Map<string, FakePayPalRefund>();
  const tokens = new Map<string, number>(); // token → expiry (ms)
  const requestIds = new Map<string, { kind: 'order' | 'refund'; id: string }>();
  const lastRequests: FakePayPalRequest[] = [];
  let declineNext = false;
  let failRefund = false;
  let amountOverride: string | null = null;
  let baseUrl = '';

  const orderLinks = (o: FakePayPalOrder): PayPalLink[] => {
    const self = `${baseUrl}/v2/checkout/orders/${o.id}`;
    return [
      { href: self, rel: 'self', method: 'GET' },
      ...(o.status === 'CREATED' ? [{ href: `${baseUrl}/checkoutnow?token=${o.id}`, rel: 'approve', method: 'GET' }] : []),
      ...(o.status !== 'COMPLETED'
        ? [
            { href: self, rel: 'update', method: 'PATCH' },
            { href: `${self}/capture`, rel: 'capture', method: 'POST' },
          ]
        : []),
    ];
  };

  const view = (o: FakePayPalOrder): FakePayPalOrder => ({ ...structuredClone(o), links: orderLinks(o) });
  const minimal = (o: FakePayPalOrder) => ({ id: o.id, status: o.status, links: orderLinks(o) });
  const wantsRepresentation = (req: http.IncomingMessage) => /return=representation/i.test(header(req, 'prefer') ?? '');

  function requireToken(req: http.IncomingMessage): void {
    const m = /^Bearer\s+(\S+)$/i.exec(header(req, 'authorization') ?? '');
    const expiry = m?.[1] ? tokens.get(m[1]) : undefined;
    if (expiry === undefined || expiry < Date.now()) {
      throw new PayPalApiError(401, {
        name: 'AUTHENTICATION_FAILURE',
        message: MESSAGES.AUTHENTICATION_FAILURE,
        links: [{ href: 'https://developer.paypal.com/docs/api/overview/#error', rel: 'information_link' }],
      });
    }
  }

  function getOrder(id: string): StoredOrder {
    const o = orders.get(id);
    if (!o) {
      throw apiError(404, 'RESOURCE_NOT_FOUND', {
        field: 'order_id',
        value: id,
        location: 'path',
        issue: 'INVALID_RESOURCE_ID',
        description: 'Specified resource ID does not exist. Please check the resource ID and try again.',
      });
    }
    return o;
  }

  function getCapture(id: string): StoredCapture {
    const c = captures.get(id);
    if (!c) {
      throw apiError(
        404,
        'RESOURCE_NOT_FOUND',
        {
          field: 'capture_id',
          value: id,
          location: 'path',
          issue: 'INVALID_RESOURCE_ID',
          description: 'Specified resource ID does not exist. Please check the resource ID and try again.',
        },
        'payments/v2',
      );
    }
    return c;
  }

  function parseJson(raw: string): Record<string, unknown> {
    if (raw.trim() === '') return {};
    try {
      const v: unknown = JSON.parse(raw);
      if (isObj(v)) return v;
    } catch {
      /* fall through */
    }
    throw badRequest('MALFORMED_REQUEST_JSON', 'The request JSON is not well formed.', { location: 'body' });
  }

  function createOrder(body: Record<string, unknown>): StoredOrder {
    if (body.intent === undefined)
      throw badRequest('MISSING_REQUIRED_PARAMETER', 'A required field / parameter is missing.', { field: '/intent', location: 'body' });
    if (body.intent !== 'CAPTURE') {
      // PayPal also has intent AUTHORIZE; the shop captures at once, so the fake only knows CAPTURE.
      throw badRequest('INVALID_PARAMETER_VALUE', 'The value of a field is invalid (the fake PayPal supports intent CAPTURE only).', {
        field: '/intent',
        value: String(body.intent),
        location: 'body',
      });
    }
    const units = body.purchase_units;
    if (!Array.isArray(units) || units.length === 0) {
      throw badRequest('MISSING_REQUIRED_PARAMETER', 'A required field / parameter is missing.', { field: '/purchase_units', location: 'body' });
    }
    if (units.length > 1) {
      throw badRequest('INVALID_ARRAY_MAX_ITEMS', 'The number of items in an array parameter is too large (the fake PayPal supports one purchase unit).', {
        field: '/purchase_units',
        location: 'body',
      });
    }
    const u: unknown = units[0];
    if (!isObj(u)) throw badRequest('MISSING_REQUIRED_PARAMETER', 'A required field / parameter is missing.', { field: '/purchase_units/0', location: 'body' });
    const referenceId = typeof u.reference_id === 'string' ? u.reference_id : 'default';
    const unitPath = `/purchase_units/@reference_id=='${referenceId}'`;
    const total = minor(u.amount, `${unitPath}/amount`);
    if (total.minor <= 0) {
      throw unprocessable(
        'CANNOT_BE_ZERO_OR_NEGATIVE',
        'Must be greater than zero. If the currency supports decimals, only two decimal place precision is supported.',
        { field: `${unitPath}/amount/value`, value: (u.amount as PayPalMoney).value, location: 'body' },
      );
    }
    const amount = u.amount as Record<string, unknown>;
    const breakdown = amount.breakdown;
    const parts: Record<string, number> = {};
    if (breakdown !== undefined) {
      if (!isObj(breakdown))
        throw badRequest('INVALID_PARAMETER_SYNTAX', 'The value of a field does not conform to the expected format.', {
          field: `${unitPath}/amount/breakdown`,
          location: 'body',
        });
      for (const key of ['item_total', 'tax_total', 'shipping', 'handling', 'insurance', 'shipping_discount', 'discount']) {
        if (breakdown[key] !== undefined) parts[key] = minor(breakdown[key], `${unitPath}/amount/breakdown/${key}`, total.currency).minor;
      }
      const sum =
        (parts.item_total ?? 0) +
        (parts.tax_total ?? 0) +
        (parts.shipping ?? 0) +
        (parts.handling ?? 0) +
        (parts.insurance ?? 0) -
        (parts.shipping_discount ?? 0) -
        (parts.discount ?? 0);
      if (sum !== total.minor) {
        throw unprocessable('AMOUNT_MISMATCH', 'Should equal item_total + tax_total + shipping + handling + insurance - shipping_discount - discount.', {
          field: `${unitPath}/amount/value`,
          value: (amount as unknown as PayPalMoney).value,
          location: 'body',
        });
      }
    }
    if (u.items !== undefined) {
      if (!Array.isArray(u.items))
        throw badRequest('INVALID_PARAMETER_SYNTAX', 'The value of a field does not conform to the expected format.', {
          field: `${unitPath}/items`,
          location: 'body',
        });
      if (parts.item_total === undefined) {
        throw unprocessable(
          'ITEM_TOTAL_REQUIRED',
          'If item details are specified (items.unit_amount and items.quantity) corresponding amount.breakdown.item_total is required.',
          { field: `${unitPath}/amount/breakdown/item_total`, location: 'body' },
        );
      }
      let itemSum = 0;
      u.items.forEach((item: unknown, i) => {
        if (!isObj(item))
          throw badRequest('INVALID_PARAMETER_SYNTAX', 'The value of a field does not conform to the expected format.', {
            field: `${unitPath}/items/${i}`,
            location: 'body',
          });
        const q = item.quantity;
        if (typeof q !== 'string' || !/^[1-9]\d*$/.test(q)) {
          throw badRequest('INVALID_PARAMETER_SYNTAX', 'The value of a field does not conform to the expected format.', {
            field: `${unitPath}/items/@name=='${String(item.name)}'/quantity`,
            value: String(q),
            location: 'body',
          });
        }
        itemSum += minor(item.unit_amount, `${unitPath}/items/@name=='${String(item.name)}'/unit_amount`, total.currency).minor * Number(q);
      });
      if (itemSum !== parts.item_total) {
        throw unprocessable('ITEM_TOTAL_MISMATCH', 'Should equal sum of (unit_amount * quantity) across all items for a given purchase_unit.', {
          field: `${unitPath}/amount/breakdown/item_total/value`,
          value: money(parts.item_total, total.currency).value,
          location: 'body',
        });
      }
    }
    const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
    const experience =
      isObj(body.payment_source) && isObj(body.payment_source.paypal) && isObj(body.payment_source.paypal.experience_context)
        ? body.payment_source.paypal.experience_context
        : isObj(body.application_context)
          ? body.application_context
          : {};
    const id = ppId();
    const unit: FakePayPalPurchaseUnit = {
      reference_id: referenceId,
      amount: structuredClone(amount) as unknown as FakePayPalPurchaseUnit['amount'],
      payee: { email_address: 'merchant@example.com', merchant_id: 'FAKEMERCHANT01' },
    };
    for (const key of ['custom_id', 'invoice_id', 'description'] as const) {
      const v = str(u[key]);
      if (v !== undefined) unit[key] = v;
    }
    if (u.items !== undefined) unit.items = structuredClone(u.items) as unknown[];
    if (u.shipping !== undefined) unit.shipping = structuredClone(u.shipping);
    const order: FakePayPalOrder = { id, intent: 'CAPTURE', status: 'CREATED', purchase_units: [unit], create_time: iso(), links: [] };
    const stored: StoredOrder = {
      order,
      returnUrl: str(experience.return_url) ?? null,
      cancelUrl: str(experience.cancel_url) ?? null,
      captureResponse: null,
      captureRequestId: null,
    };
    orders.set(id, stored);
    orderView.set(id, order);
    return stored;
  }

  function approve(orderId: string): void {
    const stored = orders.get(orderId);
    if (!stored) throw new Error(`fake PayPal: no order ${orderId}`);
    const o = stored.order;
    if (o.status === 'COMPLETED') throw new Error(`fake PayPal: order ${orderId} is already captured`);
    if (o.status === 'APPROVED') return;
    const name = { given_name: 'Test', surname: 'Buyer' };
    o.status = 'APPROVED';
    o.update_time = iso();
    o.payer = { name, email_address: 'buyer@example.com', payer_id: 'FAKEPAYER0001', address: { country_code: 'US' } };
    o.payment_source = {
      paypal: { email_address: 'buyer@example.com', account_id: 'FAKEPAYER0001', account_status: 'VERIFIED', name, address: { country_code: 'US' } },
    };
  }

  function capture(stored: StoredOrder): unknown {
    const o = stored.order;
    if (o.status === 'COMPLETED')
      throw unprocessable('ORDER_ALREADY_CAPTURED', "Order already captured. If 'intent=CAPTURE' only one capture per order is allowed.");
    if (o.status !== 'APPROVED') {
      throw unprocessable(
        'ORDER_NOT_APPROVED',
        "Payer has not yet approved the Order for payment. Please redirect the payer to the 'rel':'approve' url returned as part of the HATEOAS links within the Create Order call or provide a valid payment_source in the request.",
      );
    }
    if (declineNext) {
      declineNext = false;
      throw unprocessable(
        'INSTRUMENT_DECLINED',
        "The instrument presented was either declined by the processor or bank, or it can't be used for this payment.",
      );
    }
    const unit = o.purchase_units[0] as FakePayPalPurchaseUnit;
    const currency = unit.amount.currency_code;
    const captured =
      amountOverride !== null ? minor({ currency_code: currency, value: amountOverride }, 'captureAmountOverride').minor : minor(unit.amount, 'amount').minor;
    const fee = Math.round(captured * 0.0349) + 49; // roughly PayPal's 3.49% + fixed fee
    const id = ppId();
    const now = iso();
    const cap: FakePayPalCapture = {
      id,
      status: 'COMPLETED',
      amount: money(captured, currency),
      final_capture: true,
      seller_protection: { status: 'ELIGIBLE', dispute_categories: ['ITEM_NOT_RECEIVED', 'UNAUTHORIZED_TRANSACTION'] },
      seller_receivable_breakdown: { gross_amount: money(captured, currency), paypal_fee: money(fee, currency), net_amount: money(captured - fee, currency) },
      ...(unit.custom_id !== undefined ? { custom_id: unit.custom_id } : {}),
      ...(unit.invoice_id !== undefined ? { invoice_id: unit.invoice_id } : {}),
      links: [
        { href: `${baseUrl}/v2/payments/captures/${id}`, rel: 'self', method: 'GET' },
        { href: `${baseUrl}/v2/payments/captures/${id}/refund`, rel: 'refund', method: 'POST' },
        { href: `${baseUrl}/v2/checkout/orders/${o.id}`, rel: 'up', method: 'GET' },
      ],
      create_time: now,
      update_time: now,
    };
    captures.set(id, { capture: cap, orderId: o.id, refundedMinor: 0 });
    captureView.set(id, cap);
    unit.payments = { captures: [cap] };
    o.status = 'COMPLETED';
    o.update_time = now;
    return {
      id: o.id,
      status: 'COMPLETED',
      payment_source: structuredClone(o.payment_source),
      purchase_units: [
        {
          reference_id: unit.reference_id,
          ...(unit.shipping !== undefined ? { shipping: structuredClone(unit.shipping) } : {}),
          payments: { captures: [structuredClone(cap)] },
        },
      ],
      payer: structuredClone(o.payer),
      links: [{ href: `${baseUrl}/v2/checkout/orders/${o.id}`, rel: 'self', method: 'GET' }],
    };
  }

  function refund(c: StoredCapture, body: Record<string, unknown>): FakePayPalRefund {
    const currency = c.capture.amount.currency_code;
    const capturedMinor = minor(c.capture.amount, 'capture').minor;
    const remaining = capturedMinor - c.refundedMinor;
    if (remaining <= 0) throw unprocessable('CAPTURE_FULLY_REFUNDED', 'The capture has already been fully refunded', {}, 'payments/v2');
    const amount = body.amount === undefined ? remaining : minor(body.amount, '/amount', currency).minor;
    if (amount <= 0)
      throw unprocessable('CANNOT_BE_ZERO_OR_NEGATIVE', 'Must be greater than zero.', { field: '/amount/value', location: 'body' }, 'payments/v2');
    if (amount > remaining) {
      throw unprocessable(
        'REFUND_AMOUNT_EXCEEDED',
        'The refund amount must be less than or equal to the capture amount that has not yet been refunded.',
        {},
        'payments/v2',
      );
    }
    c.refundedMinor += amount;
    c.capture.status = c.refundedMinor === capturedMinor ? 'REFUNDED' : 'PARTIALLY_REFUNDED';
    c.capture.update_time = iso();
    const id = ppId();
    const now = iso();
    const r: FakePayPalRefund = {
      id,
      status: 'COMPLETED',
      amount: money(amount, currency),
      ...(typeof body.invoice_id === 'string' ? { invoice_id: body.invoice_id } : {}),
      ...(typeof body.custom_id === 'string' ? { custom_id: body.custom_id } : {}),
      ...(typeof body.note_to_payer === 'string' ? { note_to_payer: body.note_to_payer } : {}),
      create_time: now,
      update_time: now,
      links: [
        { href: `${baseUrl}/v2/payments/refunds/${id}`, rel: 'self', method: 'GET' },
        { href: `${baseUrl}/v2/payments/captures/${c.capture.id}`, rel: 'up', method: 'GET' },
      ],
    };
    refunds.set(id, r);
    return r;
  }

  async function handleApi(req: http.IncomingMessage, path: string, raw: string, record: FakePayPalRequest): Promise<{ status: number; body: unknown }> {
    const method = req.method ?? 'GET';
    let m: RegExpExecArray | null;

    if (method === 'POST' && path === '/v1/oauth2/token') {
      const basic = /^Basic\s+(\S+)$/i.exec(header(req, 'authorization') ?? '');
      const [id, secret] = basic?.[1] ? Buffer.from(basic[1], 'base64').toString('utf8').split(':') : [];
      const form = new URLSearchParams(raw);
      record.body = Object.fromEntries(form);
      if (id !== opts.clientId || secret !== opts.clientSecret) {
        throw new PayPalApiError(401, { error: 'invalid_client', error_description: 'Client Authentication failed' });
      }
      const grant = form.get('grant_type');
      if (grant === null) throw new PayPalApiError(400, { error: 'unsupported_grant_type', error_description: 'Grant Type is NULL' });
      if (grant !== 'client_credentials')
        throw new PayPalApiError(400, { error: 'unsupported_grant_type', error_description: `Grant Type ${grant} is not supported` });
      const token = `A21AA${randomId(80)}`;
      const expiresIn = 32400;
      tokens.set(token, Date.now() + expiresIn * 1000);
      return {
        status: 200,
        body: {
          scope:
            'https://uri.paypal.com/services/payments/refund https://uri.paypal.com/services/payments/payment https://uri.paypal.com/services/payments/realtimepayment',
          access_token: token,
          token_type: 'Bearer',
          app_id: 'APP-80W284485P519543T',
          expires_in: expiresIn,
          nonce: `${iso()}${randomId(20)}`,
        },
      };
    }

    requireToken(req);
    const requestId = header(req, 'paypal-request-id') ?? null;
    const body = method === 'POST' ? parseJson(raw) : {};
    record.body = raw.trim() ? body : null;

    if (method === 'POST' && path === '/v2/checkout/orders') {
      const prior = requestId ? requestIds.get(requestId) : undefined;
      if (prior?.kind === 'order') {
        // Same PayPal-Request-Id: PayPal answers with the latest state of the order it created the first time.
        const o = getOrder(prior.id).order;
        return { status: 200, body: wantsRepresentation(req) ? view(o) : minimal(o) };
      }
      const stored = createOrder(body);
      if (requestId) requestIds.set(requestId, { kind: 'order', id: stored.order.id });
      return { status: 201, body: wantsRepresentation(req) ? view(stored.order) : minimal(stored.order) };
    }
    if ((m = /^\/v2\/checkout\/orders\/([^/]+)$/.exec(path)) && method === 'GET') {
      return { status: 200, body: view(getOrder(decodeURIComponent(m[1] ?? '')).order) };
    }
    if ((m = /^\/v2\/checkout\/orders\/([^/]+)\/capture$/.exec(path)) && method === 'POST') {
      const stored = getOrder(decodeURIComponent(m[1] ?? ''));
      if (requestId && stored.captureRequestId === requestId && stored.captureResponse) {
        return { status: 200, body: stored.captureResponse };
      }
      const response = capture(stored);
      stored.captureResponse = response;
      stored.captureRequestId = requestId;
      return { status: 201, body: wantsRepresentation(req) ? view(stored.order) : response };
    }
    if ((m = /^\/v2\/payments\/captures\/([^/]+)$/.exec(path)) && method === 'GET') {
      return { status: 200, body: getCapture(decodeURIComponent(m[1] ?? '')).capture };
    }
    if ((m = /^\/v2\/payments\/captures\/([^/]+)\/refund$/.exec(path)) && method === 'POST') {
      if (failRefund) {
        failRefund = false;
        return { status: 503, body: { name: 'SERVICE_UNAVAILABLE', message: 'Service Unavailable.', debug_id: 'fake-503' } };
      }
      const c = getCapture(decodeURIComponent(m[1] ?? ''));
      const prior = requestId ? requestIds.get(requestId) : undefined;
      if (prior?.kind === 'refund') return { status: 200, body: refunds.get(prior.id) };
      const r = refund(c, body);
      if (requestId) requestIds.set(requestId, { kind: 'refund', id: r.id });
      return { status: 201, body: r };
    }
    if ((m = /^\/v2\/payments\/refunds\/([^/]+)$/.exec(path)) && method === 'GET') {
      const id = decodeURIComponent(m[1] ?? '');
      const r = refunds.get(id);
      if (!r)
        throw apiError(
          404,
          'RESOURCE_NOT_FOUND',
          {
            field: 'refund_id',
            value: id,
            location: 'path',
            issue: 'INVALID_RESOURCE_ID',
            description: 'Specified resource ID does not exist. Please check the resource ID and try again.',
          },
          'payments/v2',
        );
      return { status: 200, body: r };
    }
    throw new PayPalApiError(404, {
      name: 'NOT_FOUND',
      message: `The fake PayPal has no route for ${method} ${path}.`,
      debug_id: randomId(13, '0123456789abcdef'),
    });
  }

  // PayPal's approval window (rel "approve"): shows the amount and an "Approve" button.
  function approvalPage(stored: StoredOrder, notice?: string): string {
    const o = stored.order;
    const unit = o.purchase_units[0] as FakePayPalPurchaseUnit;
    const action =
      o.status === 'CREATED'
        ? `<form method="post"><button type="submit">Approve</button></form>${stored.cancelUrl ? `<p><a href="${escapeHtml(`${stored.cancelUrl}${stored.cancelUrl.includes('?') ? '&' : '?'}token=${o.id}`)}">Cancel and return</a></p>` : ''}`
        : `<p role="status">Payment ${o.status === 'APPROVED' ? 'approved' : o.status.toLowerCase()}.</p>`;
    return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Fake PayPal</title></head><body><main>
<h1>Fake PayPal (sandbox)</h1>${notice ? `<p role="alert">${escapeHtml(notice)}</p>` : ''}
<p>Pay <strong id="amount">${escapeHtml(`${unit.amount.value} ${unit.amount.currency_code}`)}</strong> to the shop.</p>${action}</main></body></html>`;
  }

  const cors = { 'access-control-allow-origin': '*', 'access-control-allow-methods': 'POST, OPTIONS', 'access-control-allow-headers': 'content-type' };

  const listening = await listen(async (req, res, raw) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = req.method ?? 'GET';

    if (url.pathname === '/checkoutnow') {
      const id = url.searchParams.get('token') ?? '';
      const stored = orders.get(id);
      if (!stored) return sendHtml(res, 404, '<!doctype html><title>Not found</title><p>No such order.</p>');
      if (method === 'POST' && stored.order.status === 'CREATED') {
        approve(id);
        if (stored.returnUrl) {
          return redirect(res, `${stored.returnUrl}${stored.returnUrl.includes('?') ? '&' : '?'}token=${id}&PayerID=${stored.order.payer?.payer_id ?? ''}`);
        }
      }
      return sendHtml(res, 200, approvalPage(stored));
    }

    // Approval shortcut for the browser stand-in (paypalSdkStandIn). /__fake/approve/ is the path a test routes
    // https://www.paypal.com/__fake/approve/<id> to, for pages whose CSP only allows *.paypal.com.
    const shortcut = /^\/(?:__approve|__fake\/approve)\/([^/]+)$/.exec(url.pathname);
    if (shortcut) {
      if (method === 'OPTIONS') {
        res.writeHead(204, cors);
        return void res.end();
      }
      const id = decodeURIComponent(shortcut[1] ?? '');
      try {
        approve(id);
        return sendJson(res, 200, { id, status: 'APPROVED' }, cors);
      } catch (e) {
        return sendJson(res, orders.has(id) ? 422 : 404, { name: 'UNPROCESSABLE_ENTITY', message: e instanceof Error ? e.message : String(e) }, cors);
      }
    }

    const record: FakePayPalRequest = {
      method,
      path: url.pathname,
      headers: req.headers,
      rawBody: raw,
      body: null,
      requestId: header(req, 'paypal-request-id') ?? null,
      status: 0,
    };
    lastRequests.push(record);
    if (lastRequests.length > 500) lastRequests.shift();
    const debugHeader = { 'paypal-debug-id': randomId(13, '0123456789abcdef') };
    try {
      const result = await handleApi(req, url.pathname, raw, record);
      record.status = result.status;
      sendJson(res, result.status, result.body, debugHeader);
    } catch (err) {
      if (!(err instanceof PayPalApiError)) throw err;
      record.status = err.status;
      sendJson(res, err.status, err.body, typeof err.body.debug_id === 'string' ? { 'paypal-debug-id': err.body.debug_id } : debugHeader);
    }
  });
  baseUrl = listening.url;

  return {
    url: listening.url,
    host: listening.host,
    port: listening.port,
    close: () => listening.close(),
    approve,
    declineNextCapture() {
      declineNext = true;
    },
    captureAmountOverride(value) {
      amountOverride = value;
    },
    expireTokens() {
      tokens.clear();
    },
    failNextRefund() {
      failRefund = true;
    },
    orders: orderView,
    captures: captureView,
    refunds,
    lastRequests,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// The browser half

/** The URL prefix the stand-in can approve orders through when the page's CSP only allows https://*.paypal.com;
 * the test routes it to the fake (routePayPalStandIn does). */
export const PAYPAL_FAKE_APPROVE_BASE = 'https://www.paypal.com/__fake/approve/';

/**
 * JavaScript source of a stand-in for PayPal's browser SDK (https://www.paypal.com/sdk/js?…), for
 * `page.route('**\/sdk/js?**', r => r.fulfill({ contentType: 'application/javascript', body: paypalSdkStandIn(…) }))`.
 *
 * It defines `window.paypal` (or the namespace from the script's `data-namespace`) with what
 * `@paypal/react-paypal-js`'s <PayPalButtons> uses: `Buttons(opts)` → `{ isEligible, render, close }`, plus
 * `version`, `FUNDING`, `getFundingSources`, `isFundingEligible`. `render(container)` puts a plain
 * `<button>Pay with PayPal</button>` in the container (the real SDK renders an iframe) and calls `opts.onInit`.
 * A click runs `opts.onClick` (a `false` result or `actions.reject()` stops), then `opts.createOrder()` (the
 * shop's server creates the PayPal order and returns its id), approves the order by POSTing to
 * `approveBase + id` — by default `${fakeUrl}/__approve/<id>`, or PAYPAL_FAKE_APPROVE_BASE for pages whose CSP
 * allows only *.paypal.com (then the test must route that URL to the fake) — and calls
 * `opts.onApprove({ orderID, payerID, … }, actions)`. Any failure goes to `opts.onError(err)`.
 * Setting `window.__paypalStandIn.nextOutcome = 'cancel'` before a click makes it call `opts.onCancel({ orderID })`
 * instead of approving (the buyer closing PayPal's window). `window.__paypalStandIn.calls` logs what happened.
 * `actions.order.*` (client-side order calls to PayPal) are not supported; the shop creates and captures on the server.
 */
export function paypalSdkStandIn(options: { fakeUrl: string; approveBase?: string }): string {
  const approveBase = options.approveBase ?? `${options.fakeUrl.replace(/\/$/, '')}/__approve/`;
  return `(function () {
  'use strict';
  var APPROVE_BASE = ${JSON.stringify(approveBase)};
  var script = document.currentScript;
  var ns = (script && script.getAttribute('data-namespace')) || 'paypal';
  var control = window.__paypalStandIn = window.__paypalStandIn || { nextOutcome: 'approve', calls: [] };
  function log(entry) { control.calls.push(entry); }
  function unsupported() { return Promise.reject(new Error('PayPal SDK stand-in: actions.order.* is not supported; create and capture orders on the server')); }
  var orderActions = { create: unsupported, capture: unsupported, get: unsupported, patch: unsupported, authorize: unsupported };

  function Buttons(opts) {
    opts = opts || {};
    var button = null;
    var disabled = false;
    var busy = false;
    var initActions = {
      enable: function () { disabled = false; if (button) button.disabled = false; return Promise.resolve(); },
      disable: function () { disabled = true; if (button) button.disabled = true; return Promise.resolve(); }
    };
    function fail(err) {
      var error = err instanceof Error ? err : new Error(String(err));
      log({ type: 'error', message: error.message });
      if (typeof opts.onError === 'function') opts.onError(error); else console.error(error);
    }
    async function run() {
      if (disabled || busy) return;
      busy = true;
      try {
        var rejected = false;
        if (typeof opts.onClick === 'function') {
          var clickResult = await opts.onClick({ fundingSource: 'paypal' }, {
            resolve: function () { return Promise.resolve(); },
            reject: function () { rejected = true; return Promise.resolve(); }
          });
          if (clickResult === false || rejected) { log({ type: 'click-rejected' }); return; }
        }
        var id;
        try {
          if (typeof opts.createOrder !== 'function') throw new Error('PayPal SDK stand-in: createOrder is required');
          id = await opts.createOrder({ paymentSource: 'paypal' }, { order: orderActions });
          if (typeof id !== 'string' || id === '') throw new Error('Expected an order id to be passed');
        } catch (e) { fail(e); return; }
        log({ type: 'created', orderID: id });
        var outcome = control.nextOutcome || 'approve';
        control.nextOutcome = 'approve';
        if (outcome === 'cancel') {
          log({ type: 'cancel', orderID: id });
          if (typeof opts.onCancel === 'function') await opts.onCancel({ orderID: id });
          return;
        }
        try {
          var res = await fetch(APPROVE_BASE + encodeURIComponent(id), { method: 'POST' });
          if (!res.ok) throw new Error('PayPal SDK stand-in: approving order ' + id + ' failed with HTTP ' + res.status);
        } catch (e) { fail(e); return; }
        log({ type: 'approve', orderID: id });
        try {
          if (typeof opts.onApprove === 'function') {
            await opts.onApprove(
              { orderID: id, payerID: 'FAKEPAYER0001', paymentID: null, billingToken: null, facilitatorAccessToken: 'A21AA-stand-in', paymentSource: 'paypal' },
              { order: orderActions, restart: function () { busy = false; return run(); }, redirect: function (url) { window.location.href = url; } }
            );
          }
        } catch (e) { fail(e); }
      } finally {
        busy = false;
      }
    }
    return {
      isEligible: function () { return true; },
      render: function (target) {
        var container = typeof target === 'string' ? document.querySelector(target) : target;
        if (!container) return Promise.reject(new Error('PayPal SDK stand-in: container not found'));
        button = document.createElement('button');
        button.type = 'button';
        button.textContent = 'Pay with PayPal';
        button.setAttribute('data-paypal-stand-in', '');
        button.disabled = disabled;
        button.addEventListener('click', function () { void run(); });
        container.appendChild(button);
        if (typeof opts.onInit === 'function') opts.onInit({}, initActions);
        return Promise.resolve();
      },
      close: function () {
        if (button && button.parentNode) button.parentNode.removeChild(button);
        button = null;
        return Promise.resolve();
      },
      updateProps: function (props) { Object.assign(opts, props || {}); return Promise.resolve(); },
      hasReturned: function () { return false; },
      resume: function () {}
    };
  }

  window[ns] = {
    version: '5.0.0',
    Buttons: Buttons,
    FUNDING: { PAYPAL: 'paypal', CARD: 'card', CREDIT: 'credit', PAYLATER: 'paylater', VENMO: 'venmo' },
    getFundingSources: function () { return ['paypal']; },
    isFundingEligible: function (source) { return source === 'paypal'; },
    rememberFunding: function () {}
  };
})();
`;
}

/** For Playwright tests: serves the stand-in for PayPal's SDK URL and answers the CSP-friendly approval URL
 * (PAYPAL_FAKE_APPROVE_BASE + id) by approving the order on the fake. Call before page.goto. */
export async function routePayPalStandIn(page: Page, fake: FakePayPal): Promise<void> {
  const source = paypalSdkStandIn({ fakeUrl: fake.url, approveBase: PAYPAL_FAKE_APPROVE_BASE });
  await page.route('**/sdk/js?**', (route) => route.fulfill({ status: 200, contentType: 'application/javascript', body: source }));
  await page.route(`${PAYPAL_FAKE_APPROVE_BASE}*`, async (route) => {
    const request = route.request();
    const headers = { 'access-control-allow-origin': '*', 'access-control-allow-methods': 'POST, OPTIONS', 'access-control-allow-headers': 'content-type' };
    if (request.method() === 'OPTIONS') return route.fulfill({ status: 204, headers });
    const id = decodeURIComponent(new URL(request.url()).pathname.split('/').pop() ?? '');
    try {
      fake.approve(id);
      await route.fulfill({ status: 200, headers, contentType: 'application/json', body: JSON.stringify({ id, status: 'APPROVED' }) });
    } catch (e) {
      await route.fulfill({
        status: 404,
        headers,
        contentType: 'application/json',
        body: JSON.stringify({ name: 'RESOURCE_NOT_FOUND', message: e instanceof Error ? e.message : String(e) }),
      });
    }
  });
}
