import { staffOrResponse } from '@/lib/auth/server';
import { setArticleCover } from '@/lib/blog/admin/cover';
import { ArticleError } from '@/lib/blog/admin/errors';
import { methodNotAllowed } from '@/lib/http/methods';
import { imageUploadRoute } from '@/lib/media/upload-route';

/** Cover upload for an article, as product images are uploaded (lib/media/upload-route.ts). */
export async function POST(req: Request, ctx: { params: Promise<{ id: string }> }) {
  const actor = await staffOrResponse('editArticles');
  if (actor instanceof Response) return actor;
  return upload(actor, req, ctx);
}

const upload = imageUploadRoute({
  noun: 'article',
  back: (id) => ({ path: `/admin/articles/${id}`, key: 'cover', anchor: 'cover' }),
  save: (db, storage, actor, input) => setArticleCover(db, storage, actor, { articleId: input.id, bytes: input.bytes, alt: input.alt }),
  refusal: (e) => (e instanceof ArticleError ? e.kind : null),
});

const refuse = methodNotAllowed('POST');
export { refuse as GET, refuse as PUT, refuse as PATCH, refuse as DELETE };
