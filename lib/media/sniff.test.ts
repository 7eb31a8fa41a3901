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
  it('judges by every byte of each signature: one byte off is not that image', () => {
    const pad = (head: number[]) => new Uint8Array([...head, ...new Array<number>(16).fill(0)]);
    const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));
    expect(sniffImage(pad([0xff, 0xd8, 0xff]))).toBe('jpeg');
    for (const head of [
      [0x00, 0xd8, 0xff],
      [0xff, 0x00, 0xff],
      [0xff, 0xd8, 0x00],
    ])
      expect(sniffImage(pad(head)), head.join(',')).toBeNull();
    const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
    expect(sniffImage(pad(png))).toBe('png');
    for (let i = 0; i < png.length; i++) expect(sniffImage(pad(png.map((b, j) => (j === i ? b ^ 0x01 : b)))), `png byte ${i}`).toBeNull();
    expect(sniffImage(pad([...ascii('RIFF'), 1, 2, 3, 4, ...ascii('WEBP')]))).toBe('webp');
    expect(sniffImage(pad([...ascii('RIFX'), 1, 2, 3, 4, ...ascii('WEBP')]))).toBeNull();
    expect(sniffImage(pad([...ascii('RIFF'), 1, 2, 3, 4, ...ascii('WAVE')]))).toBeNull();
    expect(sniffImage(pad([0, 0, 0, 0x1c, ...ascii('ftypavif')]))).toBe('avif');
    expect(sniffImage(pad([0, 0, 0, 0x1c, ...ascii('ftypavis')]))).toBe('avif');
    expect(sniffImage(pad([0, 0, 0, 0x1c, ...ascii('ftypheic')]))).toBeNull();
    expect(sniffImage(pad([0, 0, 0, 0x1c, ...ascii('ftipavif')]))).toBeNull();
    expect(sniffImage(pad([0, 0, 0, 0x1c, ...ascii('ftyp')]))).toBeNull();
  });
  it('needs 12 bytes to say anything (the shortest signature that tells WebP and AVIF apart)', () => {
    const webp = new TextEncoder().encode('RIFF\u0001\u0002\u0003\u0004WEBP');
    expect(webp.length).toBe(12);
    expect(sniffImage(webp)).toBe('webp');
    expect(sniffImage(webp.subarray(0, 11))).toBeNull();
    expect(sniffImage(new Uint8Array([0xff, 0xd8, 0xff, 0, 0, 0, 0, 0, 0, 0, 0]))).toBeNull();
    expect(sniffImage(new Uint8Array([0xff, 0xd8, 0xff, 0, 0, 0, 0, 0, 0, 0, 0, 0]))).toBe('jpeg');
  });
});
