'use client';

import { useActionState, useEffect, useRef } from 'react';
import { formatMoney } from '@/lib/money-format';
import type { ReturnFormLine } from '@/lib/returns/customer-view';
import { initialReturnFormState, type ReturnFormState } from './return-form-state';

/** One line of the form, as lib/returns/customer-view.ts reads it (a type only: nothing of that server module reaches the browser). */
export type ReturnFormLineProps = ReturnFormLine;

export interface ReasonOption {
  value: string;
  label: string;
}

/**
 * Which items go back, how many and why, with up to three photos. Posted to a server action: works
 * without JavaScript (the page answers the post); with it, the answer comes back in place and the
 * focus moves to the first thing to fix. Photos cannot be kept between tries: the message says so.
 */
export function ReturnForm(props: {
  action: (prev: ReturnFormState, form: FormData) => Promise<ReturnFormState>;
  order: string;
  token: string | null;
  lines: ReturnFormLineProps[];
  reasons: ReasonOption[];
  maxPhotos: number;
}) {
  const [state, formAction, pending] = useActionState(props.action, initialReturnFormState);
  const outcome = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.attempt === 0) return;
    const first = Object.keys(state.errors)[0];
    const el = first ? document.getElementById(fieldId(first)) : null;
    if (el) el.focus();
    else outcome.current?.focus();
  }, [state]);
  const v = (name: string) => state.values[name] ?? '';
  return (
    <form action={formAction} className="return-form" noValidate aria-describedby="return-form-help">
      <input type="hidden" name="order" value={props.order} />
      {props.token ? <input type="hidden" name="token" value={props.token} /> : null}
      <div aria-live="polite" aria-atomic="true" ref={outcome} tabIndex={-1} className="return-form__outcome">
        {state.message ? (
          <p className="form-outcome form-outcome--problem" role="alert">
            {state.message}
          </p>
        ) : null}
      </div>
      <p id="return-form-help" className="muted">
        Set how many of each item you are sending back and tell us why. Leave an item at 0 to keep it.
      </p>
      <ul className="return-lines" key={state.attempt}>
        {props.lines.map((l) => {
          const qty = `qty.${l.id}`;
          const reason = `reason.${l.id}`;
          const comment = `comment.${l.id}`;
          const headingId = `return-line-${l.id}`;
          return (
            <li key={l.id} className={`return-line${l.left === 0 ? ' return-line--closed' : ''}`}>
              <fieldset aria-labelledby={headingId} disabled={l.left === 0}>
                <input type="hidden" name="line" value={l.id} />
                <div className="return-line__head">
                  <h2 id={headingId} className="return-line__title">
                    {l.title}
                  </h2>
                  <p className="muted small">
                    {l.colour} · {l.size} · {formatMoney(l.unitPrice)} each · bought {l.bought}
                  </p>
                  {l.why ? <p className="return-line__why">{l.why}</p> : null}
                </div>
                {l.left > 0 ? (
                  <div className="return-line__fields">
                    <Choice name={qty} label="How many to return" error={state.errors[qty]}>
                      <select id={fieldId(qty)} name={qty} defaultValue={v(qty) || '0'} {...invalid(state, qty)}>
                        {Array.from({ length: l.left + 1 }, (_, n) => (
                          <option key={n} value={n}>
                            {n === 0 ? '0 — keep it' : n}
                          </option>
                        ))}
                      </select>
                    </Choice>
                    <Choice name={reason} label="Reason" error={state.errors[reason]}>
                      <select id={fieldId(reason)} name={reason} defaultValue={v(reason)} {...invalid(state, reason)}>
                        <option value="">Choose a reason</option>
                        {props.reasons.map((r) => (
                          <option key={r.value} value={r.value}>
                            {r.label}
                          </option>
                        ))}
                      </select>
                    </Choice>
                    <Choice name={comment} label="Tell us more (needed for “Other”)" error={state.errors[comment]} wide>
                      <textarea id={fieldId(comment)} name={comment} rows={2} maxLength={500} defaultValue={v(comment)} {...invalid(state, comment)} />
                    </Choice>
                  </div>
                ) : null}
              </fieldset>
            </li>
          );
        })}
      </ul>
      <div className={`form-field${state.errors.photos ? ' form-field--invalid' : ''}`}>
        <label htmlFor={fieldId('photos')}>Photos (optional)</label>
        <input
          id={fieldId('photos')}
          name="photos"
          type="file"
          multiple
          accept="image/jpeg,image/png,image/webp,image/avif"
          aria-describedby={`${fieldId('photos')}-hint${state.errors.photos ? ` ${fieldId('photos')}-error` : ''}`}
          aria-invalid={state.errors.photos ? true : undefined}
        />
        <p id={`${fieldId('photos')}-hint`} className="muted small">
          Up to {props.maxPhotos} photos, JPEG, PNG, WebP or AVIF, 5 MB each: they help with a damaged or faulty item.
          {state.attempt > 0 ? ' Photos chosen before are not kept: choose them again.' : ''}
        </p>
        {state.errors.photos ? (
          <p id={`${fieldId('photos')}-error`} className="form-field__error">
            {state.errors.photos}
          </p>
        ) : null}
      </div>
      <button type="submit" className="button button--primary checkout__submit" aria-disabled={pending}>
        {pending ? 'Sending your request…' : 'Request the return'}
      </button>
    </form>
  );
}

function fieldId(name: string): string {
  return `return-${name.replace('.', '-')}`;
}

function invalid(state: ReturnFormState, name: string) {
  const error = state.errors[name];
  return { 'aria-invalid': error ? true : undefined, 'aria-describedby': error ? `${fieldId(name)}-error` : undefined } as const;
}

function Choice({ name, label, error, wide, children }: { name: string; label: string; error?: string; wide?: boolean; children: React.ReactNode }) {
  return (
    <div className={`form-field${error ? ' form-field--invalid' : ''}${wide ? ' return-line__wide' : ''}`}>
      <label htmlFor={fieldId(name)}>{label}</label>
      {children}
      {error ? (
        <p id={`${fieldId(name)}-error`} className="form-field__error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
