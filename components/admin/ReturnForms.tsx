'use client';

import { useActionState, useId } from 'react';
import { FormOutcome } from './AdminForm';
import { initialAdminFormState, type AdminFormState } from './form-state';

type Action = (prev: AdminFormState, form: FormData) => Promise<AdminFormState>;

function FieldError({ id, error }: { id: string; error: string | undefined }) {
  return error ? (
    <p id={id} className="form-field__error">
      {error}
    </p>
  ) : null;
}

export interface ReceiveLine {
  id: string;
  title: string;
  detail: string;
  quantity: number;
  reasonLabel: string;
  /** Damaged or defective: "do not restock" is chosen unless staff say otherwise. */
  damaged: boolean;
}

/**
 * Mark a return received: per line, how many arrived (the quantity asked for unless changed) and
 * whether they go back on sale. A fieldset per line, so each pair of radios is named by its item.
 */
export function ReturnReceiveForm({ action, returnId, lines }: { action: Action; returnId: string; lines: ReceiveLine[] }) {
  const [state, formAction, pending] = useActionState(action, initialAdminFormState);
  const id = useId();
  return (
    <form action={formAction} noValidate className="admin-form">
      <input type="hidden" name="returnId" value={returnId} />
      <FormOutcome state={state} />
      <div key={state.attempt} className="admin-receive">
        {lines.map((l, i) => {
          const qName = `lines.${i}.receivedQuantity`;
          const rName = `lines.${i}.restock`;
          const qId = `${id}-q${i}`;
          const qError = state.errors[qName];
          const rError = state.errors[rName];
          const restock = state.values[rName] ?? (l.damaged ? 'no' : 'yes');
          return (
            <fieldset key={l.id} className="admin-receive__line">
              <legend>
                {l.title} <span className="muted">({l.detail})</span>
              </legend>
              <input type="hidden" name={`lines.${i}.returnLineId`} value={l.id} />
              <p className="muted small">
                {l.quantity} asked · {l.reasonLabel}
              </p>
              <div className={`form-field${qError ? ' form-field--invalid' : ''}`}>
                <label htmlFor={qId}>How many arrived</label>
                <input
                  id={qId}
                  name={qName}
                  type="number"
                  inputMode="numeric"
                  min={0}
                  max={l.quantity}
                  step={1}
                  defaultValue={state.values[qName] ?? String(l.quantity)}
                  aria-invalid={qError ? true : undefined}
                  aria-describedby={qError ? `${qId}-error` : undefined}
                />
                <FieldError id={`${qId}-error`} error={qError} />
              </div>
              <fieldset className="admin-radios" aria-describedby={rError ? `${id}-r${i}-error` : undefined}>
                <legend>Put back on sale?</legend>
                <label>
                  <input type="radio" name={rName} value="yes" defaultChecked={restock === 'yes'} /> Restock
                </label>
                <label>
                  <input type="radio" name={rName} value="no" defaultChecked={restock === 'no'} /> Do not restock
                </label>
                <FieldError id={`${id}-r${i}-error`} error={rError} />
              </fieldset>
            </fieldset>
          );
        })}
        <button type="submit" className="button button--primary" disabled={pending}>
          Mark as received
        </button>
      </div>
    </form>
  );
}

export interface RefundProposal {
  items: string;
  shipping: string | null;
  total: string;
  /** What is offered: the proposal, or less when less is left to refund. */
  offered: string;
  offeredInput: string;
  /** Said when less than the proposal is left. */
  limitedTo: string | null;
}

/**
 * Refund a received return: the proposal and its breakdown, the amount (the proposal unless staff
 * lower it) and a note. The browser only sends what staff chose; the server computes the proposal
 * again and refuses anything above it.
 */
export function ReturnRefundForm({ action, returnId, proposal }: { action: Action; returnId: string; proposal: RefundProposal }) {
  const [state, formAction, pending] = useActionState(action, initialAdminFormState);
  const id = useId();
  const amountError = state.errors.amount;
  const noteError = state.errors.note;
  return (
    <form action={formAction} noValidate className="admin-form">
      <input type="hidden" name="returnId" value={returnId} />
      <dl className="admin-breakdown">
        <div>
          <dt>Items received</dt>
          <dd>{proposal.items}</dd>
        </div>
        {proposal.shipping ? (
          <div>
            <dt>Shipping (damaged or not as described)</dt>
            <dd>{proposal.shipping}</dd>
          </div>
        ) : null}
        <div className="admin-breakdown__total">
          <dt>Proposed refund</dt>
          <dd>{proposal.total}</dd>
        </div>
      </dl>
      {proposal.limitedTo ? <p className="muted">{proposal.limitedTo}</p> : null}
      <FormOutcome state={state} />
      <div key={state.attempt} className="admin-form__fields">
        <div className={`form-field admin-amount${amountError ? ' form-field--invalid' : ''}`}>
          <label htmlFor={`${id}-amount`}>Amount to refund</label>
          <input
            id={`${id}-amount`}
            name="amount"
            type="text"
            inputMode="decimal"
            autoComplete="off"
            defaultValue={state.values.amount ?? proposal.offeredInput}
            aria-invalid={amountError ? true : undefined}
            aria-describedby={[`${id}-amount-hint`, amountError ? `${id}-amount-error` : null].filter(Boolean).join(' ')}
          />
          <p id={`${id}-amount-hint`} className="muted small">
            At most {proposal.offered}; lower it for a partial refund.
          </p>
          <FieldError id={`${id}-amount-error`} error={amountError} />
        </div>
        <div className={`form-field${noteError ? ' form-field--invalid' : ''}`}>
          <label htmlFor={`${id}-note`}>Note (optional, for staff)</label>
          <textarea
            id={`${id}-note`}
            name="note"
            rows={2}
            defaultValue={state.values.note ?? ''}
            aria-invalid={noteError ? true : undefined}
            aria-describedby={noteError ? `${id}-note-error` : undefined}
          />
          <FieldError id={`${id}-note-error`} error={noteError} />
        </div>
        <button type="submit" className="button button--primary" disabled={pending}>
          Refund
        </button>
      </div>
    </form>
  );
}
