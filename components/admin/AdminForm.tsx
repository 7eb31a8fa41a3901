'use client';

import { useActionState, useId } from 'react';
import { Field, type FieldSpec } from './Field';
import { initialAdminFormState, type AdminFormState } from './form-state';

export interface AdminFormProps {
  action: (prev: AdminFormState, form: FormData) => Promise<AdminFormState>;
  fields: FieldSpec[];
  submitLabel: string;
  hidden?: Record<string, string>;
  /** Fields side by side with the button (a table row's small form). */
  inline?: boolean;
  /** Asks before sending (e.g. disabling an account). */
  confirm?: string;
  danger?: boolean;
}

/**
 * A staff form posted to a server action: works without JavaScript (the browser posts it), and
 * with it shows the answer in place: errors beside their fields, a message for the whole form.
 */
export function AdminForm(props: AdminFormProps) {
  const [state, formAction, pending] = useActionState(props.action, initialAdminFormState);
  const id = useId();
  return (
    <form
      action={formAction}
      noValidate
      className={props.inline ? 'admin-form admin-form--inline' : 'admin-form'}
      onSubmit={(e) => {
        if (props.confirm && !window.confirm(props.confirm)) e.preventDefault();
      }}
    >
      {Object.entries(props.hidden ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <FormOutcome state={state} />
      <div key={state.attempt} className="admin-form__fields">
        {props.fields.map((f) => (
          <Field key={f.name} spec={f} idPrefix={id} error={state.errors[f.name]} value={state.values[f.name]} />
        ))}
        <button type="submit" className={`button ${props.danger ? 'button--danger' : 'button--primary'}`} disabled={pending}>
          {props.submitLabel}
        </button>
      </div>
    </form>
  );
}

/** A staff form's answer: a problem (alert) or a success (status), read out when it arrives. */
export function FormOutcome({ state }: { state: AdminFormState }) {
  return (
    <div aria-live="polite" aria-atomic="true" className="admin-form__outcome">
      {state.message ? (
        <p className="form-outcome form-outcome--problem" role="alert">
          {state.message}
        </p>
      ) : null}
      {state.done ? (
        <p className="form-outcome" role="status">
          {state.done}
        </p>
      ) : null}
    </div>
  );
}
