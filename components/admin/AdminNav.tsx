'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

export interface AdminNavItem {
  href: string;
  label: string;
  /** Work waiting there, e.g. returns to approve: shown beside the label, and said in full to screen readers. */
  count?: { n: number; meaning: string };
}

/** The staff area's sections, only those the role may open; the current one is marked for screen readers too. */
export function AdminNav({ items }: { items: AdminNavItem[] }) {
  const path = usePathname();
  return (
    <nav aria-label="Staff area" className="admin-nav">
      <ul>
        {items.map((i) => {
          const current = i.href === '/admin' ? path === '/admin' : path.startsWith(i.href);
          return (
            <li key={i.href}>
              <Link href={i.href} aria-current={current ? 'page' : undefined}>
                {i.label}
                {i.count && i.count.n > 0 ? (
                  <span className="admin-nav__count">
                    {i.count.n}
                    <span className="visually-hidden"> {i.count.meaning}</span>
                  </span>
                ) : null}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
