import type { Metadata } from 'next';
import Image from 'next/image';
import Link from 'next/link';
import { ArticleCard } from '@/components/blog/ArticleCard';
import { ArticleJsonLd } from '@/components/blog/ArticleJsonLd';
import { ShareLinks } from '@/components/blog/ShareLinks';
import { TableOfContents } from '@/components/blog/TableOfContents';
import { NotFoundPage } from '@/components/layout/NotFoundPage';
import { getRenderedArticle, getSeriesList } from '@/lib/blog/cached';
import { formatArticleDate } from '@/lib/blog/dates';
import { shopConfig } from '@/lib/config';

// Rendered once, then served from the cache; no database query per request.
export const revalidate = 300;
export const dynamicParams = true;
export function generateStaticParams(): { slug: string }[] {
  return [];
}

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const found = await getRenderedArticle((await params).slug);
  if (!found) return { title: 'Article not found' };
  const { article } = found;
  const url = `/blog/${article.slug}`;
  const image = { url: article.cover.src, width: 1600, height: 900, alt: article.cover.alt };
  return {
    title: article.title,
    description: article.excerpt,
    alternates: { canonical: url, types: { 'application/rss+xml': '/blog/feed.xml' } },
    authors: [{ name: article.author }],
    openGraph: {
      type: 'article',
      title: article.title,
      description: article.excerpt,
      url,
      images: [image],
      publishedTime: article.publishedAt,
      modifiedTime: article.updatedAt,
      tags: article.tags,
    },
    twitter: { card: 'summary_large_image', title: article.title, description: article.excerpt, images: [image] },
  };
}

export default async function ArticlePage({ params }: Props) {
  const { slug } = await params;
  const found = await getRenderedArticle(slug);
  if (!found) return <NotFoundPage />;
  const { article, rendered } = found;
  const config = shopConfig();
  const url = new URL(`/blog/${article.slug}`, config.SITE_URL).toString();
  const series = article.series ? (await getSeriesList()).find((s) => s.slug === article.series!.slug) : undefined;
  const index = series ? series.articles.findIndex((a) => a.slug === article.slug) : -1;
  const prev = series && index > 0 ? series.articles[index - 1] : undefined;
  const next = series && index >= 0 ? series.articles[index + 1] : undefined;
  return (
    <article className="article">
      <ArticleJsonLd article={article} url={url} siteUrl={config.SITE_URL} publisher={config.SHOP_NAME} />
      <header className="article__header">
        <p className="eyebrow">
          {article.series ? (
            <>
              {article.series.title} · Part {article.series.position}
              {series ? ` of ${series.articles.length}` : ''}
            </>
          ) : (
            'Journal'
          )}
        </p>
        <h1>{article.title}</h1>
        <p className="article__subtitle">{article.subtitle}</p>
        <p className="article__meta">
          By {article.author} · <time dateTime={article.publishedAt}>{formatArticleDate(article.publishedAt)}</time>
          {article.revised ? (
            <>
              {' '}
              · Updated <time dateTime={article.updatedAt}>{formatArticleDate(article.updatedAt)}</time>
            </>
          ) : null}{' '}
          · {article.readingMinutes} min read
        </p>
      </header>
      <figure className="article__cover">
        <Image src={article.cover.src} alt={article.cover.alt} width={1600} height={900} sizes="(max-width: 900px) 100vw, 900px" priority />
      </figure>
      <div className="article__layout">
        <TableOfContents headings={rendered.headings} />
        <div className="article__body prose-long" dangerouslySetInnerHTML={{ __html: rendered.html }} />
      </div>
      <footer className="article__footer">
        {article.tags.length ? (
          <ul className="tag-chips" aria-label="Tags">
            {article.tags.map((t) => (
              <li key={t}>
                <Link href={`/blog?tag=${t}`}>{t.replace(/-/g, ' ')}</Link>
              </li>
            ))}
          </ul>
        ) : null}
        <ShareLinks url={url} title={article.title} />
        {series ? (
          <nav className="series-nav" aria-label={`${series.title} series`}>
            {prev ? (
              <Link href={`/blog/${prev.slug}`} rel="prev" className="series-nav__prev">
                <span className="series-nav__label">Previous</span>
                <span className="series-nav__title">{prev.title}</span>
              </Link>
            ) : (
              <span />
            )}
            {next ? (
              <Link href={`/blog/${next.slug}`} rel="next" className="series-nav__next">
                <span className="series-nav__label">Next</span>
                <span className="series-nav__title">{next.title}</span>
              </Link>
            ) : null}
          </nav>
        ) : null}
      </footer>
      {series && series.articles.length > 1 ? (
        <section className="more-series" aria-labelledby="more-heading">
          <h2 id="more-heading">More from the series</h2>
          <ul className="article-grid">
            {series.articles
              .filter((a) => a.slug !== article.slug)
              .map((a) => (
                <li key={a.slug}>
                  <ArticleCard article={a} />
                </li>
              ))}
          </ul>
        </section>
      ) : null}
    </article>
  );
}
