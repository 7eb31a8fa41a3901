import zlib from 'node:zlib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { COVER_SIZE, processArticleCover, processProductImage, processReturnPhoto } from './process';
import { sniffImage } from './sniff';

/** A solid-colour test image of the given size, encoded as `format`, optionally with EXIF facts. */
async function image(width: number, height: number, format: 'jpeg' | 'png' = 'jpeg', exif?: { orientation?: number; gps?: boolean }) {
  let s = sharp({ create: { width, height, channels: 3, background: { r: 180, g: 140, b: 90 } } }).toFormat(format);
  if (exif?.orientation) s = s.withMetadata({ orientation: exif.orientation });
  if (exif?.gps) s = s.withExif({ IFD0: { Make: 'PhoneCo', Model: 'Pocket 9' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '47/1 55/1 0/1' } });
  return s.toBuffer();
}

/** CRC-32 as PNG chunks use it (zlib.crc32 is only in Node 20.15 and later; the shop runs on 20.9). */
function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return (c ^ 0xffffffff) >>> 0;
}

/** A valid PNG header that claims width × height (1-bit grey, every row zero): tiny on disk, huge to decode. */
function claimedPng(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 1; // bit depth
  ihdr[9] = 0; // greyscale
  const row = Math.ceil(width / 8) + 1;
  const idat = zlib.deflateSync(Buffer.alloc(row * height));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', idat),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

async function facts(data: Buffer) {
  const m = await sharp(data).metadata();
  return { kind: sniffImage(data), width: m.width, height: m.height, exif: m.exif !== undefined, icc: m.icc !== undefined, orientation: m.orientation };
}

describe('processProductImage', () => {
  it('shrinks a large photo to fit 1600×2000, keeping its shape, as WebP', async () => {
    const wide = await processProductImage(await image(4000, 1000));
    expect({ width: wide.width, height: wide.height }).toEqual({ width: 1600, height: 400 });
    expect(await facts(wide.data)).toMatchObject({ kind: 'webp', width: 1600, height: 400 });
    const tall = await processProductImage(await image(1000, 4000, 'png'));
    expect({ width: tall.width, height: tall.height }).toEqual({ width: 500, height: 2000 });
  });

  it('never enlarges a small image', async () => {
    const small = await processProductImage(await image(640, 480));
    expect({ width: small.width, height: small.height }).toEqual({ width: 640, height: 480 });
    expect(sniffImage(small.data)).toBe('webp');
  });

  it('turns a sideways phone photo upright and keeps no metadata (no camera, no position)', async () => {
    // EXIF orientation 6: stored 1200 wide × 800 high, meant to be seen rotated a quarter turn.
    const out = await processProductImage(await image(1200, 800, 'jpeg', { orientation: 6, gps: true }));
    expect({ width: out.width, height: out.height }).toEqual({ width: 800, height: 1200 });
    const f = await facts(out.data);
    expect(f).toMatchObject({ width: 800, height: 1200, exif: false });
    expect(f.orientation).toBeUndefined();
    expect(out.data.includes(Buffer.from('PhoneCo'))).toBe(false);
  });

  it('refuses a file it cannot decode, and one that claims more than 50 million pixels', async () => {
    await expect(processProductImage(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).rejects.toThrow();
    const jpeg = await image(100, 100);
    await expect(processProductImage(jpeg.subarray(0, 200))).rejects.toThrow();
    await expect(processProductImage(claimedPng(8000, 8000))).rejects.toThrow(/pixel limit/i);
  });
});

describe('processArticleCover', () => {
  it('crops and scales any photo to exactly 1600×900, WebP without metadata', async () => {
    for (const [w, h] of [
      [4000, 3000],
      [800, 1200],
      [320, 180],
    ] as const) {
      const out = await processArticleCover(await image(w, h, 'jpeg', { gps: true }));
      expect({ width: out.width, height: out.height }, `${w}×${h}`).toEqual(COVER_SIZE);
      expect(await facts(out.data)).toMatchObject({ kind: 'webp', ...COVER_SIZE, exif: false });
    }
  });

  it('turns a sideways photo upright before cropping', async () => {
    // Stored 900×1600 with orientation 6: upright it is 1600×900, so the crop takes all of it.
    const sideways = sharp({ create: { width: 900, height: 1600, channels: 3, background: '#000' } })
      .composite([{ input: { create: { width: 900, height: 800, channels: 3, background: '#fff' } }, top: 0, left: 0 }])
      .jpeg()
      .withMetadata({ orientation: 6 });
    const out = await processArticleCover(await sideways.toBuffer());
    const { data } = await sharp(out.data).raw().toBuffer({ resolveWithObject: true });
    const pixel = (x: number, y: number) => data[(y * 1600 + x) * 3]!;
    // Rotated a quarter turn clockwise, the white top half becomes the right half.
    expect(pixel(1500, 450)).toBeGreaterThan(200);
    expect(pixel(100, 450)).toBeLessThan(50);
  });

  it('refuses a file it cannot decode and one too large to decode', async () => {
    await expect(processArticleCover(Buffer.from('not an image at all'))).rejects.toThrow();
    await expect(processArticleCover(claimedPng(8000, 8000))).rejects.toThrow(/pixel limit/i);
  });
});

describe('processReturnPhoto', () => {
  it('shrinks to fit 1600×1600, never enlarges, turns upright and drops the phone’s metadata', async () => {
    const big = await processReturnPhoto(await image(4000, 3000, 'jpeg', { gps: true }));
    expect({ width: big.width, height: big.height }).toEqual({ width: 1600, height: 1200 });
    expect(await facts(big.data)).toMatchObject({ kind: 'webp', exif: false });
    expect(big.data.includes(Buffer.from('PhoneCo'))).toBe(false);
    const tall = await processReturnPhoto(await image(3000, 4000));
    expect({ width: tall.width, height: tall.height }).toEqual({ width: 1200, height: 1600 });
    const small = await processReturnPhoto(await image(600, 400, 'jpeg', { orientation: 6 }));
    expect({ width: small.width, height: small.height }).toEqual({ width: 400, height: 600 });
  });

  it('refuses a file it cannot decode and one too large to decode', async () => {
    await expect(processReturnPhoto(Buffer.from('GIF89a……'))).rejects.toThrow();
    await expect(processReturnPhoto(claimedPng(8000, 8000))).rejects.toThrow(/pixel limit/i);
  });
});

describe('the quality each kind of image is kept at', () => {
  /** A photo-like image (seeded noise over a gradient): every quality step changes how many bytes it takes. */
  async function noisyPhoto(width = 480, height = 360) {
    const raw = Buffer.alloc(width * height * 3);
    let seed = 42;
    for (let i = 0; i < raw.length; i++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      raw[i] = ((i / 3) % width) / 4 + (seed % 96);
    }
    return sharp(raw, { raw: { width, height, channels: 3 } })
      .png()
      .toBuffer();
  }
  const atQuality = async (input: Buffer, quality?: number) =>
    (
      await sharp(input)
        .webp(quality === undefined ? {} : { quality })
        .toBuffer()
    ).length;

  it('keeps a product photo above sharp’s default quality, a cover at it and a return photo below it', async () => {
    const photo = await noisyPhoto();
    const [product, cover, returned] = await Promise.all([processProductImage(photo), processArticleCover(photo), processReturnPhoto(photo)]);
    expect(product.data.length).toBe(await atQuality(photo, 82));
    expect(returned.data.length).toBe(await atQuality(photo, 78));
    expect(product.data.length).toBeGreaterThan(await atQuality(photo));
    expect(returned.data.length).toBeLessThan(await atQuality(photo));
    // The cover is cropped and scaled first: compared with the same crop at the default.
    const crop = await sharp(photo)
      .resize({ ...COVER_SIZE, fit: 'cover', position: sharp.strategy.attention })
      .png()
      .toBuffer();
    expect(cover.data.length).toBe(await atQuality(crop));
  });
});
