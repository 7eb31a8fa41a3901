import Link from 'next/link';
import { AdminForm } from '@/components/admin/AdminForm';
import { Dashboard } from '@/components/admin/Dashboard';
import { shopConfig } from '@/lib/config';
import { dashboardStats } from '@/lib/dashboard/stats';
import { allows } from '@/lib/auth/permissions';
import { requireStaff } from '@/lib/auth/server';
import { ROLE_DESCRIPTIONS, ROLE_LABELS } from '@/lib/auth/roles';
import { setupOpen } from '@/lib/auth/staff';
import { PASSWORD_MIN } from '@/lib/auth/auth-limits';
import { db } from '@/lib/db';
import { setupAction } from './auth-actions';

export const metadata = { title: 'Overview' };

export default async function AdminHome() {
  if (await setupOpen(db())) {
    return (
      <section className="admin-card admin-card--narrow">
        <h1>Set up the staff area</h1>
        <p>
          No staff account exists yet. Make the owner&apos;s account: it can do everything, including adding staff. This form is shown once; after that, sign
          in.
        </p>
        <AdminForm
          action={setupAction}
          submitLabel="Create the owner account"
          fields={[
            { name: 'name', label: 'Your name', autoComplete: 'name', required: true },
            { name: 'email', label: 'E-mail', type: 'email', autoComplete: 'email', inputMode: 'email', required: true },
            {
              name: 'password',
              label: 'Password',
              type: 'password',
              autoComplete: 'new-password',
              required: true,
              hint: `At least ${PASSWORD_MIN} characters.`,
            },
          ]}
        />
      </section>
    );
  }
  const staff = await requireStaff(null, '/admin');
  const c = shopConfig();
  const stats = allows(staff.role, 'manageOrders')
    ? await dashboardStats(db(), { now: new Date(), currency: c.SHOP_CURRENCY, lowStockThreshold: c.LOW_STOCK_THRESHOLD })
    : null;
  return (
    <section>
      <h1>Hello, {staff.name}</h1>
      <p className="muted">
        You are signed in as {ROLE_LABELS[staff.role].toLowerCase()}: {ROLE_DESCRIPTIONS[staff.role].toLowerCase()}.
      </p>
      {stats ? <Dashboard stats={stats} /> : null}
      <ul className="admin-tiles">
        {allows(staff.role, 'manageOrders') ? (
          <li>
            <Link href="/admin/orders">Orders</Link>
            <span className="muted">Find an order, mark it shipped, cancel an unpaid one.</span>
          </li>
        ) : null}
        {allows(staff.role, 'manageCatalog') ? (
          <li>
            <Link href="/admin/products">Products</Link>
            <span className="muted">Titles, prices, variants, stock and status.</span>
          </li>
        ) : null}
        {allows(staff.role, 'manageStaff') ? (
          <li>
            <Link href="/admin/staff">Staff</Link>
            <span className="muted">Who can sign in, and what each role may do.</span>
          </li>
        ) : null}
        {allows(staff.role, 'readAuditLog') ? (
          <li>
            <Link href="/admin/audit">Audit log</Link>
            <span className="muted">Every change staff made, with who and when.</span>
          </li>
        ) : null}
        {allows(staff.role, 'editArticles') ? (
          <li>
            <Link href="/admin/articles">Articles</Link>
            <span className="muted">Write, edit, schedule and publish the journal.</span>
          </li>
        ) : null}
      </ul>
    </section>
  );
}
