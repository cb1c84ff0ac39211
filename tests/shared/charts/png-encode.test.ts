import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { encodePng, toBase64 } from '../../../shared/charts/png-encode';
import { pixelAt, renderSvg } from './render-svg';

describe('png encode', () => {
  it('writes a PNG whose image data zlib inflates back to the pixels (one filter byte per row)', () => {
    const width = 3;
    const height = 2;
    const rgb = Uint8Array.from({ length: width * height * 3 }, (_, i) => (i * 37) % 256);
    const png = Buffer.from(encodePng(width, height, rgb));
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.readUInt32BE(16)).toBe(width);
    expect(png.readUInt32BE(20)).toBe(height);
    const idat = png.indexOf('IDAT');
    const data = inflateSync(png.subarray(idat + 4, idat + 4 + png.readUInt32BE(idat - 4)));
    expect([...data]).toEqual([0, ...rgb.subarray(0, 9), 0, ...rgb.subarray(9)]);
  });

  it('splits large images into several stored blocks that a real decoder reads', () => {
    const width = 200;
    const height = 150; // 90 150 bytes of pixels: two stored blocks
    const rgb = new Uint8Array(width * height * 3);
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width; x++) rgb.set([x, y, 255 - x], (y * width + x) * 3);
    const href = `data:image/png;base64,${toBase64(encodePng(width, height, rgb))}`;
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><image width="${width}" height="${height}" href="${href}"/></svg>`;
    const image = renderSvg(svg);
    for (const [x, y] of [
      [0, 0],
      [199, 149],
      [57, 120],
      [150, 3],
    ] as const)
      expect(pixelAt(image, x, y)).toEqual([x, y, 255 - x]);
  });

  it('encodes base64 like Node does', () => {
    for (const length of [0, 1, 2, 3, 4, 5, 100]) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 91 + 7) % 256);
      expect(toBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
    }
  });
});
