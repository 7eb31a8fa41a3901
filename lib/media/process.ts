import sharp from 'sharp';

/** Uploads are at most 10 MB; the stored image at most 1600×2000, WebP. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
const MAX_INPUT_PIXELS = 50_000_000;

/**
 * Decodes, turns upright (EXIF orientation), shrinks to fit 1600×2000 and re-encodes as WebP: only
 * pixels are kept (no metadata, nothing that was hidden in the file). Throws on a file sharp cannot decode.
 */
export async function processProductImage(bytes: Buffer): Promise<{ data: Buffer; width: number; height: number }> {
  const { data, info } = await sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' })
    .rotate()
    .resize({ width: 1600, height: 2000, fit: 'inside', withoutEnlargement: true })
    .webp({ quality: 82 })
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

/** Article covers are shown at 16:9 (1600×900) on the journal, the article page and in link previews. */
export const COVER_SIZE = { width: 1600, height: 900 } as const;

/**
 * An article's cover: decoded, turned upright, cropped to 16:9 around its most interesting part and
 * scaled to 1600×900 (the size the journal reserves for it, so nothing moves when it loads), WebP
 * without metadata. Throws on a file sharp cannot decode.
 */
export async function processArticleCover(bytes: Buffer): Promise<{ data: Buffer; width: number; height: number }> {
  const { data, info } = await sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' })
    .rotate()
    .resize({ ...COVER_SIZE, fit: 'cover', position: sharp.strategy.attention })
    // sharp's own WebP quality, 80: between a product photo's (82, looked at closely) and a return photo's (78).
    .webp()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

/**
 * A customer's photo for a return (damage, fit): turned upright, shrunk to fit 1600×1600, WebP
 * without metadata — a phone photo's GPS position and camera details are not kept.
 */
export async function processReturnPhoto(bytes: Buffer): Promise<{ data: Buffer; width: number; height: number }> {
  const { data, info } = await sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' })
    .rotate()
    .resize({ width: 1600, height: 1600, fit: 'inside', withoutEnlargement: true })
    .webp({ quality: 78 })
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}
