'use server';

import { updateTag } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import type { ArticleFormState } from '@/components/admin/ArticleForm';
import { fieldErrors } from '@/lib/admin/form';
import { requireStaff } from '@/lib/auth/server';
import { ArticleError } from '@/lib/blog/admin/errors';
import { articleInputSchema, readArticleForm } from '@/lib/blog/admin/input';
import { previewArticleBody } from '@/lib/blog/admin/preview';
import { createArticle, updateArticle } from '@/lib/blog/admin/save-article';
import { db } from '@/lib/db';

const articleIdSchema = z.string().regex(/^c[a-z0-9]{20,32}$/);

/** Expires the journal's cached pages (the index, the article, series, tags, the feed, the sitemap) at once: read-your-own-writes from a server action. */
function expire(tags: string[]): void {
  for (const t of tags) updateTag(t);
}

async function saveArticle(prev: ArticleFormState, form: FormData, articleId: string | null): Promise<ArticleFormState> {
  const { raw, values } = readArticleForm(form);
  const attempt = prev.attempt + 1;
  const base = { errors: {}, values, message: null, done: null, preview: null, attempt };
  if (form.get('intent') === 'preview') return { ...base, preview: await previewArticleBody(raw.body ?? '') };
  const parsed = articleInputSchema.safeParse(raw);
  if (!parsed.success) return { ...base, errors: fieldErrors(parsed.error), message: 'Please correct the fields marked below.' };
  if (articleId && !parsed.data.updatedAt) return { ...base, message: 'Reload the page and try again.' };
  const actor = await requireStaff('editArticles', articleId ? `/admin/articles/${articleId}` : '/admin/articles/new');
  let saved;
  try {
    saved = articleId ? await updateArticle(db(), actor, articleId, parsed.data) : await createArticle(db(), actor, parsed.data);
  } catch (e) {
    if (e instanceof ArticleError) return { ...base, ...(e.field ? { errors: { [e.field]: e.message } } : {}), message: e.message };
    throw e;
  }
  expire(saved.tags);
  redirect(`/admin/articles/${saved.id}?saved=1`);
}

export async function createArticleAction(prev: ArticleFormState, form: FormData): Promise<ArticleFormState> {
  await requireStaff('editArticles', '/admin/articles/new');
  return saveArticle(prev, form, null);
}

export async function updateArticleAction(prev: ArticleFormState, form: FormData): Promise<ArticleFormState> {
  const id = articleIdSchema.safeParse(form.get('articleId'));
  await requireStaff('editArticles', id.success ? `/admin/articles/${id.data}` : '/admin/articles');
  if (!id.success) return { ...prev, message: 'That article no longer exists.', attempt: prev.attempt + 1 };
  return saveArticle(prev, form, id.data);
}

/** The live preview beside the editor: the journal's own sanitising renderer, input cut to the body's limit. */
export async function previewArticleAction(markdown: unknown): Promise<string> {
  await requireStaff('editArticles', '/admin/articles');
  return previewArticleBody(markdown);
}
