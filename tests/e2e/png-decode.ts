/**
 * A tiny PNG decoder for checking screenshots and exports by their pixels: 8-bit greyscale, RGB, grey+alpha or
 * RGBA, not interlaced — what Chromium's screenshots and `canvas.toBlob` write — with every scanline filter.
 */
import { inflateSync } from 'node:zlib';

/** A decoded image: `rgba[(y * width + x) * 4 + c]`. */
export interface DecodedPng {
  width: number;
  height: number;
  rgba: Uint8Array;
}

const signature = '89504e470d0a1a0a';
const channelsOf: Record<number, number> = { 0: 1, 2: 3, 4: 2, 6: 4 };

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** The width and height in a PNG's header. */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  const bytes = Buffer.from(png);
  if (bytes.subarray(0, 8).toString('hex') !== signature) throw new Error('not a PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Decodes a PNG into RGBA pixels. */
export function decodePng(png: Uint8Array): DecodedPng {
  const bytes = Buffer.from(png);
  const { width, height } = pngSize(bytes);
  const bitDepth = bytes[24];
  const colorType = bytes[25] ?? -1;
  const channels = channelsOf[colorType];
  if (bitDepth !== 8 || !channels || bytes[28] !== 0) {
    throw new Error(`unsupported PNG: depth ${bitDepth}, colour type ${colorType}, interlace ${bytes[28]}`);
  }
  const idat: Buffer[] = [];
  for (let at = 8; at < bytes.length;) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.toString('latin1', at + 4, at + 8);
    if (type === 'IDAT') idat.push(bytes.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const pixels = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let i = 0; i < stride; i++) {
      const left = i >= channels ? (pixels[y * stride + i - channels] ?? 0) : 0;
      const up = y > 0 ? (pixels[(y - 1) * stride + i] ?? 0) : 0;
      const upLeft = y > 0 && i >= channels ? (pixels[(y - 1) * stride + i - channels] ?? 0) : 0;
      const predictor =
        filter === 1
          ? left
          : filter === 2
            ? up
            : filter === 3
              ? (left + up) >> 1
              : filter === 4
                ? paeth(left, up, upLeft)
                : 0;
      pixels[y * stride + i] = ((line[i] ?? 0) + predictor) & 0xff;
    }
  }
  const rgba = new Uint8Array(width * height * 4);
  for (let p = 0; p < width * height; p++) {
    const src = p * channels;
    const grey = channels <= 2;
    rgba[p * 4] = pixels[src] ?? 0;
    rgba[p * 4 + 1] = grey ? (pixels[src] ?? 0) : (pixels[src + 1] ?? 0);
    rgba[p * 4 + 2] = grey ? (pixels[src] ?? 0) : (pixels[src + 2] ?? 0);
    rgba[p * 4 + 3] =
      channels === 4 ? (pixels[src + 3] ?? 255) : channels === 2 ? (pixels[src + 1] ?? 255) : 255;
  }
  return { width, height, rgba };
}

/** The RGB of pixel (x, y). */
export function pixelAt(image: DecodedPng, x: number, y: number): [number, number, number] {
  const at = (Math.round(y) * image.width + Math.round(x)) * 4;
  return [image.rgba[at] ?? 0, image.rgba[at + 1] ?? 0, image.rgba[at + 2] ?? 0];
}

/** How many different colours an image has (a blank image has one). */
export function colourCount(image: DecodedPng): number {
  const seen = new Set<number>();
  for (let p = 0; p < image.width * image.height; p++) {
    seen.add(
      ((image.rgba[p * 4] ?? 0) << 16) | ((image.rgba[p * 4 + 1] ?? 0) << 8) | (image.rgba[p * 4 + 2] ?? 0),
    );
  }
  return seen.size;
}
