'use client';

import { useActionState, useEffect, useId, useRef, useState } from 'react';
import { Field, type FieldSpec } from './Field';
import { initialAdminFormState, type AdminFormState } from './form-state';

export interface ArticleFormState extends AdminFormState {
  /** The body as the journal will show it (sanitised HTML from the journal's renderer), after "Preview". */
  preview: string | null;
}

export interface ArticleFormProps {
  action: (prev: ArticleFormState, form: FormData) => Promise<ArticleFormState>;
  /** Renders Markdown with the journal's renderer (a server action that checks the caller): the live preview. */
  previewAction: (markdown: string) => Promise<string>;
  /** The form's starting values, keyed like its fields. */
  initial: Record<string, string>;
  series: { value: string; label: string }[];
  /** Whether the article has a cover already (its alt text is then a field of this form). */
  hasCover: boolean;
  submitLabel: string;
  hidden?: Record<string, string>;
}

const LIVE_DELAY_MS = 400;

/**
 * Create or edit an article, posted to a server action. Works without JavaScript ("Preview" is a
 * second submit button that renders the body with the journal's renderer); with it, the preview
 * beside the editor follows the typing (debounced, through a server action). Errors come back
 * beside their fields.
 */
export function ArticleForm(props: ArticleFormProps) {
  const [state, formAction, pending] = useActionState(props.action, { ...initialAdminFormState, preview: null });
  const id = useId();
  const values = state.attempt ? state.values : props.initial;
  const [live, setLive] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const asked = useRef(0);
  const { previewAction } = props;

  const schedule = (markdown: string) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      const n = ++asked.current;
      previewAction(markdown).then(
        (html) => {
          if (n === asked.current) setLive(html);
        },
        () => undefined,
      );
    }, LIVE_DELAY_MS);
  };
  const initialBody = values.body ?? '';
  useEffect(() => {
    schedule(initialBody);
    return () => clearTimeout(timer.current);
    // Once per answer of the server (the fields are drawn afresh then).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state.attempt]);

  const preview = live ?? state.preview;
  const f = (spec: FieldSpec) => <Field spec={spec} idPrefix={id} error={state.errors[spec.name]} value={values[spec.name] ?? ''} />;
  return (
    <form
      action={formAction}
      noValidate
      className="admin-form"
      onInput={(e) => {
        const t = e.target;
        if (t instanceof HTMLTextAreaElement && t.name === 'body') schedule(t.value);
      }}
    >
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
        {f({ name: 'slug', label: 'Slug', hint: 'The address: /blog/<slug>. Leave empty to make one from the title.' })}
        {f({ name: 'subtitle', label: 'Subtitle', required: true })}
        {f({
          name: 'excerpt',
          label: 'Excerpt',
          type: 'textarea',
          rows: 3,
          required: true,
          hint: 'Two or three lines for the journal’s list and link previews.',
        })}
        {f({ name: 'author', label: 'Author', required: true, autoComplete: 'off' })}
        <div className="admin-editor">
          {f({
            name: 'body',
            label: 'Article (Markdown)',
            type: 'textarea',
            rows: 22,
            required: true,
            hint: '## for a section heading, **bold**, *italic*, [a link](https://…), > a quotation. Raw HTML is not kept.',
          })}
          <section aria-labelledby={`${id}-preview-heading`} className="admin-editor__preview">
            <h2 id={`${id}-preview-heading`} className="admin-editor__heading">
              Preview
            </h2>
            {preview !== null ? (
              // Focusable: on wide screens it scrolls beside the editor, and a keyboard must be able to scroll it too.
              <div className="admin-preview prose-long" tabIndex={0} dangerouslySetInnerHTML={{ __html: preview }} />
            ) : (
              <p className="muted small">Press “Preview” to see the article as the journal will show it.</p>
            )}
          </section>
        </div>
        <button type="submit" name="intent" value="preview" className="button button--ghost" disabled={pending}>
          Preview
        </button>
        {f({ name: 'tags', label: 'Tags', hint: 'Separated by commas, e.g. history, soviet-mongolia. At most 8.' })}
        <div className="admin-form__row">
          {f({ name: 'series', label: 'Series', type: 'select', options: [{ value: '', label: 'None' }, ...props.series] })}
          {f({ name: 'seriesPosition', label: 'Part', inputMode: 'numeric', hint: 'Its place in the series: 1, 2, 3…' })}
        </div>
        <div className="admin-form__row">
          {f({
            name: 'status',
            label: 'Status',
            type: 'select',
            options: [
              { value: 'draft', label: 'Draft — not in the journal' },
              { value: 'published', label: 'Published — in the journal from the date below' },
            ],
          })}
          {f({
            name: 'publishedAt',
            label: 'Publication date (UTC)',
            type: 'datetime-local',
            hint: 'Now or earlier shows it at once; a later time schedules it.',
          })}
        </div>
        {props.hasCover ? f({ name: 'coverAlt', label: 'Cover alt text', required: true, hint: 'What the cover shows, for people who cannot see it.' }) : null}
        <button type="submit" name="intent" value="save" className="button button--primary" disabled={pending}>
          {props.submitLabel}
        </button>
      </div>
    </form>
  );
}
