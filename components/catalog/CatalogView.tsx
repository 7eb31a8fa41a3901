import Link from 'next/link';
import { catalogQueryKey, catalogSearchParams, isFiltered, type CatalogQuery } from '@/lib/catalog/filters';
import type { CatalogFacets, CatalogPage } from '@/lib/catalog/types';
import { materialLabel } from '@/lib/catalog/materials';
import { formatMoney } from '@/lib/money';
import { FocusOnArrival } from '@/components/ui/focus-on-arrival';
import { CatalogFilters, RESULTS_HEADING_ID } from './CatalogFilters';
import { FilterPanel } from './FilterPanel';
import { Pagination } from './Pagination';
import { ProductGrid } from './ProductCard';
import { SortSelect } from './SortSelect';

const FORM_ID = 'catalog-filters';

function describeFilters(query: CatalogQuery, currency: string): string[] {
  const parts: string[] = [];
  if (query.q) parts.push(`“${query.q}”`);
  if (query.materials.length) parts.push(query.materials.map(materialLabel).join(' or '));
  if (query.colour) parts.push(query.colour);
  if (query.minPriceCents !== null) parts.push(`from ${formatMoney({ amount: query.minPriceCents, currency })}`);
  if (query.maxPriceCents !== null) parts.push(`up to ${formatMoney({ amount: query.maxPriceCents, currency })}`);
  if (query.inStock) parts.push('in stock');
  return parts;
}

export function CatalogView({
  query,
  page,
  facets,
  basePath,
  fixedCollection,
  currency,
}: {
  query: CatalogQuery;
  page: CatalogPage;
  facets: CatalogFacets;
  basePath: string;
  fixedCollection?: string;
  currency: string;
}) {
  const hrefFor = (p: number) => {
    const sp = catalogSearchParams(query, { page: p }, Boolean(fixedCollection)).toString();
    return sp ? `${basePath}?${sp}` : basePath;
  };
  const filters = describeFilters(query, currency);
  const first = (page.page - 1) * page.pageSize + 1;
  const last = Math.min(page.total, page.page * page.pageSize);
  return (
    <div className="catalog">
      <FilterPanel activeCount={filters.length}>
        {/* Keyed by the query so the inputs show the new URL's filters after a client-side navigation. */}
        <CatalogFilters key={catalogQueryKey(query)} query={query} facets={facets} action={basePath} fixedCollection={fixedCollection} />
      </FilterPanel>
      <FocusOnArrival token={catalogQueryKey(query)} />
      <section className="catalog__results" aria-labelledby={RESULTS_HEADING_ID}>
        <div className="catalog__toolbar">
          <h2 id={RESULTS_HEADING_ID} className="catalog__count" aria-live="polite" tabIndex={-1}>
            {page.total === 0
              ? 'No products found'
              : `${page.total} ${page.total === 1 ? 'product' : 'products'}${page.pageCount > 1 ? ` · showing ${first}–${last}` : ''}`}
            {filters.length ? <span className="catalog__filtered"> for {filters.join(', ')}</span> : null}
          </h2>
          <SortSelect key={query.sort} value={query.sort} form={FORM_ID} />
        </div>
        {page.total === 0 ? (
          <div className="empty-state">
            <p>Nothing matches these filters. Try fewer filters or a wider price range.</p>
            {isFiltered(query) ? (
              <Link href={basePath} className="button button--primary">
                Clear all filters
              </Link>
            ) : null}
          </div>
        ) : (
          <ProductGrid products={page.products} label="Products" priorityCount={2} />
        )}
        <Pagination page={page.page} pageCount={page.pageCount} hrefFor={hrefFor} />
      </section>
    </div>
  );
}
