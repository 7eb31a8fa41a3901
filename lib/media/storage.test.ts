import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { isMediaKey, isPublicMediaKey, localMediaStorage, mediaUrl } from './storage';

const id = 'c' + 'a1'.repeat(12);
const hash = 'f'.repeat(32);

it('keys are made by the shop: a product image or an article cover, by row id and content hash', () => {
  expect(isMediaKey(`products/${id}/${hash}.webp`)).toBe(true);
  expect(isMediaKey(`articles/${id}/${hash}.webp`)).toBe(true);
  expect(isMediaKey(`returns/${id}/${hash}.webp`)).toBe(true);
  expect(isMediaKey(`staff/${id}/${hash}.webp`)).toBe(false);
  // A customer's return photos are stored but never public.
  expect(isPublicMediaKey(`returns/${id}/${hash}.webp`)).toBe(false);
  expect(isPublicMediaKey(`products/${id}/${hash}.webp`)).toBe(true);
  expect(isPublicMediaKey(`articles/${id}/${hash}.webp`)).toBe(true);
  expect(isMediaKey(`articles/${id}/../../etc/passwd`)).toBe(false);
  expect(isMediaKey(`articles/${id}/${hash}.svg`)).toBe(false);
  expect(mediaUrl(`articles/${id}/${hash}.webp`)).toBe(`/media/articles/${id}/${hash}.webp`);
});

it('stores, reads and removes a cover in the local folder, and refuses a key it did not make', async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'media-'));
  const storage = localMediaStorage(dir);
  const key = `articles/${id}/${hash}.webp`;
  await storage.put(key, Buffer.from('pixels'));
  expect((await storage.read(key))?.toString()).toBe('pixels');
  await storage.remove(key);
  expect(await storage.read(key)).toBeNull();
  expect(await storage.read('../secret')).toBeNull();
  await expect(storage.put('../secret', Buffer.from('x'))).rejects.toThrow(/not a media key/);
});
