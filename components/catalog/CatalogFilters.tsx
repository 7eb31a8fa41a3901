import Form from 'next/form';
import Link from 'next/link';
import type { CatalogQuery } from '@/lib/catalog/filters';
import type { CatalogFacets } from '@/lib/catalog/types';

/** The results heading's id: where the focus lands after the filters are applied. */
export const RESULTS_HEADING_ID = 'results-heading';

function centsToField(cents: number | null): string {
  if (cents === null) return '';
  return cents % 100 === 0 ? String(cents / 100) : (cents / 100).toFixed(2);
}

/**
 * The filter form: a GET form, so every filter lands in the URL, can be shared, and the back
 * button undoes it. next/form navigates client-side when JavaScript is on (the cart and the page
 * shell stay put) and is a plain form without it.
 */
export function CatalogFilters({
  query,
  facets,
  action,
  fixedCollection,
}: {
  query: CatalogQuery;
  facets: CatalogFacets;
  action: string;
  fixedCollection?: string;
}) {
  return (
    <Form action={action} className="filters" aria-label="Filter products" id="catalog-filters">
      {query.q ? <input type="hidden" name="q" value={query.q} /> : null}
      {!fixedCollection ? (
        <div className="field">
          <label htmlFor="f-collection">Collection</label>
          <select id="f-collection" name="collection" defaultValue={query.collection ?? ''}>
            <option value="">All collections</option>
            {facets.collections.map((c) => (
              <option key={c.slug} value={c.slug}>
                {c.title}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <fieldset className="field">
        <legend>Material</legend>
        <ul className="check-list">
          {facets.materials.map((m) => (
            <li key={m.value}>
              <label>
                <input type="checkbox" name="material" value={m.value} defaultChecked={query.materials.includes(m.value)} /> {m.label}{' '}
                <span className="muted">({m.count})</span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <div className="field">
        <label htmlFor="f-colour">Colour</label>
        <select id="f-colour" name="colour" defaultValue={query.colour ?? ''}>
          <option value="">Any colour</option>
          {facets.colours.map((c) => (
            <option key={c} value={c.toLowerCase()}>
              {c}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="field">
        <legend>Price (USD)</legend>
        <div className="price-range">
          <label>
            <span>Min</span>
            <input
              type="text"
              inputMode="decimal"
              name="minPrice"
              defaultValue={centsToField(query.minPriceCents)}
              placeholder="0"
              size={6}
              pattern="\d{1,9}(\.\d{1,2})?"
            />
          </label>
          <span aria-hidden="true">–</span>
          <label>
            <span>Max</span>
            <input
              type="text"
              inputMode="decimal"
              name="maxPrice"
              defaultValue={centsToField(query.maxPriceCents)}
              placeholder="500"
              size={6}
              pattern="\d{1,9}(\.\d{1,2})?"
            />
          </label>
        </div>
      </fieldset>
      <div className="field">
        <label className="toggle">
          <input type="checkbox" name="inStock" value="1" defaultChecked={query.inStock} /> In stock only
        </label>
      </div>
      <div className="filters__actions">
        {/* After the new page has rendered, the focus goes to its results heading (FocusOnArrival). */}
        <button type="submit" className="button button--primary" data-return-focus={RESULTS_HEADING_ID}>
          Apply filters
        </button>
        <Link href={action} className="button button--ghost" data-return-focus={RESULTS_HEADING_ID}>
          Clear all
        </Link>
      </div>
    </Form>
  );
}
