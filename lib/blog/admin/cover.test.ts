import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { PermissionError } from '../../auth/permissions';
import type { Db } from '../../db';
import type { MediaStorage } from '../../media/storage';
import { processArticleCover } from '../../media/process';
import { checkCoverAlt, setArticleCover } from './cover';

const editor = { id: 'c1', email: 'e@example.com', name: 'E', role: 'editor' as const };
const storage: MediaStorage = { put: async () => {}, read: async () => null, remove: async () => {} };
const noDb = {} as Db;

describe('checkCoverAlt', () => {
  it('requires a description, trimmed, at most 200 characters', () => {
    expect(checkCoverAlt('  A felt yurt at dusk ')).toBe('A felt yurt at dusk');
    expect(() => checkCoverAlt('   ')).toThrow(/Describe the cover/);
    expect(() => checkCoverAlt('x'.repeat(201))).toThrow(/under 200 characters/);
  });
});

describe('setArticleCover refuses before storing anything', () => {
  it('without the role, without alt text, an SVG, an empty or an oversized file', async () => {
    const png = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#333' } })
      .png()
      .toBuffer();
    await expect(setArticleCover(noDb, storage, null as never, { articleId: 'c1', bytes: png, alt: 'x' })).rejects.toBeInstanceOf(PermissionError);
    await expect(setArticleCover(noDb, storage, editor, { articleId: 'c1', bytes: png, alt: ' ' })).rejects.toMatchObject({
      kind: 'alt-missing',
      field: 'alt',
    });
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    await expect(setArticleCover(noDb, storage, editor, { articleId: 'c1', bytes: svg, alt: 'x' })).rejects.toMatchObject({ kind: 'not-image' });
    await expect(setArticleCover(noDb, storage, editor, { articleId: 'c1', bytes: Buffer.alloc(0), alt: 'x' })).rejects.toMatchObject({ kind: 'not-image' });
    await expect(setArticleCover(noDb, storage, editor, { articleId: 'c1', bytes: Buffer.alloc(10 * 1024 * 1024 + 1), alt: 'x' })).rejects.toMatchObject({
      kind: 'too-large',
    });
  });
});

describe('processArticleCover', () => {
  it('crops any picture to the 1600×900 the journal reserves, as WebP', async () => {
    const tall = await sharp({ create: { width: 1200, height: 1500, channels: 3, background: '#8a8580' } })
      .jpeg()
      .toBuffer();
    const out = await processArticleCover(tall);
    expect([out.width, out.height]).toEqual([1600, 900]);
    expect((await sharp(out.data).metadata()).format).toBe('webp');
  });
});
