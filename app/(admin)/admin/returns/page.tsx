import Link from 'next/link';
import { requireStaff } from '@/lib/auth/server';
import { db } from '@/lib/db';
import { listStaffReturns } from '@/lib/returns/staff-list';
import { parseStaffReturnQuery, RETURN_VIEW_LABELS, RETURN_VIEWS, staffReturnSearchParams } from '@/lib/returns/staff-query';
import { RETURN_STATUS_LABELS } from '@/components/admin/return-status';
import { TableScroll } from '@/components/admin/TableScroll';
import { AdminPager } from '@/components/admin/AdminPager';
import { staffAt } from '@/components/admin/staff-time';

export const metadata = { title: 'Returns' };

export default async function ReturnsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireStaff('manageOrders', '/admin/returns');
  const query = parseStaffReturnQuery(await searchParams);
  const list = await listStaffReturns(db(), query);
  const href = (page: number, view = query.view) => {
    const qs = staffReturnSearchParams(query, page, view).toString();
    return `/admin/returns${qs ? `?${qs}` : ''}`;
  };
  return (
    <section>
      <div className="admin-toolbar">
        <h1>Returns</h1>
      </div>
      <nav aria-label="Returns by status" className="admin-tabs">
        <ul>
          {RETURN_VIEWS.map((v) => (
            <li key={v}>
              <Link href={href(1, v)} aria-current={v === query.view ? 'page' : undefined}>
                {RETURN_VIEW_LABELS[v]}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <p className="muted" role="status">
        {list.total === 0
          ? 'No returns here.'
          : `${list.total} ${list.total === 1 ? 'return' : 'returns'}, page ${list.page} of ${list.pages}${query.view === 'requested' || query.view === 'approved' || query.view === 'received' ? ', oldest first' : ', newest first'}.`}
      </p>
      {list.rows.length ? (
        <div className="admin-scroll">
          <TableScroll label="Returns">
            <table className="admin-table admin-returns-table">
              <thead>
                <tr>
                  <th scope="col">Return</th>
                  <th scope="col">Order</th>
                  <th scope="col">Customer</th>
                  <th scope="col" className="num">
                    Items
                  </th>
                  <th scope="col">Reasons</th>
                  <th scope="col">Age</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {list.rows.map((r) => (
                  <tr key={r.id}>
                    <th scope="row">
                      <Link href={`/admin/returns/${r.id}`}>{r.number}</Link>
                    </th>
                    <td>
                      <Link href={`/admin/orders/${r.orderId}`}>{r.orderNumber}</Link>
                    </td>
                    <td>{r.email}</td>
                    <td className="num">{r.items}</td>
                    <td>{r.reasons.join(', ')}</td>
                    <td>
                      <time dateTime={r.createdAt} title={staffAt(r.createdAt)}>
                        {r.age}
                      </time>
                    </td>
                    <td>
                      <span className={`admin-status admin-status--return-${r.status}`}>{RETURN_STATUS_LABELS[r.status]}</span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </div>
      ) : null}
      <AdminPager label="Return pages" page={list.page} pages={list.pages} href={(p) => href(p)} />
    </section>
  );
}
