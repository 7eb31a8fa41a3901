import type { ArticleView } from '@/lib/blog/queries';

export function ArticleJsonLd({ article, url, siteUrl, publisher }: { article: ArticleView; url: string; siteUrl: string; publisher: string }) {
  const data = {
    '@context': 'https://schema.org',
    '@type': 'Article',
    headline: article.title,
    alternativeHeadline: article.subtitle,
    description: article.excerpt,
    image: [new URL(article.cover.src, siteUrl).toString()],
    datePublished: article.publishedAt,
    dateModified: article.updatedAt,
    author: [{ '@type': 'Organization', name: article.author }],
    publisher: { '@type': 'Organization', name: publisher },
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    keywords: article.tags.join(', '),
    ...(article.series ? { isPartOf: { '@type': 'CreativeWorkSeries', name: article.series.title }, position: article.series.position } : {}),
  };
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: JSON.stringify(data).replace(/</g, '\\u003c') }} />;
}
