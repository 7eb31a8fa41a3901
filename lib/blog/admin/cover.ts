import { createHash } from 'node:crypto';
import type { Db } from '../../db';
import { authorize, type StaffActor } from '../../auth/permissions';
import { recordAudit } from '../../audit/record';
import { MAX_UPLOAD_BYTES, processArticleCover } from '../../media/process';
import { sniffImage } from '../../media/sniff';
import { mediaUrl, type MediaStorage } from '../../media/storage';
import { tagsForArticleChange } from './cache-tags';
import { ArticleError } from './errors';

/** The cover's alt text, required: what the picture shows, for people who cannot see it. */
export function checkCoverAlt(alt: string): string {
  const t = alt.trim();
  if (!t) throw new ArticleError('alt-missing', 'Describe the cover for people who cannot see it (alt text), then upload it again.', 'alt');
  if (t.length > 200) throw new ArticleError('alt-missing', 'Keep the alt text under 200 characters.', 'alt');
  return t;
}

/**
 * Sets an article's cover, as product images are taken (lib/catalog/admin/images.ts): at most 10 MB,
 * a JPEG, PNG, WebP or AVIF by its bytes, alt text required; cropped to 16:9 and re-encoded (WebP,
 * 1600×900) before it is stored under /media. The previous uploaded cover's file goes once no article
 * points at it. Marks the article as edited in /admin, so the content loader leaves it alone.
 */
export async function setArticleCover(db: Db, storage: MediaStorage, actor: StaffActor, input: { articleId: string; bytes: Buffer; alt: string }) {
  authorize(actor, 'editArticles');
  const alt = checkCoverAlt(input.alt);
  if (input.bytes.length > MAX_UPLOAD_BYTES) throw new ArticleError('too-large', 'That file is over 10 MB. Choose a smaller image.', 'file');
  if (input.bytes.length === 0) throw new ArticleError('not-image', 'Choose an image file to upload.', 'file');
  if (!sniffImage(input.bytes)) throw new ArticleError('not-image', 'That file is not a JPEG, PNG, WebP or AVIF image.', 'file');
  const exists = await db.article.findUnique({ where: { id: input.articleId }, select: { id: true } });
  if (!exists) throw new ArticleError('not-found', 'That article no longer exists.');
  let image;
  try {
    image = await processArticleCover(input.bytes);
  } catch {
    throw new ArticleError('not-image', 'That image could not be read: it may be damaged or too large in pixels.', 'file');
  }
  const key = `articles/${input.articleId}/${createHash('sha256').update(image.data).digest('hex').slice(0, 32)}.webp`;
  await storage.put(key, image.data);
  const { before, after } = await db.$transaction(async (tx) => {
    const before = await tx.article.findUnique({ where: { id: input.articleId } });
    if (!before) throw new ArticleError('not-found', 'That article no longer exists.');
    const after = await tx.article.update({ where: { id: input.articleId }, data: { coverPath: mediaUrl(key), coverAlt: alt, editedAt: new Date() } });
    await recordAudit(tx, actor, {
      action: 'article.cover',
      entityType: 'article',
      entityId: before.id,
      before: { coverPath: before.coverPath, coverAlt: before.coverAlt },
      after: { coverPath: after.coverPath, coverAlt: after.coverAlt },
    });
    return { before, after };
  });
  if (before.coverPath.startsWith('/media/') && before.coverPath !== after.coverPath) {
    if ((await db.article.count({ where: { coverPath: before.coverPath } })) === 0)
      await storage.remove(before.coverPath.slice('/media/'.length)).catch(() => undefined);
  }
  return { coverPath: after.coverPath, tags: tagsForArticleChange([after.slug]) };
}
