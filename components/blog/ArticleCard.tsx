import Image from 'next/image';
import Link from 'next/link';
import type { ArticleCard as Card } from '@/lib/blog/queries';
import { formatArticleDate } from '@/lib/blog/dates';

export function ArticleCard({ article, headingLevel = 3, priority = false }: { article: Card; headingLevel?: 2 | 3; priority?: boolean }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <article className="article-card">
      <Link href={`/blog/${article.slug}`} className="article-card__link">
        <Image src={article.cover.src} alt={article.cover.alt} width={1600} height={900} sizes="(max-width: 700px) 100vw, 400px" priority={priority} />
        <Heading className="article-card__title">{article.title}</Heading>
      </Link>
      <p className="article-card__meta">
        {article.series ? (
          <span>
            {article.series.title}, part {article.series.position} ·{' '}
          </span>
        ) : null}
        <time dateTime={article.publishedAt}>{formatArticleDate(article.publishedAt)}</time> · {article.readingMinutes} min read
      </p>
      <p className="article-card__excerpt">{article.excerpt}</p>
    </article>
  );
}
