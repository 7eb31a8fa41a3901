import Link from 'next/link';
import { requireStaff } from '@/lib/auth/server';
import { adminProductQuerySchema } from '@/lib/catalog/admin/input';
import { listAdminProducts } from '@/lib/catalog/admin/list';
import { materialLabel } from '@/lib/catalog/materials';
import { shopConfig } from '@/lib/config';
import { db } from '@/lib/db';
import { formatMoney } from '@/lib/money-format';
import { TableScroll } from '@/components/admin/TableScroll';
import { AdminPager } from '@/components/admin/AdminPager';

export const metadata = { title: 'Products' };

type Search = Record<string, string | string[] | undefined>;

function pageHref(search: Search, page: number): string {
  const p = new URLSearchParams();
  for (const k of ['q', 'status', 'collection', 'stock'] as const) {
    const v = search[k];
    if (typeof v === 'string' && v) p.set(k, v);
  }
  if (page > 1) p.set('page', String(page));
  const qs = p.toString();
  return `/admin/products${qs ? `?${qs}` : ''}`;
}

export default async function ProductsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requireStaff('manageCatalog', '/admin/products');
  const search = await searchParams;
  const one = (k: string) => (typeof search[k] === 'string' ? (search[k] as string) : undefined);
  const query = adminProductQuerySchema.parse({ q: one('q'), status: one('status'), collection: one('collection'), stock: one('stock'), page: one('page') });
  const config = shopConfig();
  const [list, collections] = await Promise.all([
    listAdminProducts(db(), actor, query, config.LOW_STOCK_THRESHOLD),
    db().collection.findMany({ orderBy: { title: 'asc' }, select: { slug: true, title: true } }),
  ]);
  return (
    <section>
      <div className="admin-toolbar">
        <h1>Products</h1>
        <div className="form-actions">
          <a href="/admin/products/export" className="button" download>
            Export CSV
          </a>
          <Link href="/admin/products/import" className="button">
            Import CSV
          </Link>
          <Link href="/admin/products/new" className="button button--primary">
            New product
          </Link>
        </div>
      </div>
      <form method="get" action="/admin/products" className="admin-toolbar" role="search" aria-label="Find products">
        <div className="form-field">
          <label htmlFor="q">Search</label>
          <input id="q" name="q" type="search" defaultValue={query.q ?? ''} placeholder="Title, slug or SKU" />
        </div>
        <div className="form-field">
          <label htmlFor="status">Status</label>
          <select id="status" name="status" defaultValue={query.status ?? ''}>
            <option value="">Any</option>
            <option value="draft">Draft</option>
            <option value="active">Active</option>
            <option value="archived">Archived</option>
          </select>
        </div>
        <div className="form-field">
          <label htmlFor="collection">Collection</label>
          <select id="collection" name="collection" defaultValue={query.collection ?? ''}>
            <option value="">Any</option>
            {collections.map((c) => (
              <option key={c.slug} value={c.slug}>
                {c.title}
              </option>
            ))}
          </select>
        </div>
        <div className="form-field">
          <label htmlFor="stock">Stock</label>
          <select id="stock" name="stock" defaultValue={query.stock ?? ''}>
            <option value="">Any</option>
            <option value="low">Low ({config.LOW_STOCK_THRESHOLD} or fewer)</option>
            <option value="out">Sold out</option>
          </select>
        </div>
        <button type="submit" className="button">
          Show
        </button>
      </form>
      <p className="muted" role="status">
        {list.total} {list.total === 1 ? 'product' : 'products'}
      </p>
      <TableScroll label="Products">
        <table className="admin-table">
          <caption className="visually-hidden">Products</caption>
          <thead>
            <tr>
              <th scope="col">Product</th>
              <th scope="col">Status</th>
              <th scope="col">Material</th>
              <th scope="col">Price</th>
              <th scope="col">Stock</th>
              <th scope="col">Collections</th>
            </tr>
          </thead>
          <tbody>
            {list.rows.map((p) => (
              <tr key={p.id}>
                <td>
                  <Link href={`/admin/products/${p.id}`}>{p.title}</Link>
                  <div className="muted small">/{p.slug}</div>
                </td>
                <td>
                  <span className={`admin-status admin-status--${p.status}`}>{p.status}</span>
                </td>
                <td>{materialLabel(p.material)}</td>
                <td>
                  {formatMoney({ amount: p.minPriceCents, currency: p.currency })}
                  {p.maxPriceCents !== p.minPriceCents ? `–${formatMoney({ amount: p.maxPriceCents, currency: p.currency })}` : ''}
                </td>
                <td>
                  {p.stock} in {p.variants} {p.variants === 1 ? 'variant' : 'variants'}
                  {p.soldOut ? <div className="small">{p.soldOut} sold out</div> : null}
                </td>
                <td className="small">{p.collections.join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <AdminPager label="Product pages" page={list.page} pages={list.pages} href={(n) => pageHref(search, n)} />
    </section>
  );
}
