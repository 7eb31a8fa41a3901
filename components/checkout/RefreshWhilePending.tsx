'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';

/** While a payment is being confirmed (the card provider's webhook), the page asks again every few seconds, for two minutes. */
export function RefreshWhilePending({ everyMs = 3000, forMs = 120_000 }: { everyMs?: number; forMs?: number }) {
  const router = useRouter();
  useEffect(() => {
    const started = Date.now();
    const timer = window.setInterval(() => {
      if (Date.now() - started > forMs) window.clearInterval(timer);
      else router.refresh();
    }, everyMs);
    return () => window.clearInterval(timer);
  }, [router, everyMs, forMs]);
  return null;
}
