'use client';

import { useRouter } from 'next/navigation';
import { startTransition } from 'react';

/**
 * A staff page that failed to render: said plainly, with the reference the server logged it under
 * (Next's digest), so a report can be matched to the log.
 */
export default function StaffPageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const router = useRouter();
  return (
    <div role="alert">
      <h1>This page could not be shown</h1>
      <p>The server could not build it just now, most often because the database was out of reach for a moment. Nothing was changed.</p>
      {error.digest ? (
        <p>
          Reference for the server log: <code>{error.digest}</code>
        </p>
      ) : null}
      <p>
        <button
          type="button"
          className="button"
          onClick={() =>
            startTransition(() => {
              router.refresh();
              reset();
            })
          }
        >
          Try again
        </button>
      </p>
    </div>
  );
}
