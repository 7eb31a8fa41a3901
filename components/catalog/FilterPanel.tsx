'use client';

import { useId, useState } from 'react';
import { useClientValue } from '@/components/ui/use-client-value';

/**
 * On a phone the filters fold away behind a button; on wider screens CSS keeps them open.
 * Without JavaScript the panel is simply shown (the class that hides it is only set after hydration).
 */
export function FilterPanel({ activeCount, children }: { activeCount: number; children: React.ReactNode }) {
  const [open, setOpen] = useState(false);
  const hydrated = useClientValue(() => true, false);
  const id = useId();
  return (
    <div className="filter-panel">
      <button type="button" className="filter-panel__toggle button button--ghost" aria-expanded={open} aria-controls={id} onClick={() => setOpen((o) => !o)}>
        Filters{activeCount ? ` (${activeCount})` : ''}
      </button>
      <div id={id} className={hydrated && !open ? 'filter-panel__body filter-panel__body--folded' : 'filter-panel__body'}>
        {children}
      </div>
    </div>
  );
}
