import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * Where uploaded images live. One small interface, so a bucket can replace the local folder later;
 * the local folder (MEDIA_DIR, default .data/media) suits one app server, or several sharing a disk.
 * Keys are made by the shop (content hashes), never taken from a request unchecked.
 */
export interface MediaStorage {
  put(key: string, data: Buffer): Promise<void>;
  read(key: string): Promise<Buffer | null>;
  remove(key: string): Promise<void>;
}

/**
 * A stored file: `<folder>/<row id>/<content hash>.webp`. Product images and article covers are
 * public (served at /media/…); a return's photos are the customer's and only staff open them
 * (app/(admin)/admin/returns/[id]/photos/…), so the public route never serves their folder.
 */
export const MEDIA_KEY = /^(?:products|articles|returns)\/c[a-z0-9]{20,32}\/[a-f0-9]{32}\.webp$/;
export const PUBLIC_MEDIA_KEY = /^(?:products|articles)\/c[a-z0-9]{20,32}\/[a-f0-9]{32}\.webp$/;

export function isMediaKey(key: string): boolean {
  return MEDIA_KEY.test(key);
}

export function isPublicMediaKey(key: string): boolean {
  return PUBLIC_MEDIA_KEY.test(key);
}

/** The public address of a stored file (served by app/media/[...key]/route.ts). */
export function mediaUrl(key: string): string {
  return `/media/${key}`;
}

export function localMediaStorage(dir: string): MediaStorage {
  const file = (key: string) => {
    if (!isMediaKey(key)) throw new Error(`not a media key: ${key}`);
    return path.join(dir, key);
  };
  return {
    async put(key, data) {
      await fs.mkdir(path.dirname(file(key)), { recursive: true });
      const tmp = `${file(key)}.${process.pid}.tmp`;
      await fs.writeFile(tmp, data);
      await fs.rename(tmp, file(key));
    },
    async read(key) {
      if (!isMediaKey(key)) return null;
      return fs.readFile(file(key)).catch(() => null);
    },
    async remove(key) {
      await fs.rm(file(key), { force: true });
    },
  };
}

export function mediaStorage(): MediaStorage {
  return localMediaStorage(path.resolve(process.env.MEDIA_DIR ?? '.data/media'));
}
