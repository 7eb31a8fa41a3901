import Link from 'next/link';
import { ArticleForm } from '@/components/admin/ArticleForm';
import { requireStaff } from '@/lib/auth/server';
import { seriesChoices } from '@/lib/blog/admin/save-article';
import { db } from '@/lib/db';
import { createArticleAction, previewArticleAction } from '../actions';

export const metadata = { title: 'New article' };

export default async function NewArticlePage() {
  const actor = await requireStaff('editArticles', '/admin/articles/new');
  const series = await seriesChoices(db(), actor);
  return (
    <section>
      <p>
        <Link href="/admin/articles">← Articles</Link>
      </p>
      <h1>New article</h1>
      <p className="muted">Save it as a draft first; then add its cover on the next page and publish it.</p>
      <ArticleForm
        action={createArticleAction}
        previewAction={previewArticleAction}
        initial={{ status: 'draft', author: actor.name }}
        series={series.map((s) => ({ value: s.slug, label: s.title }))}
        hasCover={false}
        submitLabel="Create article"
      />
    </section>
  );
}
