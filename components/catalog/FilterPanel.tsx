'use client';

import { useId, useRef, useState } from 'react';
import { returnFocusFrom } from '@/components/ui/focus-on-arrival';

/**
 * On a phone the filters fold away behind a button; on wider screens CSS keeps them open.
 * The panel is folded from the first paint (the server renders it folded), not after hydration:
 * unfolding then folding again pushed the product grid down and back up, a layout shift of 0.4
 * on a phone. Without JavaScript the button could not open it, so CSS shows the filters and hides
 * the button when scripting is off (globals.css, `@media (scripting: none)`).
 *
 * Escape folds the open panel and gives the focus back to its button. Applying the filters (or
 * sorting, or clearing them) navigates to a new page; the submit button or link names where the
 * focus goes there (`data-return-focus`, components/ui/focus-on-arrival.tsx), so it is not lost.
 */
export function FilterPanel({ activeCount, children }: { activeCount: number; children: React.ReactNode }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const toggle = useRef<HTMLButtonElement>(null);
  return (
    <div
      className="filter-panel"
      onSubmit={(e) => returnFocusFrom((e.nativeEvent as SubmitEvent).submitter)}
      onClick={(e) => {
        if (e.target instanceof Element && e.target.closest('a[href]')) returnFocusFrom(e.target);
      }}
    >
      <button
        ref={toggle}
        type="button"
        className="filter-panel__toggle button button--ghost"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((o) => !o)}
      >
        Filters{activeCount ? ` (${activeCount})` : ''}
      </button>
      <div
        id={id}
        className={open ? 'filter-panel__body' : 'filter-panel__body filter-panel__body--folded'}
        onKeyDown={(e) => {
          // Only where the panel folds (the button is shown: phones and narrow windows).
          if (e.key !== 'Escape' || !open || !toggle.current?.checkVisibility()) return;
          e.preventDefault();
          setOpen(false);
          toggle.current.focus();
        }}
      >
        {children}
      </div>
    </div>
  );
}
