import Link from 'next/link';
import type { DashboardStats } from '@/lib/dashboard/stats';
import { formatMoney } from '@/lib/money-format';
import { ORDER_STATUSES } from '@/lib/orders/staff-query';
import { ORDER_STATUS_LABELS } from './order-status';
import { SalesChart } from './SalesChart';
import { TableScroll } from './TableScroll';

const percent = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 0 });
const dayLabel = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });

/** The staff overview's figures: the last 30 days of sales, and what needs attention (orders to ship, low stock). */
export function Dashboard({ stats }: { stats: DashboardStats }) {
  const m = (cents: number) => formatMoney({ amount: cents, currency: stats.currency });
  return (
    <div className="admin-dashboard">
      <h2>Last 30 days</h2>
      <dl className="admin-figures">
        <div>
          <dt>Sales</dt>
          <dd>{m(stats.revenueCents)}</dd>
        </div>
        <div>
          <dt>Paid orders</dt>
          <dd>{stats.orders}</dd>
        </div>
        <div>
          <dt>Wool goods’ share of sales</dt>
          <dd>{stats.woolShare === null ? '—' : percent.format(stats.woolShare)}</dd>
        </div>
        <div>
          <dt>Orders with free Express</dt>
          <dd>{stats.freeExpressShare === null ? '—' : percent.format(stats.freeExpressShare)}</dd>
        </div>
      </dl>
      <SalesChart days={stats.days} currency={stats.currency} />
      <details>
        <summary>Sales per day as a table</summary>
        <TableScroll label="Sales per day">
          <table className="admin-table">
            <caption className="visually-hidden">Sales per day, last 30 days</caption>
            <thead>
              <tr>
                <th scope="col">Day</th>
                <th scope="col" className="num">
                  Orders
                </th>
                <th scope="col" className="num">
                  Sales
                </th>
              </tr>
            </thead>
            <tbody>
              {stats.days.map((d) => (
                <tr key={d.day}>
                  <th scope="row">{dayLabel.format(new Date(`${d.day}T00:00:00Z`))}</th>
                  <td className="num">{d.orders}</td>
                  <td className="num">{m(d.revenueCents)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </details>

      <div className="admin-columns">
        <div className="admin-card">
          <h2>Orders by status</h2>
          <ul className="admin-list">
            {ORDER_STATUSES.map((s) => (
              <li key={s}>
                <Link href={`/admin/orders?status=${s}`}>{ORDER_STATUS_LABELS[s]}</Link>: {stats.byStatus[s]}
              </li>
            ))}
          </ul>
        </div>
        <div className="admin-card">
          <h2>Top products</h2>
          {stats.topProducts.length ? (
            <ol className="admin-list">
              {stats.topProducts.map((p) => (
                <li key={p.productSlug}>
                  {p.title}: {p.units} sold, {m(p.revenueCents)}
                </li>
              ))}
            </ol>
          ) : (
            <p className="muted">Nothing sold in the last 30 days.</p>
          )}
        </div>
        <div className="admin-card">
          <h2>Low stock</h2>
          {stats.lowStock.length ? (
            <ul className="admin-list">
              {stats.lowStock.map((v) => (
                <li key={v.sku}>
                  {v.title} ({v.colour}, {v.size}): {v.stock === 0 ? <strong>sold out</strong> : `${v.stock} left`}
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">Every active variant is well stocked.</p>
          )}
        </div>
      </div>
    </div>
  );
}
