import { revalidateTag } from 'next/cache';
import { staffOrResponse } from '@/lib/auth/server';
import { setArticleCover } from '@/lib/blog/admin/cover';
import { ArticleError } from '@/lib/blog/admin/errors';
import { shopConfig } from '@/lib/config';
import { db } from '@/lib/db';
import { isSameOrigin } from '@/lib/http/origin';
import { methodNotAllowed } from '@/lib/http/methods';
import { MAX_UPLOAD_BYTES } from '@/lib/media/process';
import { mediaStorage } from '@/lib/media/storage';

/**
 * Cover upload for an article, as product images are uploaded: a multipart form (works without
 * JavaScript), answered with a redirect back to the article's page that says what happened. A file
 * over 10 MB is refused from its Content-Length, before it is read.
 */
export async function POST(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await staffOrResponse('editArticles');
  if (actor instanceof Response) return actor;
  const config = shopConfig();
  if (!isSameOrigin(req, { siteUrl: config.SITE_URL, trustProxy: config.TRUST_PROXY }))
    return new Response('This request did not come from the shop.', { status: 403 });
  const { id } = await params;
  if (!/^c[a-z0-9]{20,32}$/.test(id)) return new Response('That article does not exist.', { status: 404 });
  const back = (outcome: string) => Response.redirect(new URL(`/admin/articles/${id}?cover=${outcome}#cover`, config.SITE_URL), 303);
  if (Number(req.headers.get('content-length') ?? 0) > MAX_UPLOAD_BYTES + 64 * 1024) return back('too-large');
  let form: FormData;
  try {
    form = await req.formData();
  } catch {
    return back('not-image');
  }
  const file = form.get('file');
  const alt = form.get('alt');
  if (!(file instanceof File)) return back('not-image');
  if (file.size > MAX_UPLOAD_BYTES) return back('too-large');
  try {
    const r = await setArticleCover(db(), mediaStorage(), actor, {
      articleId: id,
      bytes: Buffer.from(await file.arrayBuffer()),
      alt: typeof alt === 'string' ? alt : '',
    });
    // Expired at once (updateTag is for server actions only).
    for (const t of r.tags) revalidateTag(t, { expire: 0 });
  } catch (e) {
    if (e instanceof ArticleError) return back(e.kind);
    throw e;
  }
  return back('added');
}

const refuse = methodNotAllowed('POST');
export { refuse as GET, refuse as PUT, refuse as PATCH, refuse as DELETE };
