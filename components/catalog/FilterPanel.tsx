'use client';

import { useId, useState } from 'react';

/**
 * On a phone the filters fold away behind a button; on wider screens CSS keeps them open.
 * The panel is folded from the first paint (the server renders it folded), not after hydration:
 * unfolding then folding again pushed the product grid down and back up, a layout shift of 0.4
 * on a phone. Without JavaScript the button could not open it, so CSS shows the filters and hides
 * the button when scripting is off (globals.css, `@media (scripting: none)`).
 */
export function FilterPanel({ activeCount, children }: { activeCount: number; children: React.ReactNode }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <div className="filter-panel">
      <button type="button" className="filter-panel__toggle button button--ghost" aria-expanded={open} aria-controls={id} onClick={() => setOpen((o) => !o)}>
        Filters{activeCount ? ` (${activeCount})` : ''}
      </button>
      <div id={id} className={open ? 'filter-panel__body' : 'filter-panel__body filter-panel__body--folded'}>
        {children}
      </div>
    </div>
  );
}
