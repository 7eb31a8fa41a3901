'use client';

import { useActionState, useEffect, useRef } from 'react';
import { returnFocusFrom } from '@/components/ui/focus-on-arrival';
import { initialLookupState, type LookupFieldName, type LookupState } from './lookup-state';

function Field(props: { name: LookupFieldName; label: string; hint: string; state: LookupState; type: 'text' | 'email'; autoComplete: string }) {
  const id = `lookup-${props.name}`;
  const error = props.state.errors[props.name];
  return (
    <div className={`form-field${error ? ' form-field--invalid' : ''}`}>
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        name={props.name}
        type={props.type}
        inputMode={props.type === 'email' ? 'email' : 'text'}
        autoComplete={props.autoComplete}
        autoCapitalize={props.type === 'email' ? 'off' : 'characters'}
        spellCheck={false}
        required
        defaultValue={props.state.values[props.name] ?? ''}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error ${id}-hint` : `${id}-hint`}
      />
      <p id={`${id}-hint`} className="muted small lookup__hint">
        {props.hint}
      </p>
      {error ? (
        <p id={`${id}-error`} className="form-field__error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/**
 * Order number and e-mail, posted to a server action: works without JavaScript (the page answers
 * the post), and with it the answer comes back in place. A wrong pair gets one sentence in the
 * live region; a field that cannot be right gets its message beside it and the focus.
 */
export function LookupForm({ action }: { action: (prev: LookupState, form: FormData) => Promise<LookupState> }) {
  const [state, formAction, pending] = useActionState(action, initialLookupState);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.attempt === 0) return;
    const first = (['number', 'email'] as const).find((f) => state.errors[f]);
    if (first) document.getElementById(`lookup-${first}`)?.focus();
  }, [state]);
  return (
    <form
      ref={formRef}
      action={formAction}
      className="lookup"
      noValidate
      aria-labelledby="lookup-legend"
      onSubmit={(e) => returnFocusFrom((e.nativeEvent as SubmitEvent).submitter)}
    >
      <div aria-live="polite" aria-atomic="true" className="lookup__outcome">
        {state.message ? (
          <p className="form-outcome form-outcome--problem" role="alert">
            {state.message}
          </p>
        ) : null}
      </div>
      <fieldset className="checkout__section" key={state.attempt}>
        <legend id="lookup-legend">Your order</legend>
        <Field name="number" label="Order number" hint="It starts with MN-, e.g. MN-100001." type="text" autoComplete="off" state={state} />
        <Field name="email" label="E-mail" hint="The address you gave at checkout." type="email" autoComplete="email" state={state} />
        <button type="submit" className="button button--primary button--wide checkout__submit" aria-disabled={pending} data-return-focus="order-heading">
          {pending ? 'Looking for your order…' : 'Find my order'}
        </button>
      </fieldset>
    </form>
  );
}
