import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, it, vi } from 'vitest';
import { isMediaKey, isPublicMediaKey, localMediaStorage, mediaStorage, mediaUrl } from './storage';

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

it('takes row ids of 20 to 32 characters after the c and exactly 32 hex digits of hash, nothing around them', () => {
  const k = (rowId: string, h = hash, folder = 'products') => `${folder}/${rowId}/${h}.webp`;
  expect(isMediaKey(k('c' + 'a'.repeat(20)))).toBe(true);
  expect(isMediaKey(k('c' + 'a'.repeat(32)))).toBe(true);
  expect(isMediaKey(k('c' + 'a'.repeat(19)))).toBe(false);
  expect(isMediaKey(k('c' + 'a'.repeat(33)))).toBe(false);
  expect(isMediaKey(k('x' + 'a'.repeat(24)))).toBe(false);
  expect(isMediaKey(k(id, 'f'.repeat(31)))).toBe(false);
  expect(isMediaKey(k(id, 'F'.repeat(32)))).toBe(false);
  expect(isMediaKey(`/${k(id)}`)).toBe(false);
  expect(isMediaKey(`${k(id)}.tmp`)).toBe(false);
  expect(isPublicMediaKey(k('c' + 'a'.repeat(19)))).toBe(false);
  expect(isPublicMediaKey(k('c' + 'a'.repeat(33)))).toBe(false);
  expect(isPublicMediaKey(k(id, 'g'.repeat(32)))).toBe(false);
  expect(isPublicMediaKey(`x${k(id)}`)).toBe(false);
  expect(isPublicMediaKey(`${k(id)}x`)).toBe(false);
});

it('replaces a stored file whole, leaves no temporary file behind, and removing a missing file is no error', async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'media-'));
  const storage = localMediaStorage(dir);
  const key = `products/${id}/${hash}.webp`;
  await storage.put(key, Buffer.from('first'));
  await storage.put(key, Buffer.from('second'));
  expect(await fs.readdir(path.join(dir, 'products', id))).toEqual([`${hash}.webp`]);
  expect(await fs.readFile(path.join(dir, key), 'utf8')).toBe('second');
  await storage.remove(key);
  await expect(storage.remove(key)).resolves.toBeUndefined();
  await expect(storage.remove('../../etc/passwd')).rejects.toThrow(/not a media key/);
});

it('keeps files in MEDIA_DIR, or .data/media by default', async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'media-env-'));
  vi.stubEnv('MEDIA_DIR', dir);
  try {
    await mediaStorage().put(`articles/${id}/${hash}.webp`, Buffer.from('cover'));
    expect(await fs.readFile(path.join(dir, 'articles', id, `${hash}.webp`), 'utf8')).toBe('cover');
    vi.stubEnv('MEDIA_DIR', undefined);
    const missing = `returns/c${'9'.repeat(24)}/${hash}.webp`;
    const spy = vi.spyOn(fs, 'readFile');
    await mediaStorage().read(missing);
    expect(spy).toHaveBeenCalledWith(path.resolve('.data/media', missing));
  } finally {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  }
});
