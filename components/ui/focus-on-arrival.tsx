'use client';

import { useEffect } from 'react';

/**
 * Keeping the keyboard's place across a client-side navigation. A form that navigates (the
 * catalog's filters and sort) renders a new page, and the element that had the focus is gone with
 * the old one: the focus would fall to <body>. The button that submits, or the link followed, names
 * in `data-return-focus` the id of the element to focus on the page that follows; <FocusOnArrival>
 * on that page moves the focus there once it has rendered.
 */
let pending: { id: string; at: number } | null = null;

/** Reads `data-return-focus` from the element (or its closest ancestor that has it) and remembers it. */
export function returnFocusFrom(el: EventTarget | null | undefined) {
  const id = el instanceof Element ? el.closest('[data-return-focus]')?.getAttribute('data-return-focus') : null;
  if (id) pending = { id, at: Date.now() };
}

/** Placed on the page that is navigated to; `token` changes with what the page shows (its query). */
export function FocusOnArrival({ token }: { token: string }) {
  useEffect(() => {
    const p = pending;
    pending = null;
    // A navigation that never came (the same address again) must not move the focus later on.
    if (!p || Date.now() - p.at > 10_000) return;
    document.getElementById(p.id)?.focus();
  }, [token]);
  return null;
}
