'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { startTransition } from 'react';

/**
 * What a shopper sees when a page could not be rendered (most often: the database is out of reach
 * for a moment). Behind nginx the same message comes as deploy/back-soon.html with status 503.
 * Try again renders the page on the server again (router.refresh), then here (reset).
 */
export function BackSoonMessage({ reset }: { reset: () => void }) {
  const router = useRouter();
  const retry = () =>
    startTransition(() => {
      router.refresh();
      reset();
    });
  return (
    <div className="not-found" role="alert">
      <p className="eyebrow">A moment, please</p>
      <h1>We’ll be back in a moment</h1>
      <p className="lede">The shop can’t reach its stock room just now, so this page couldn’t be shown. Your cart is kept.</p>
      <p className="not-found__actions">
        <button type="button" className="button button--primary" onClick={retry}>
          Try again
        </button>
        <Link href="/" className="button button--ghost">
          Go to the home page
        </Link>
      </p>
    </div>
  );
}
