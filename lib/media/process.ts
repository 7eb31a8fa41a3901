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
