'use client';

import { BackSoonMessage } from '@/components/layout/BackSoonMessage';
import './globals.css';

/** The root layout itself failed: the same message, in a document of its own. */
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body>
        <title>We’ll be back in a moment</title>
        <main id="main" className="page">
          <BackSoonMessage reset={reset} />
        </main>
      </body>
    </html>
  );
}
