'use client';

import Link from 'next/link';
import { useActionState, useId, useRef, useState } from 'react';
import type { CartView } from '@/lib/cart/types';
import type { CheckoutField } from '@/lib/checkout/input';
import { formatMoney } from '@/lib/money-format';
import { initialCheckoutState, type CheckoutState } from './state';
import { PayPalCheckout } from './PayPalCheckout';
import { OrderSummary } from './OrderSummary';
import { ShippingOptionText } from '@/components/cart/ShippingOptionText';

export interface CheckoutFormProps {
  action: (prev: CheckoutState, form: FormData) => Promise<CheckoutState>;
  cart: CartView;
  quote: string;
  countries: { code: string; name: string }[];
  methods: { card: boolean; paypal: boolean; test: boolean };
  paypal: { clientId: string; sdkUrl: string; currency: string } | null;
  cancelled: boolean;
}

function Field(props: {
  name: CheckoutField;
  label: string;
  state: CheckoutState;
  autoComplete: string;
  type?: 'text' | 'email';
  optional?: boolean;
  inputMode?: 'text' | 'email' | 'numeric';
}) {
  const id = `checkout-${props.name}`;
  const error = props.state.errors[props.name];
  return (
    <div className={`form-field${error ? ' form-field--invalid' : ''}`}>
      <label htmlFor={id}>
        {props.label}
        {props.optional ? <span className="muted"> (optional)</span> : null}
      </label>
      <input
        id={id}
        name={props.name}
        type={props.type ?? 'text'}
        autoComplete={props.autoComplete}
        inputMode={props.inputMode}
        required={!props.optional}
        defaultValue={props.state.values[props.name] ?? ''}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      {error ? (
        <p id={`${id}-error`} className="form-field__error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/**
 * The checkout form: contact, address, shipping, payment, and the order summary beside it.
 * It posts to a server action, so Card and Test payment work without JavaScript; field errors
 * come back beside their fields and the form keeps what was typed.
 */
export function CheckoutForm(props: CheckoutFormProps) {
  const [state, formAction, pending] = useActionState(props.action, initialCheckoutState);
  const formRef = useRef<HTMLFormElement>(null);
  const summaryId = useId();
  return (
    <form ref={formRef} action={formAction} className="checkout" noValidate aria-describedby={summaryId}>
      {/* Drawn afresh for each answer, so every field starts from what was sent (React resets a form after its action). */}
      <CheckoutFields key={state.attempt} {...props} state={state} pending={pending} formRef={formRef} summaryId={summaryId} />
    </form>
  );
}

function CheckoutFields(
  props: CheckoutFormProps & { state: CheckoutState; pending: boolean; formRef: React.RefObject<HTMLFormElement | null>; summaryId: string },
) {
  const { state, pending, formRef, summaryId } = props;
  const cart = state.cart ?? props.cart;
  const quote = state.quote ?? props.quote;
  const firstChoice = props.methods.card ? 'card' : props.methods.test ? 'test' : props.methods.paypal ? 'paypal' : null;
  const [payment, setPayment] = useState<string | null>(state.values.payment ?? firstChoice);
  const [method, setMethod] = useState<string>(state.values.shippingMethod ?? cart.shippingMethod);
  const chosen = cart.shippingOptions.find((o) => o.method === method) ?? cart.shippingOptions[0]!;
  const total = { amount: cart.subtotal.amount + chosen.price.amount, currency: cart.total.currency };
  const anyMethod = props.methods.card || props.methods.paypal || props.methods.test;

  return (
    <>
      <input type="hidden" name="quote" value={quote} />
      <div className="checkout__main">
        {props.cancelled ? (
          <p className="form-outcome" role="status">
            Payment was cancelled. Your order is kept for a few minutes: pay when you are ready, or change your cart.
          </p>
        ) : null}
        <div aria-live="assertive" aria-atomic="true">
          {state.message ? (
            <p className="form-outcome form-outcome--problem" role="alert">
              {state.message}
            </p>
          ) : null}
        </div>

        <fieldset className="checkout__section">
          <legend>Contact</legend>
          <Field name="email" label="E-mail" type="email" inputMode="email" autoComplete="email" state={state} />
          <p className="muted small">We send your receipt and the link to follow your order here.</p>
        </fieldset>

        <fieldset className="checkout__section">
          <legend>Shipping address</legend>
          <Field name="name" label="Full name" autoComplete="shipping name" state={state} />
          <Field name="line1" label="Address" autoComplete="shipping address-line1" state={state} />
          <Field name="line2" label="Apartment, suite, etc." autoComplete="shipping address-line2" optional state={state} />
          <div className="form-row">
            <Field name="city" label="City" autoComplete="shipping address-level2" state={state} />
            <Field name="region" label="State or region" autoComplete="shipping address-level1" optional state={state} />
          </div>
          <div className="form-row">
            <Field name="postalCode" label="Postal code" autoComplete="shipping postal-code" state={state} />
            <div className={`form-field${state.errors.country ? ' form-field--invalid' : ''}`}>
              <label htmlFor="checkout-country">Country</label>
              <select
                id="checkout-country"
                name="country"
                autoComplete="shipping country"
                defaultValue={state.values.country ?? 'US'}
                aria-invalid={state.errors.country ? true : undefined}
                aria-describedby={state.errors.country ? 'checkout-country-error' : undefined}
              >
                {props.countries.map((c) => (
                  <option key={c.code} value={c.code}>
                    {c.name}
                  </option>
                ))}
              </select>
              {state.errors.country ? (
                <p id="checkout-country-error" className="form-field__error">
                  {state.errors.country}
                </p>
              ) : null}
            </div>
          </div>
        </fieldset>

        <fieldset className="checkout__section shipping-choice">
          <legend>Shipping method</legend>
          {cart.shippingOptions.map((o) => (
            <label key={o.method} className="shipping-choice__option">
              <input type="radio" name="shippingMethod" value={o.method} checked={method === o.method} onChange={() => setMethod(o.method)} />
              <ShippingOptionText option={o} />
            </label>
          ))}
        </fieldset>

        <fieldset className="checkout__section payment-choice">
          <legend>Payment</legend>
          {!anyMethod ? <p className="form-outcome form-outcome--problem">Online payment is not set up in this shop yet. Please call us to order.</p> : null}
          {props.methods.card ? (
            <label className="payment-choice__option">
              <input type="radio" name="payment" value="card" checked={payment === 'card'} onChange={() => setPayment('card')} />
              <span>
                <strong>Card</strong> <span className="muted small">Visa, Mastercard and more, on Stripe’s secure page</span>
              </span>
            </label>
          ) : null}
          {props.methods.paypal ? (
            <label className="payment-choice__option">
              <input type="radio" name="payment" value="paypal" checked={payment === 'paypal'} onChange={() => setPayment('paypal')} />
              <span>
                <strong>PayPal</strong> <span className="muted small">opens PayPal’s window (needs JavaScript)</span>
              </span>
            </label>
          ) : null}
          {props.methods.test ? (
            <label className="payment-choice__option payment-choice__option--test">
              <input type="radio" name="payment" value="test" checked={payment === 'test'} onChange={() => setPayment('test')} />
              <span>
                <strong>Test payment — no money moves</strong> <span className="muted small">for trying the shop: the order is marked paid at once</span>
              </span>
            </label>
          ) : null}
          {state.errors.payment ? <p className="form-field__error">{state.errors.payment}</p> : null}
        </fieldset>

        {payment === 'paypal' && props.paypal ? (
          <PayPalCheckout config={props.paypal} form={formRef} />
        ) : (
          <button type="submit" className="button button--primary button--wide checkout__submit" disabled={pending || !anyMethod} aria-disabled={pending}>
            {pending ? 'Placing your order…' : `Place order · ${formatMoney(total)}`}
          </button>
        )}
        {payment === 'card' ? <p className="muted small">You pay on Stripe’s secure page next, and see the amount there before you confirm.</p> : null}
        <p className="muted small">
          Prices, shipping and the total are worked out again by the shop when you place the order. <Link href="/cart">Change your cart</Link>
        </p>
      </div>

      <aside className="checkout__summary cart-summary" id={summaryId} aria-label="Order summary">
        <h2>Order summary</h2>
        <OrderSummary
          lines={cart.lines.map((l) => ({ key: l.variantId, ...l }))}
          subtotal={cart.subtotal}
          shippingLabel={chosen.label}
          shipping={chosen.price}
          total={total}
        />
        <noscript>
          <p className="muted small">
            {cart.shippingOptions
              .map((o) => `Total with ${o.label}: ${formatMoney({ amount: cart.subtotal.amount + o.price.amount, currency: cart.total.currency })}`)
              .join(' · ')}
          </p>
        </noscript>
      </aside>
    </>
  );
}
