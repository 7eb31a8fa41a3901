import Link from 'next/link';

/** Previous / next links for a staff list, with where you are; nothing when everything fits on one page. */
export function AdminPager({
  label,
  page,
  pages,
  href,
  previous = 'Previous',
  next = 'Next',
}: {
  /** What the pages are of, for the navigation's name: "Product pages". */
  label: string;
  page: number;
  pages: number;
  href: (page: number) => string;
  previous?: string;
  next?: string;
}) {
  if (pages <= 1) return null;
  return (
    <nav aria-label={label} className="admin-pager">
      {page > 1 ? <Link href={href(page - 1)}>{previous}</Link> : null}
      <span>
        Page {page} of {pages}
      </span>
      {page < pages ? <Link href={href(page + 1)}>{next}</Link> : null}
    </nav>
  );
}
