import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { sniffImage } from './sniff';

const pixel = sharp({ create: { width: 2, height: 2, channels: 3, background: '#9b3d23' } });

describe('sniffImage', () => {
  it('knows JPEG, PNG, WebP and AVIF by their bytes', async () => {
    expect(sniffImage(await pixel.clone().jpeg().toBuffer())).toBe('jpeg');
    expect(sniffImage(await pixel.clone().png().toBuffer())).toBe('png');
    expect(sniffImage(await pixel.clone().webp().toBuffer())).toBe('webp');
    expect(sniffImage(await pixel.clone().avif().toBuffer())).toBe('avif');
  });
  it('refuses SVG, HTML, text and a renamed file, whatever they are called', () => {
    const text = (s: string) => new TextEncoder().encode(s);
    expect(sniffImage(text('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'))).toBeNull();
    expect(sniffImage(text('<!doctype html><p>hello</p>'))).toBeNull();
    expect(sniffImage(text('%PDF-1.7 something'))).toBeNull();
    expect(sniffImage(new Uint8Array([0xff, 0xd8]))).toBeNull();
  });
});
