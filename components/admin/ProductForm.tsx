'use client';

import { useActionState, useId } from 'react';
import { Field, type FieldSpec } from './Field';
import { initialAdminFormState, type AdminFormState } from './form-state';

export interface ProductFormState extends AdminFormState {
  /** The description as the shop will show it (sanitised HTML from the journal's renderer). */
  preview: string | null;
}

export interface ProductFormProps {
  action: (prev: ProductFormState, form: FormData) => Promise<ProductFormState>;
  /** The form's starting values, keyed like its fields (variants.0.sku, collections as a comma list). */
  initial: Record<string, string>;
  /** Rows of variants in `initial` (existing ones); spare blank rows follow them. */
  variantRows: number;
  /** Current stock per existing row, shown beside it (changed by adjustments, below the form). */
  stockByRow: Record<number, number>;
  materials: { value: string; label: string }[];
  collections: { value: string; label: string }[];
  submitLabel: string;
  isNew: boolean;
  hidden?: Record<string, string>;
}

const SPARE_ROWS = 2;

/**
 * Create or edit a product: its fields, collections and variants in one form, posted to a server
 * action (works without JavaScript: spare variant rows are always there, and "Preview" is a second
 * submit button). Errors come back beside their fields.
 */
export function ProductForm(props: ProductFormProps) {
  const [state, formAction, pending] = useActionState(props.action, { ...initialAdminFormState, preview: null });
  const id = useId();
  const values = state.attempt ? state.values : props.initial;
  const existing = state.attempt ? countRows(values) : props.variantRows;
  const rows = existing + SPARE_ROWS + (props.isNew && existing === 0 ? 1 : 0);
  const chosen = new Set((values.collections ?? '').split(',').filter(Boolean));
  const f = (spec: FieldSpec) => <Field spec={spec} idPrefix={id} error={state.errors[spec.name]} value={values[spec.name] ?? ''} />;
  return (
    <form action={formAction} noValidate className="admin-form">
      {Object.entries(props.hidden ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div aria-live="polite" aria-atomic="true">
        {state.message ? (
          <p className="form-outcome form-outcome--problem" role="alert">
            {state.message}
          </p>
        ) : null}
      </div>
      <div key={state.attempt} className="admin-form__fields">
        {values.updatedAt ? <input type="hidden" name="updatedAt" value={values.updatedAt} /> : null}
        {f({ name: 'title', label: 'Title', required: true })}
        {f({ name: 'slug', label: 'Slug', hint: 'The address: /products/<slug>. Leave empty to make one from the title.' })}
        {f({ name: 'description', label: 'Description (Markdown)', type: 'textarea', rows: 8, required: true })}
        <button type="submit" name="intent" value="preview" className="button button--ghost" disabled={pending}>
          Preview description
        </button>
        {state.preview !== null ? (
          <section aria-label="Description preview" className="admin-preview prose" dangerouslySetInnerHTML={{ __html: state.preview }} />
        ) : null}
        {f({ name: 'material', label: 'Material', type: 'select', options: props.materials })}
        {f({ name: 'isWool', label: 'Wool (counts toward free Express shipping)', type: 'checkbox' })}
        {f({ name: 'origin', label: 'Made in', hint: 'Aimag or city, e.g. Arkhangai aimag', required: true })}
        {f({ name: 'care', label: 'Care', type: 'textarea', rows: 3, required: true })}
        {f({
          name: 'status',
          label: 'Status',
          type: 'select',
          options: [
            { value: 'draft', label: 'Draft — not in the shop' },
            { value: 'active', label: 'Active — in the shop' },
            { value: 'archived', label: 'Archived — out of the shop; past orders keep it' },
          ],
        })}
        <fieldset className="admin-form__group" aria-describedby={state.errors.collections ? `${id}-collections-error` : undefined}>
          <legend>Collections</legend>
          {props.collections.map((c) => (
            <label key={c.value} className="form-field--check">
              <input type="checkbox" name="collections" value={c.value} defaultChecked={chosen.has(c.value)} /> {c.label}
            </label>
          ))}
          {state.errors.collections ? (
            <p id={`${id}-collections-error`} className="form-field__error">
              {state.errors.collections}
            </p>
          ) : null}
        </fieldset>
        <fieldset className="admin-variants">
          <legend>Variants</legend>
          {state.errors.variants ? (
            <p className="form-field__error" role="alert">
              {state.errors.variants}
            </p>
          ) : null}
          {Array.from({ length: rows }, (_, i) => {
            const isExisting = Boolean(values[`variants.${i}.id`]);
            const n = i + 1;
            const v = (name: string, label: string, extra: Partial<FieldSpec> = {}) =>
              f({ name: `variants.${i}.${name}`, label: `${label} (variant ${n})`, ...extra });
            return (
              <fieldset key={i} className="admin-variant">
                <legend>{isExisting ? `Variant ${n}` : `New variant ${n}`}</legend>
                {isExisting ? <input type="hidden" name={`variants.${i}.id`} value={values[`variants.${i}.id`]} /> : null}
                {v('sku', 'SKU')}
                {v('size', 'Size')}
                {v('colour', 'Colour')}
                {v('price', 'Price', { inputMode: 'decimal', hint: 'e.g. 49.00' })}
                {v('compareAt', 'Compare-at price', { inputMode: 'decimal' })}
                {isExisting ? (
                  <>
                    <p className="muted small">In stock: {props.stockByRow[i] ?? '—'}</p>
                    {v('remove', 'Remove', { type: 'checkbox' })}
                  </>
                ) : (
                  v('stock', 'Opening stock', { inputMode: 'numeric' })
                )}
              </fieldset>
            );
          })}
          <p className="muted small">Blank rows are ignored. Save to get more empty rows.</p>
        </fieldset>
        <button type="submit" name="intent" value="save" className="button button--primary" disabled={pending}>
          {props.submitLabel}
        </button>
      </div>
    </form>
  );
}

function countRows(values: Record<string, string>): number {
  let n = 0;
  while (Object.keys(values).some((k) => k.startsWith(`variants.${n}.`))) n++;
  return n;
}
