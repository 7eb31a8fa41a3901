import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { StaffActor } from '@/lib/auth/permissions';
import { PermissionError } from '@/lib/auth/permissions';
import { ProductError } from '@/lib/catalog/admin/errors';
import { addProductImage, moveImage, removeImage, updateImageAlt } from '@/lib/catalog/admin/images';
import { seedCatalog } from '@/lib/catalog/seed-catalog';
import { localMediaStorage } from '@/lib/media/storage';
import { describeEachDatabase } from '../support/databases';
import { makeActor } from '../support/staff';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'media-test-'));
const storage = localMediaStorage(dir);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (e) {
    if (e instanceof ProductError) return `${e.kind}: ${e.message}`;
    if (e instanceof PermissionError) return `403 ${e.message}`;
    throw e;
  }
}

describeEachDatabase('product images', (ctx) => {
  let manager: StaffActor;
  let productId: string;
  beforeAll(async () => {
    await seedCatalog(ctx.db);
    manager = await makeActor(ctx.db, 'manager');
    productId = (await ctx.db.product.findFirstOrThrow({ where: { status: 'active' } })).id;
  });

  it('stores a resized WebP with its alt text, last in order, and audits it', async () => {
    const big = await sharp({ create: { width: 3200, height: 2400, channels: 3, background: '#2f3e5c' } })
      .jpeg()
      .toBuffer();
    const before = await ctx.db.productImage.count({ where: { productId } });
    const r = await addProductImage(ctx.db, storage, manager, { productId, bytes: big, alt: '  A felt blue test card  ' });
    expect(r.image).toMatchObject({ alt: 'A felt blue test card', width: 1600, height: 1200, position: before });
    expect(r.image.path).toMatch(/^\/media\/products\/c[a-z0-9]+\/[a-f0-9]{32}\.webp$/);
    const stored = await storage.read(r.image.path.replace('/media/', ''));
    expect((await sharp(stored!).metadata()).format).toBe('webp');
    expect(await ctx.db.auditEntry.count({ where: { action: 'image.add', entityId: productId } })).toBe(1);
  });

  it('refuses a file that is too big, not an image, an SVG with a script, or has no alt text; nothing is written', async () => {
    const rows = await ctx.db.productImage.count();
    const png = await sharp({ create: { width: 10, height: 10, channels: 3, background: '#fff' } })
      .png()
      .toBuffer();
    expect(await refusal(addProductImage(ctx.db, storage, manager, { productId, bytes: Buffer.alloc(20 * 1024 * 1024, 1), alt: 'x' }))).toBe(
      'too-large: That file is over 10 MB. Choose a smaller image.',
    );
    expect(await refusal(addProductImage(ctx.db, storage, manager, { productId, bytes: Buffer.from('just some text, not a picture'), alt: 'x' }))).toBe(
      'not-image: That file is not a JPEG, PNG, WebP or AVIF image.',
    );
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>');
    expect(await refusal(addProductImage(ctx.db, storage, manager, { productId, bytes: svg, alt: 'x' }))).toBe(
      'not-image: That file is not a JPEG, PNG, WebP or AVIF image.',
    );
    expect(await refusal(addProductImage(ctx.db, storage, manager, { productId, bytes: png, alt: '   ' }))).toBe(
      'alt-missing: Describe the image for people who cannot see it (alt text).',
    );
    const truncated = png.subarray(0, 40);
    expect(await refusal(addProductImage(ctx.db, storage, manager, { productId, bytes: truncated, alt: 'x' }))).toMatch(
      /^not-image: That image could not be read/,
    );
    const editor = await makeActor(ctx.db, 'editor');
    expect(await refusal(addProductImage(ctx.db, storage, editor, { productId, bytes: png, alt: 'x' }))).toBe('403 Your role cannot change the catalog.');
    expect(await ctx.db.productImage.count()).toBe(rows);
  });

  it('reorders, edits alt text and removes', async () => {
    const images = () => ctx.db.productImage.findMany({ where: { productId }, orderBy: { position: 'asc' } });
    const [first, ...rest] = await images();
    const last = rest.at(-1)!;
    await moveImage(ctx.db, manager, last.id, 'up');
    const moved = await images();
    expect(moved.at(-2)!.id).toBe(last.id);
    expect(moved.map((m) => m.position)).toEqual(moved.map((_, i) => i));
    expect(await moveImage(ctx.db, manager, moved[0]!.id, 'up')).toEqual({ tags: [] });
    await updateImageAlt(ctx.db, manager, first!.id, 'New words');
    expect((await ctx.db.productImage.findUniqueOrThrow({ where: { id: first!.id } })).alt).toBe('New words');
    expect(await refusal(updateImageAlt(ctx.db, manager, first!.id, ''))).toMatch(/^alt-missing/);
    const uploaded = (await images()).find((m) => m.path.startsWith('/media/'))!;
    await removeImage(ctx.db, storage, manager, uploaded.id);
    expect(await ctx.db.productImage.count({ where: { id: uploaded.id } })).toBe(0);
    expect(await storage.read(uploaded.path.replace('/media/', ''))).toBeNull();
  });
});
