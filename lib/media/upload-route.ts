import { revalidateTag } from 'next/cache';
import type { StaffActor } from '../auth/permissions';
import { shopConfig } from '../config';
import { db, type Db } from '../db';
import { isSameOrigin } from '../http/origin';
import { MAX_UPLOAD_BYTES } from './process';
import { mediaStorage, type MediaStorage } from './storage';

export interface UploadTarget {
  /** "product", "article": for the 404 sentence. */
  noun: string;
  /** Where the form lives, and the query key and anchor its outcome is reported under: `/admin/products/<id>?image=added#images`. */
  back: (id: string) => { path: string; key: string; anchor: string };
  save: (db: Db, storage: MediaStorage, actor: StaffActor, input: { id: string; bytes: Buffer; alt: string }) => Promise<{ tags: string[] }>;
  /** The lib's refusal (not an image, too large, alt missing …), with the word the page shows a sentence for. */
  refusal: (e: unknown) => string | null;
}

/**
 * An image upload from a staff page (a product image, an article cover): a multipart form, so it
 * works without JavaScript, answered with a redirect back to the page that says what happened. The
 * route handler checks its caller itself (staffOrResponse) and passes who it is; a request from
 * another site is refused, and a file over the limit from its Content-Length, before it is read.
 */
export function imageUploadRoute(target: UploadTarget) {
  return async function upload(actor: StaffActor, req: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
    const config = shopConfig();
    if (!isSameOrigin(req, { siteUrl: config.SITE_URL, trustProxy: config.TRUST_PROXY }))
      return new Response('This request did not come from the shop.', { status: 403 });
    const { id } = await params;
    if (!/^c[a-z0-9]{20,32}$/.test(id)) return new Response(`That ${target.noun} does not exist.`, { status: 404 });
    const where = target.back(id);
    const back = (outcome: string) => Response.redirect(new URL(`${where.path}?${where.key}=${outcome}#${where.anchor}`, config.SITE_URL), 303);
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
      const r = await target.save(db(), mediaStorage(), actor, { id, bytes: Buffer.from(await file.arrayBuffer()), alt: typeof alt === 'string' ? alt : '' });
      // Expired at once (updateTag is for server actions only).
      for (const t of r.tags) revalidateTag(t, { expire: 0 });
    } catch (e) {
      const kind = target.refusal(e);
      if (kind) return back(kind);
      throw e;
    }
    return back('added');
  };
}
