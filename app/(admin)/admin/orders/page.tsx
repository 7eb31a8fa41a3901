import Link from 'next/link';
import { requireStaff } from '@/lib/auth/server';
import { db } from '@/lib/db';
import { formatMoney } from '@/lib/money-format';
import { listStaffOrders } from '@/lib/orders/staff-list';
import { ORDER_STATUSES, parseStaffOrderQuery, staffOrderSearchParams } from '@/lib/orders/staff-query';
import { ORDER_STATUS_LABELS } from '@/components/admin/order-status';
import { TableScroll } from '@/components/admin/TableScroll';
import { AdminPager } from '@/components/admin/AdminPager';
import { staffWhen } from '@/components/admin/staff-time';

export const metadata = { title: 'Orders' };

export default async function OrdersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireStaff('manageOrders', '/admin/orders');
  const query = parseStaffOrderQuery(await searchParams);
  const list = await listStaffOrders(db(), query);
  const href = (page: number) => {
    const qs = staffOrderSearchParams(query, page).toString();
    return `/admin/orders${qs ? `?${qs}` : ''}`;
  };
  return (
    <section>
      <div className="admin-toolbar">
        <h1>Orders</h1>
        <Link href="/admin/outbox" className="button button--ghost">
          E-mail outbox
        </Link>
      </div>
      <form method="get" action="/admin/orders" className="admin-toolbar" role="search" aria-label="Find orders">
        <div className="form-field">
          <label htmlFor="q">Order number or e-mail</label>
          <input id="q" name="q" type="search" defaultValue={query.q} placeholder="MN-100001 or name@example.com" />
        </div>
        <div className="form-field">
          <label htmlFor="status">Status</label>
          <select id="status" name="status" defaultValue={query.status ?? ''}>
            <option value="">Any</option>
            {ORDER_STATUSES.map((s) => (
              <option key={s} value={s}>
                {ORDER_STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        <div className="form-field">
          <label htmlFor="from">Placed from</label>
          <input id="from" name="from" type="date" defaultValue={query.from ?? ''} />
        </div>
        <div className="form-field">
          <label htmlFor="to">to</label>
          <input id="to" name="to" type="date" defaultValue={query.to ?? ''} />
        </div>
        <button type="submit" className="button">
          Show
        </button>
      </form>
      <p className="muted" role="status">
        {list.total === 0 ? 'No orders match.' : `${list.total} ${list.total === 1 ? 'order' : 'orders'}, page ${list.page} of ${list.pages}.`}
      </p>
      {list.rows.length ? (
        <div className="admin-scroll">
          <TableScroll label="Orders">
            <table className="admin-table">
              <thead>
                <tr>
                  <th scope="col">Order</th>
                  <th scope="col">Placed (UTC)</th>
                  <th scope="col">Customer</th>
                  <th scope="col">Status</th>
                  <th scope="col">Items</th>
                  <th scope="col" className="num">
                    Total
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.rows.map((o) => (
                  <tr key={o.id}>
                    <th scope="row">
                      <Link href={`/admin/orders/${o.id}`}>{o.number}</Link>
                    </th>
                    <td>{staffWhen.format(new Date(o.placedAt))}</td>
                    <td>
                      {o.name}
                      <br />
                      <span className="muted">{o.email}</span>
                    </td>
                    <td>
                      <span className={`admin-status admin-status--${o.status}`}>{ORDER_STATUS_LABELS[o.status]}</span>
                      {o.flagged ? <span className="admin-status admin-status--flagged">Flagged</span> : null}
                    </td>
                    <td>{o.items}</td>
                    <td className="num">{formatMoney(o.total)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </div>
      ) : null}
      <AdminPager label="Order pages" page={list.page} pages={list.pages} href={href} />
    </section>
  );
}
