'use client';

import { PayPalButtons, PayPalScriptProvider, usePayPalScriptReducer } from '@paypal/react-paypal-js';
import { useState, type RefObject } from 'react';

interface Config {
  clientId: string;
  sdkUrl: string;
  currency: string;
}

/** Reads the checkout form as the server action would, for PayPal's createOrder. */
function formFields(form: HTMLFormElement | null): Record<string, string> {
  const out: Record<string, string> = {};
  if (!form) return out;
  for (const [k, v] of new FormData(form)) if (typeof v === 'string' && !k.startsWith('$')) out[k] = v;
  return out;
}

async function post(url: string, body: unknown): Promise<Record<string, unknown>> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const json = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  if (!res.ok) throw Object.assign(new Error(typeof json.error === 'string' ? json.error : 'PayPal could not be reached. Please try again.'), { reply: json });
  return json;
}

function Buttons({ form }: { form: RefObject<HTMLFormElement | null> }) {
  const [{ isPending, isRejected }] = usePayPalScriptReducer();
  const [message, setMessage] = useState<string | null>(null);
  if (isRejected) {
    return (
      <p className="form-outcome form-outcome--problem" role="alert">
        PayPal is unavailable right now. Card payment still works: choose Card above.
      </p>
    );
  }
  return (
    <div className="paypal-box">
      {isPending ? <p className="muted">Loading PayPal…</p> : null}
      <PayPalButtons
        style={{ layout: 'vertical', shape: 'rect', label: 'paypal' }}
        createOrder={async () => {
          setMessage(null);
          try {
            const r = await post('/api/checkout/paypal', formFields(form.current));
            return String(r.paypalOrderId);
          } catch (err) {
            setMessage(err instanceof Error ? err.message : 'PayPal could not be reached. Please try again.');
            throw err;
          }
        }}
        onApprove={async (data, actions) => {
          try {
            const r = await post('/api/checkout/paypal/capture', { orderID: data.orderID });
            window.location.assign(String(r.redirect));
          } catch (err) {
            const reply = (err as { reply?: { retry?: boolean } }).reply;
            setMessage(err instanceof Error ? err.message : 'PayPal could not complete the payment.');
            if (reply?.retry) await actions.restart();
          }
        }}
        onError={() => setMessage((m) => m ?? 'PayPal could not complete the payment. Nothing was charged; please try again.')}
      />
      <div aria-live="assertive">{message ? <p className="form-outcome form-outcome--problem">{message}</p> : null}</div>
    </div>
  );
}

/** PayPal's buttons: our server places the order and creates PayPal's (createOrder), then captures it (onApprove). */
export function PayPalCheckout({ config, form }: { config: Config; form: RefObject<HTMLFormElement | null> }) {
  return (
    <PayPalScriptProvider options={{ clientId: config.clientId, currency: config.currency, intent: 'capture', sdkBaseUrl: config.sdkUrl }}>
      <Buttons form={form} />
    </PayPalScriptProvider>
  );
}
