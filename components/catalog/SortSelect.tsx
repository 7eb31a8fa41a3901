'use client';

import { SORTS, type Sort } from '@/lib/catalog/sorts';

/** The sort menu. It is part of the filter form (works without JavaScript); with it, a change applies at once. */
export function SortSelect({ value, form }: { value: Sort; form: string }) {
  return (
    <div className="field field--inline">
      <label htmlFor="sort">Sort by</label>
      <select id="sort" name="sort" form={form} defaultValue={value} onChange={(e) => e.currentTarget.form?.requestSubmit()}>
        {Object.entries(SORTS).map(([key, label]) => (
          <option key={key} value={key}>
            {label}
          </option>
        ))}
      </select>
    </div>
  );
}
