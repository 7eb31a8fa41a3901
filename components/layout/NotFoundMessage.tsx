import Link from 'next/link';

export function NotFoundMessage() {
  return (
    <div className="not-found">
      <p className="eyebrow">404 · Not found</p>
      <h1>We couldn’t find that page</h1>
      <p className="lede">It may have moved, been retired from the shop, or the address may have a typo.</p>
      <p className="not-found__actions">
        <Link href="/products" className="button button--primary">
          Browse the shop
        </Link>
        <Link href="/" className="button button--ghost">
          Go to the home page
        </Link>
      </p>
    </div>
  );
}
