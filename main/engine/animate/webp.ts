/**
 * Lossy WebP in Node with `@jsquash/webp` (libwebp compiled to WebAssembly, from npm): each picture of a WebM
 * export is encoded as a WebP whose VP8 keyframe then goes into the video. The codec's WebAssembly file is read
 * from node_modules and compiled once (the package would otherwise fetch it, which Node cannot do from a path).
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import encode, { init } from '@jsquash/webp/encode.js';
import type { RgbaImage } from '../../../shared/animations/gif';

let ready: Promise<unknown> | undefined;

/** Node's WebAssembly global (the Node type library here does not declare it). */
const wasm = (
  globalThis as unknown as {
    WebAssembly: { validate(bytes: Uint8Array): boolean; compile(bytes: Uint8Array): Promise<unknown> };
  }
).WebAssembly;

/** Compiles the codec once: the SIMD build where WebAssembly SIMD works (every Node ≥ 16.4), else the plain one. */
function initCodec(): Promise<unknown> {
  ready ??= (async () => {
    const folder = join(
      dirname(createRequire(import.meta.url).resolve('@jsquash/webp/package.json')),
      'codec',
      'enc',
    );
    const simd = await readFile(join(folder, 'webp_enc_simd.wasm'));
    const bytes = wasm.validate(simd) ? simd : await readFile(join(folder, 'webp_enc.wasm'));
    return init((await wasm.compile(bytes)) as Parameters<typeof init>[0]);
  })();
  return ready;
}

/** Encodes `image` as a lossy WebP at `quality` (0–100). */
export async function encodeWebp(image: RgbaImage, quality = 92): Promise<Uint8Array> {
  await initCodec();
  const data = new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.byteLength);
  const buffer = await encode(
    { data, width: image.width, height: image.height, colorSpace: 'srgb' },
    { quality },
  );
  return new Uint8Array(buffer);
}
