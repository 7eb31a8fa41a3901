import Link from 'next/link';
import { ArticleCover } from '@/components/admin/ArticleCover';
import { ArticleForm } from '@/components/admin/ArticleForm';
import { NotFoundMessage } from '@/components/layout/NotFoundMessage';
import { requireStaff } from '@/lib/auth/server';
import { toDateTimeField } from '@/lib/blog/admin/input';
import { articleForEdit, seriesChoices } from '@/lib/blog/admin/save-article';
import { articleState, articleStateLabel } from '@/lib/blog/admin/state';
import { db } from '@/lib/db';
import { previewArticleAction, updateArticleAction } from '../actions';

export const metadata = { title: 'Edit article' };

export default async function EditArticlePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = await params;
  const actor = await requireStaff('editArticles', `/admin/articles/${encodeURIComponent(id)}`);
  const article = /^c[a-z0-9]{20,32}$/.test(id) ? await articleForEdit(db(), actor, id) : null;
  if (!article) return <NotFoundMessage />;
  const search = await searchParams;
  const now = new Date();
  const state = articleState(article, now);
  const series = await seriesChoices(db(), actor);
  const initial: Record<string, string> = {
    title: article.title,
    slug: article.slug,
    subtitle: article.subtitle,
    excerpt: article.excerpt,
    body: article.body,
    author: article.author,
    tags: article.tags.join(', '),
    series: article.series?.slug ?? '',
    seriesPosition: article.seriesPosition === null ? '' : String(article.seriesPosition),
    // A seed file's "scheduled" is published with a date: the journal treats both alike.
    status: article.status === 'draft' ? 'draft' : 'published',
    publishedAt: toDateTimeField(article.publishedAt),
    coverAlt: article.coverAlt,
    updatedAt: article.updatedAt.toISOString(),
  };
  const saved = search.saved === '1';
  return (
    <section>
      <p>
        <Link href="/admin/articles">← Articles</Link>
        {state === 'published' ? (
          <>
            {' · '}
            <Link href={`/blog/${article.slug}`}>View in the journal</Link>
          </>
        ) : null}
      </p>
      <h1>{article.title}</h1>
      <p>
        <span className={`admin-status admin-status--${state}`}>{articleStateLabel(article, now)}</span>
      </p>
      {saved ? (
        <p className="form-outcome" role="status">
          {state === 'published'
            ? 'Saved. The journal shows the change now.'
            : state === 'scheduled'
              ? 'Saved. The journal shows it from its publication date.'
              : 'Saved as a draft. Readers do not see it.'}
        </p>
      ) : null}
      <ArticleForm
        action={updateArticleAction}
        previewAction={previewArticleAction}
        hidden={{ articleId: article.id }}
        initial={initial}
        series={series.map((s) => ({ value: s.slug, label: s.title }))}
        hasCover={Boolean(article.coverPath)}
        submitLabel="Save article"
      />
      <ArticleCover
        articleId={article.id}
        coverPath={article.coverPath}
        coverAlt={article.coverAlt}
        outcome={typeof search.cover === 'string' ? search.cover : null}
      />
    </section>
  );
}
