import type { Metadata } from 'next';
import Link from 'next/link';
import { ArticleCard } from '@/components/blog/ArticleCard';
import { Pagination } from '@/components/catalog/Pagination';
import { getArticleList, getSeriesList, getTags } from '@/lib/blog/cached';
import { blogSearchParams, parseBlogPathKey } from '@/lib/blog/list-query';

// Reached through proxy.ts (/blog?tag=&page= -> /blog/q/<key>); cached per query.
export const revalidate = 300;
export const dynamicParams = true;
export function generateStaticParams(): { key: string }[] {
  return [];
}

type Props = { params: Promise<{ key: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const q = parseBlogPathKey((await params).key);
  return {
    title: q.tag ? `Journal: ${q.tag.replace(/-/g, ' ')}` : 'Journal',
    description: 'Histories of Mongolia in the 1930s, and the places our wool comes from.',
    alternates: { canonical: '/blog', types: { 'application/rss+xml': '/blog/feed.xml' } },
  };
}

export default async function BlogIndex({ params }: Props) {
  const q = parseBlogPathKey((await params).key);
  const [list, series, tags] = await Promise.all([getArticleList(q.tag, q.page), q.tag || q.page > 1 ? Promise.resolve([]) : getSeriesList(), getTags()]);
  const href = (page: number) => {
    const sp = blogSearchParams({ ...q, page }).toString();
    return sp ? `/blog?${sp}` : '/blog';
  };
  return (
    <div className="page blog-index">
      <header className="page-header">
        <p className="eyebrow">The journal</p>
        <h1>{q.tag ? `Articles tagged “${q.tag.replace(/-/g, ' ')}”` : 'Journal'}</h1>
        <p className="lede">
          Histories of the country our wool comes from. <a href="/blog/feed.xml">Subscribe by RSS</a>.
        </p>
      </header>

      {series.map((s) => (
        <section key={s.slug} className="series" aria-labelledby={`series-${s.slug}`}>
          <p className="eyebrow">A series in {s.articles.length} parts</p>
          <h2 id={`series-${s.slug}`}>{s.title}</h2>
          <p className="lede">{s.description}</p>
          <ol className="series__list">
            {s.articles.map((a, i) => (
              <li key={a.slug}>
                <ArticleCard article={a} priority={i === 0} />
              </li>
            ))}
          </ol>
        </section>
      ))}

      <section aria-labelledby="latest-heading" className="section--flush">
        <div className="section__head">
          <h2 id="latest-heading">{q.tag ? `${list.total} ${list.total === 1 ? 'article' : 'articles'}` : 'Newest articles'}</h2>
        </div>
        {tags.length ? (
          <nav aria-label="Topics" className="tag-list">
            <ul>
              <li>
                <Link href="/blog" aria-current={q.tag === null ? 'page' : undefined}>
                  All
                </Link>
              </li>
              {tags.map((t) => (
                <li key={t.tag}>
                  <Link href={`/blog?tag=${t.tag}`} aria-current={q.tag === t.tag ? 'page' : undefined}>
                    {t.tag.replace(/-/g, ' ')} <span className="muted">({t.count})</span>
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
        {list.articles.length === 0 ? (
          <p className="empty-state">No articles here yet.</p>
        ) : (
          <ul className="article-grid" aria-label="Articles">
            {list.articles.map((a) => (
              <li key={a.slug}>
                <ArticleCard article={a} />
              </li>
            ))}
          </ul>
        )}
        <Pagination page={list.page} pageCount={list.pageCount} hrefFor={href} />
      </section>
    </div>
  );
}
