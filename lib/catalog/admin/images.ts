import { createHash } from 'node:crypto';
import type { Db } from '../../db';
import { authorize, type StaffActor } from '../../auth/permissions';
import { recordAudit } from '../../audit/record';
import { MAX_UPLOAD_BYTES, processProductImage } from '../../media/process';
import { sniffImage } from '../../media/sniff';
import { mediaUrl, type MediaStorage } from '../../media/storage';
import { ProductError } from './errors';
import { tagsForProductChange } from './tags';

async function productTags(db: Db, productId: string): Promise<string[]> {
  const p = await db.product.findUnique({
    where: { id: productId },
    select: { slug: true, collections: { select: { collection: { select: { slug: true } } } } },
  });
  if (!p) throw new ProductError('not-found', 'That product no longer exists.');
  return tagsForProductChange({ slugs: [p.slug], collectionSlugs: p.collections.map((c) => c.collection.slug) });
}

function checkAlt(alt: string): string {
  const t = alt.trim();
  if (!t) throw new ProductError('alt-missing', 'Describe the image for people who cannot see it (alt text).', 'alt');
  if (t.length > 200) throw new ProductError('alt-missing', 'Keep the alt text under 200 characters.', 'alt');
  return t;
}

/**
 * Adds an image: at most 10 MB, a JPEG, PNG, WebP or AVIF by its bytes, alt text required;
 * re-encoded (WebP, fitted to 1600×2000) before it is stored, then listed last.
 */
export async function addProductImage(db: Db, storage: MediaStorage, actor: StaffActor, input: { productId: string; bytes: Buffer; alt: string }) {
  authorize(actor, 'manageCatalog');
  const alt = checkAlt(input.alt);
  if (input.bytes.length > MAX_UPLOAD_BYTES) throw new ProductError('too-large', 'That file is over 10 MB. Choose a smaller image.', 'file');
  if (input.bytes.length === 0) throw new ProductError('not-image', 'Choose an image file to upload.', 'file');
  if (!sniffImage(input.bytes)) throw new ProductError('not-image', 'That file is not a JPEG, PNG, WebP or AVIF image.', 'file');
  let image;
  try {
    image = await processProductImage(input.bytes);
  } catch {
    throw new ProductError('not-image', 'That image could not be read: it may be damaged or too large in pixels.', 'file');
  }
  const tags = await productTags(db, input.productId);
  const key = `products/${input.productId}/${createHash('sha256').update(image.data).digest('hex').slice(0, 32)}.webp`;
  await storage.put(key, image.data);
  const row = await db.$transaction(async (tx) => {
    const last = await tx.productImage.aggregate({ where: { productId: input.productId }, _max: { position: true } });
    const made = await tx.productImage.create({
      data: { productId: input.productId, path: mediaUrl(key), alt, width: image.width, height: image.height, position: (last._max.position ?? -1) + 1 },
    });
    await recordAudit(tx, actor, { action: 'image.add', entityType: 'product', entityId: input.productId, before: null, after: { path: made.path, alt } });
    return made;
  });
  return { image: row, tags };
}

export async function updateImageAlt(db: Db, actor: StaffActor, imageId: string, alt: string) {
  authorize(actor, 'manageCatalog');
  const text = checkAlt(alt);
  return db
    .$transaction(async (tx) => {
      const before = await tx.productImage.findUnique({ where: { id: imageId } });
      if (!before) throw new ProductError('not-found', 'That image no longer exists.');
      await tx.productImage.update({ where: { id: imageId }, data: { alt: text } });
      await recordAudit(tx, actor, {
        action: 'image.alt',
        entityType: 'product',
        entityId: before.productId,
        before: { alt: before.alt },
        after: { alt: text },
      });
      return before.productId;
    })
    .then(async (productId) => ({ tags: await productTags(db, productId) }));
}

/** Moves an image one place earlier or later (the first is the product's main picture). */
export async function moveImage(db: Db, actor: StaffActor, imageId: string, direction: 'up' | 'down') {
  authorize(actor, 'manageCatalog');
  return db
    .$transaction(async (tx) => {
      const image = await tx.productImage.findUnique({ where: { id: imageId } });
      if (!image) throw new ProductError('not-found', 'That image no longer exists.');
      // Lock the product's images, so two reorders at once are decided one after the other.
      await tx.$queryRaw`SELECT id FROM "ProductImage" WHERE "productId" = ${image.productId} ORDER BY id FOR UPDATE`;
      const all = await tx.productImage.findMany({ where: { productId: image.productId }, orderBy: [{ position: 'asc' }, { id: 'asc' }] });
      const i = all.findIndex((x) => x.id === imageId);
      const j = direction === 'up' ? i - 1 : i + 1;
      if (j < 0 || j >= all.length) return null;
      [all[i], all[j]] = [all[j]!, all[i]!];
      for (const [position, x] of all.entries()) if (x.position !== position) await tx.productImage.update({ where: { id: x.id }, data: { position } });
      await recordAudit(tx, actor, { action: 'image.move', entityType: 'product', entityId: image.productId, before: { position: i }, after: { position: j } });
      return image.productId;
    })
    .then(async (productId) => ({ tags: productId ? await productTags(db, productId) : [] }));
}

export async function removeImage(db: Db, storage: MediaStorage, actor: StaffActor, imageId: string) {
  authorize(actor, 'manageCatalog');
  const removed = await db.$transaction(async (tx) => {
    const image = await tx.productImage.findUnique({ where: { id: imageId } });
    if (!image) throw new ProductError('not-found', 'That image no longer exists.');
    await tx.productImage.delete({ where: { id: imageId } });
    await recordAudit(tx, actor, {
      action: 'image.remove',
      entityType: 'product',
      entityId: image.productId,
      before: { path: image.path, alt: image.alt },
      after: null,
    });
    return image;
  });
  const key = removed.path.replace(/^\/media\//, '');
  // The file goes only if no other row points at it (the same picture uploaded twice shares one file).
  if ((await db.productImage.count({ where: { path: removed.path } })) === 0) await storage.remove(key).catch(() => undefined);
  return { tags: await productTags(db, removed.productId) };
}
