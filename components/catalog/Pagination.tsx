import Link from 'next/link';

export function Pagination({ page, pageCount, hrefFor }: { page: number; pageCount: number; hrefFor: (page: number) => string }) {
  if (pageCount <= 1) return null;
  const pages = Array.from({ length: pageCount }, (_, i) => i + 1);
  return (
    <nav className="pagination" aria-label="Pages">
      {page > 1 ? (
        <Link href={hrefFor(page - 1)} rel="prev" className="pagination__step">
          ← Previous
        </Link>
      ) : (
        <span className="pagination__step" aria-hidden="true" />
      )}
      <ol>
        {pages.map((p) => (
          <li key={p}>
            {p === page ? (
              <span aria-current="page" className="pagination__page pagination__page--current">
                <span className="visually-hidden">Page </span>
                {p}
              </span>
            ) : (
              <Link href={hrefFor(p)} className="pagination__page">
                <span className="visually-hidden">Page </span>
                {p}
              </Link>
            )}
          </li>
        ))}
      </ol>
      {page < pageCount ? (
        <Link href={hrefFor(page + 1)} rel="next" className="pagination__step">
          Next →
        </Link>
      ) : (
        <span className="pagination__step" aria-hidden="true" />
      )}
    </nav>
  );
}
