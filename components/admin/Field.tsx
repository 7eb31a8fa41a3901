export interface FieldSpec {
  name: string;
  label: string;
  type?: 'text' | 'email' | 'password' | 'select' | 'textarea' | 'number' | 'checkbox' | 'datetime-local';
  options?: { value: string; label: string }[];
  autoComplete?: string;
  hint?: string;
  defaultValue?: string;
  required?: boolean;
  rows?: number;
  inputMode?: 'text' | 'decimal' | 'numeric' | 'email';
  /** Hide the label visually (a table cell where the column says it); it still names the field. */
  labelHidden?: boolean;
}

/** One labelled field; its error sits beside it and is tied to it (aria-invalid, aria-describedby). */
export function Field({ spec, idPrefix, error, value }: { spec: FieldSpec; idPrefix: string; error?: string; value?: string }) {
  const id = `${idPrefix}-${spec.name}`;
  const described = [spec.hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    name: spec.name,
    required: spec.required,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': described,
  } as const;
  const initial = value ?? spec.defaultValue ?? '';
  let control: React.ReactNode;
  if (spec.type === 'select') {
    control = (
      <select {...common} defaultValue={initial}>
        {spec.options?.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    );
  } else if (spec.type === 'textarea') {
    control = <textarea {...common} rows={spec.rows ?? 6} defaultValue={initial} />;
  } else if (spec.type === 'checkbox') {
    control = <input {...common} type="checkbox" value="on" defaultChecked={initial === 'on'} />;
  } else {
    control = (
      <input
        {...common}
        type={spec.type ?? 'text'}
        autoComplete={spec.autoComplete}
        inputMode={spec.inputMode}
        defaultValue={spec.type === 'password' ? undefined : initial}
      />
    );
  }
  return (
    <div className={`form-field${error ? ' form-field--invalid' : ''}${spec.type === 'checkbox' ? ' form-field--check' : ''}`}>
      <label htmlFor={id} className={spec.labelHidden ? 'visually-hidden' : undefined}>
        {spec.label}
      </label>
      {control}
      {spec.hint ? (
        <p id={`${id}-hint`} className="muted small">
          {spec.hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="form-field__error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
