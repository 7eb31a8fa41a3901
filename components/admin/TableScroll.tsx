import type { ReactNode } from 'react';

/**
 * Lets a wide staff table scroll sideways inside its own box on a phone, instead of pushing the
 * whole page wider than the screen. The box can take the focus (and is named), so a keyboard user
 * can scroll it too.
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="admin-table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
