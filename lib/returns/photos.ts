import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { processReturnPhoto } from '../media/process';
import { sniffImage } from '../media/sniff';
import type { MediaStorage } from '../media/storage';

/**
 * The photos a customer may send with a return: at most 3, each a JPEG, PNG, WebP or AVIF of at
 * most 5 MB, judged by its bytes (not its name or the browser's word). Each is re-encoded
 * (lib/media/process.ts) before anything is stored, so a file that only looks like an image is
 * refused with a sentence. Stored privately under returns/<return id>/ (lib/media/storage.ts).
 */
export const RETURN_PHOTO_LIMITS = { count: 3, bytes: 5 * 1024 * 1024 } as const;

export interface PreparedPhoto {
  data: Buffer;
  width: number;
  height: number;
  hash: string;
}

export type PhotoCheck = { ok: true; photos: PreparedPhoto[] } | { ok: false; message: string };

/** A file input left empty still sends one empty file (named "" or "blob"): an empty file is no photo, not a bad one. */
function chosen(files: readonly File[]): File[] {
  return files.filter((f) => f.size > 0);
}

export async function prepareReturnPhotos(files: readonly File[]): Promise<PhotoCheck> {
  const real = chosen(files);
  if (real.length > RETURN_PHOTO_LIMITS.count) return { ok: false, message: `Send at most ${RETURN_PHOTO_LIMITS.count} photos.` };
  const photos: PreparedPhoto[] = [];
  for (const file of real) {
    const name = file.name ? `“${file.name.slice(0, 80)}”` : 'A photo';
    if (file.size > RETURN_PHOTO_LIMITS.bytes) return { ok: false, message: `${name} is larger than 5 MB; send a smaller photo.` };
    const bytes = Buffer.from(await file.arrayBuffer());
    if (!sniffImage(bytes)) return { ok: false, message: `${name} is not a photo we can open: send a JPEG, PNG, WebP or AVIF.` };
    try {
      const out = await processReturnPhoto(bytes);
      const hash = createHash('sha256').update(out.data).digest('hex').slice(0, 32);
      if (!photos.some((p) => p.hash === hash)) photos.push({ ...out, hash });
    } catch {
      return { ok: false, message: `${name} could not be read as an image: send another photo.` };
    }
  }
  return { ok: true, photos };
}

/** A new row id in the shape of Prisma's cuid ids, made before the row so its photos can be stored first. */
export function newRowId(): string {
  const alphabet = '0123456789abcdefghijklmnopqrstuvwxyz';
  return 'c' + Array.from(randomBytes(24), (b) => alphabet[b % 36]).join('');
}

export function returnPhotoKey(returnId: string, hash: string): string {
  return `returns/${returnId}/${hash}.webp`;
}

/** Stores the photos of return `returnId`; returns their keys, in order. */
export async function storeReturnPhotos(storage: MediaStorage, returnId: string, photos: readonly PreparedPhoto[]): Promise<string[]> {
  const keys: string[] = [];
  for (const p of photos) {
    const key = returnPhotoKey(returnId, p.hash);
    await storage.put(key, p.data);
    keys.push(key);
  }
  return keys;
}
