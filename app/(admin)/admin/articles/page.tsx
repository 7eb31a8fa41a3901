import Link from 'next/link';
import { requireStaff } from '@/lib/auth/server';
import { adminArticleQuerySchema } from '@/lib/blog/admin/input';
import { listAdminArticles } from '@/lib/blog/admin/list';
import { articleStateLabel } from '@/lib/blog/admin/state';
import { db } from '@/lib/db';
import { AdminPager } from '@/components/admin/AdminPager';

export const metadata = { title: 'Articles' };

const STATE_NAMES = { draft: 'Draft', scheduled: 'Scheduled', published: 'Published' } as const;

type Search = Record<string, string | string[] | undefined>;

function pageHref(search: Search, page: number): string {
  const p = new URLSearchParams();
  for (const k of ['q', 'status'] as const) {
    const v = search[k];
    if (typeof v === 'string' && v) p.set(k, v);
  }
  if (page > 1) p.set('page', String(page));
  const qs = p.toString();
  return `/admin/articles${qs ? `?${qs}` : ''}`;
}

export default async function ArticlesPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requireStaff('editArticles', '/admin/articles');
  const search = await searchParams;
  const one = (k: string) => (typeof search[k] === 'string' ? (search[k] as string) : undefined);
  const query = adminArticleQuerySchema.parse({ q: one('q'), status: one('status'), page: one('page') });
  const now = new Date();
  const list = await listAdminArticles(db(), actor, query, now);
  return (
    <section>
      <div className="admin-toolbar">
        <h1>Articles</h1>
        <Link href="/admin/articles/new" className="button button--primary">
          New article
        </Link>
      </div>
      <form method="get" action="/admin/articles" className="admin-toolbar" role="search" aria-label="Find articles">
        <div className="form-field">
          <label htmlFor="q">Search</label>
          <input id="q" name="q" type="search" defaultValue={query.q ?? ''} placeholder="Title or slug" />
        </div>
        <div className="form-field">
          <label htmlFor="status">Status</label>
          <select id="status" name="status" defaultValue={query.status ?? ''}>
            <option value="">Any</option>
            <option value="draft">Draft</option>
            <option value="scheduled">Scheduled</option>
            <option value="published">Published</option>
          </select>
        </div>
        <button type="submit" className="button">
          Show
        </button>
      </form>
      <p className="muted" role="status">
        {list.total} {list.total === 1 ? 'article' : 'articles'}
        {list.pages > 1 ? `, page ${list.page} of ${list.pages}` : ''}
      </p>
      <div className="admin-scroll">
        <table className="admin-table">
          <caption className="visually-hidden">Articles</caption>
          <thead>
            <tr>
              <th scope="col">Article</th>
              <th scope="col">Status</th>
              <th scope="col">Publication</th>
              <th scope="col">Series</th>
            </tr>
          </thead>
          <tbody>
            {list.rows.map((a) => (
              <tr key={a.id}>
                <td>
                  <Link href={`/admin/articles/${a.id}`}>{a.title}</Link>
                  <div className="muted small">/blog/{a.slug}</div>
                </td>
                <td>
                  <span className={`admin-status admin-status--${a.state}`}>{STATE_NAMES[a.state]}</span>
                </td>
                <td className="small">{a.state === 'draft' ? '—' : articleStateLabel(a, now)}</td>
                <td className="small">{a.series ? `${a.series.title}${a.series.position !== null ? `, part ${a.series.position}` : ''}` : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <AdminPager label="Article pages" page={list.page} pages={list.pages} href={(n) => pageHref(search, n)} />
    </section>
  );
}
