'use client';

import { BackSoonMessage } from '@/components/layout/BackSoonMessage';

/** The shop's frame (or a staff page) failed to render: a message a shopper understands, never Next's bare error. */
export default function PageError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main id="main" className="page">
      <BackSoonMessage reset={reset} />
    </main>
  );
}
