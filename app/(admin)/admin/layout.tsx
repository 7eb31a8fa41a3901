import type { Metadata } from 'next';
import Link from 'next/link';
import { AdminNav, type AdminNavItem } from '@/components/admin/AdminNav';
import { allows } from '@/lib/auth/permissions';
import { currentStaff } from '@/lib/auth/server';
import { ROLE_LABELS } from '@/lib/auth/roles';
import { shopConfig } from '@/lib/config';
import { db } from '@/lib/db';
import { countReturnsAwaitingApproval } from '@/lib/returns/staff-list';
import { signOutAction } from './auth-actions';
import './admin.css';

// Per staff member and never stored: rendered on every request (proxy.ts adds no-store and X-Robots-Tag).
export const dynamic = 'force-dynamic';

export const metadata: Metadata = {
  title: { default: 'Staff', template: '%s · Staff' },
  robots: { index: false, follow: false, nocache: true },
};

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const staff = await currentStaff();
  // One indexed count (status, createdAt), for those who handle returns.
  const awaiting = staff && allows(staff.role, 'manageOrders') ? await countReturnsAwaitingApproval(db()) : 0;
  const items: AdminNavItem[] = staff
    ? [
        { href: '/admin', label: 'Overview' },
        ...(allows(staff.role, 'manageOrders') ? [{ href: '/admin/orders', label: 'Orders' }] : []),
        ...(allows(staff.role, 'manageOrders') ? [{ href: '/admin/returns', label: 'Returns', count: { n: awaiting, meaning: 'awaiting approval' } }] : []),
        ...(allows(staff.role, 'manageCatalog') ? [{ href: '/admin/products', label: 'Products' }] : []),
        ...(allows(staff.role, 'editArticles') ? [{ href: '/admin/articles', label: 'Articles' }] : []),
        ...(allows(staff.role, 'manageOrders') ? [{ href: '/admin/outbox', label: 'E-mail outbox' }] : []),
        ...(allows(staff.role, 'manageStaff') ? [{ href: '/admin/staff', label: 'Staff' }] : []),
        ...(allows(staff.role, 'readAuditLog') ? [{ href: '/admin/audit', label: 'Audit log' }] : []),
      ]
    : [];
  return (
    <div className="admin">
      <a className="skip-link" href="#admin-main">
        Skip to content
      </a>
      <header className="admin-header">
        <Link href="/admin" className="admin-header__brand">
          {shopConfig().SHOP_NAME} <span className="muted">· Staff</span>
        </Link>
        {staff ? (
          <div className="admin-header__who">
            <span>
              {staff.name} <span className="muted">({ROLE_LABELS[staff.role]})</span>
            </span>
            <Link href="/" className="button button--ghost">
              View shop
            </Link>
            <form action={signOutAction}>
              <button type="submit" className="button button--ghost">
                Sign out
              </button>
            </form>
          </div>
        ) : null}
      </header>
      <div className={staff ? 'admin-body' : 'admin-body admin-body--narrow'}>
        {staff ? <AdminNav items={items} /> : null}
        <main id="admin-main" tabIndex={-1} className="admin-main">
          {children}
        </main>
      </div>
    </div>
  );
}
