import { SORTS, type Sort } from '@/lib/catalog/sorts';

export const SORT_BUTTON_ID = 'sort-apply';

/**
 * The sort menu: a select and a Sort button, both part of the filter form (a GET form: it works
 * without JavaScript). Nothing happens on change, so the arrow keys step through the choices (in
 * Chromium each step fires `change`, and sorting then navigated on the first key press); the button
 * applies the choice and, after the new page has rendered, has the focus again (data-return-focus).
 */
export function SortSelect({ value, form }: { value: Sort; form: string }) {
  return (
    <div className="field field--inline sort">
      <label htmlFor="sort">Sort by</label>
      <select id="sort" name="sort" form={form} defaultValue={value}>
        {Object.entries(SORTS).map(([key, label]) => (
          <option key={key} value={key}>
            {label}
          </option>
        ))}
      </select>
      <button type="submit" form={form} id={SORT_BUTTON_ID} className="button button--ghost sort__apply" data-return-focus={SORT_BUTTON_ID}>
        Sort
      </button>
    </div>
  );
}
