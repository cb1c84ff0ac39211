import { describe, expect, it } from 'vitest';
import { encodeGif } from '../../../shared/animations/gif';
import type { RgbaImage } from '../../../shared/animations/gif';
import { animationTimeline, blendImages } from '../../../shared/animations/timeline';
import { muxWebm, vp8FromWebp, vp8Size } from '../../../shared/animations/webm';
import { parseGif, parseWebm } from './media-parsers';

/** A flat picture with a coloured square whose place depends on `step`. */
function picture(width: number, height: number, step: number): RgbaImage {
  const data = new Uint8Array(width * height * 4).fill(255);
  for (let y = 4; y < 12; y++)
    for (let x = 4 + step * 3; x < 12 + step * 3; x++)
      data.set([200, 40 * step, 30, 255], (y * width + x) * 4);
  return { width, height, data };
}

/** The first bytes of a VP8 keyframe of `width` × `height` (frame tag, start code, sizes) and some payload. */
function keyframe(width: number, height: number, payload = 7): Uint8Array {
  return new Uint8Array([
    0x50,
    0x00,
    0x00,
    0x9d,
    0x01,
    0x2a,
    width & 0xff,
    width >> 8,
    height & 0xff,
    height >> 8,
    ...Array(payload).fill(1),
  ]);
}

describe('encodeGif', () => {
  it('writes a looping GIF of the given size with one image and delay per frame', () => {
    const frames = [0, 1, 2].map((step) => picture(40, 24, step));
    const gif = parseGif(encodeGif(frames, [1500, 120, 2000]));
    expect(gif).toEqual({ width: 40, height: 24, frames: 3, delaysMs: [1500, 120, 2000], loops: true });
  });

  it('refuses frames of different sizes', () => {
    expect(() => encodeGif([picture(40, 24, 0), picture(20, 24, 0)], [100, 100])).toThrow(/not 40×24/);
  });
});

describe('muxWebm', () => {
  it('muxes VP8 keyframes into a WebM whose blocks start at the summed durations', () => {
    const bytes = muxWebm(
      [keyframe(1280, 720), keyframe(1280, 720, 300), keyframe(1280, 720)],
      [2000, 125, 3000],
    );
    expect(parseWebm(bytes)).toEqual({
      docType: 'webm',
      codec: 'V_VP8',
      width: 1280,
      height: 720,
      blocks: 3,
      keyframes: 3,
      timesMs: [0, 2000, 2125],
      durationMs: 5125,
    });
  });

  it('takes the VP8 chunk out of a lossy WebP and rejects anything else', () => {
    const vp8 = keyframe(16, 8, 3); // 13 bytes: an odd chunk is padded to 14
    const riff = new Uint8Array(12 + 8 + 14);
    riff.set(
      [...'RIFF'].map((c) => c.charCodeAt(0)),
      0,
    );
    new DataView(riff.buffer).setUint32(4, riff.length - 8, true);
    riff.set(
      [...'WEBPVP8 '].map((c) => c.charCodeAt(0)),
      8,
    );
    new DataView(riff.buffer).setUint32(16, vp8.length, true);
    riff.set(vp8, 20);
    expect([...vp8FromWebp(riff)]).toEqual([...vp8]);
    expect(vp8Size(vp8FromWebp(riff))).toEqual({ width: 16, height: 8 });
    riff.set(
      [...'VP8L'].map((c) => c.charCodeAt(0)),
      12,
    );
    expect(() => vp8FromWebp(riff)).toThrow(/lossless/);
    expect(() => muxWebm([new Uint8Array(20)], [100])).toThrow(/keyframe/);
  });
});

describe('animationTimeline', () => {
  it('holds each step and cross-fades between steps at the given rate', () => {
    const entries = animationTimeline([2000, 3000, 2500], { fps: 8, fadeMs: 500 });
    expect(entries).toHaveLength(3 + 2 * 4);
    expect(entries.filter((e) => e.mix === 0).map((e) => [e.from, e.durationMs])).toEqual([
      [0, 2000],
      [1, 3000],
      [2, 2500],
    ]);
    expect(entries.slice(1, 5).map((e) => e.mix)).toEqual([0.2, 0.4, 0.6, 0.8]);
    expect(animationTimeline([2000, 3000], { fps: 0 })).toHaveLength(2);
  });

  it('blends two pictures pixel by pixel', () => {
    const a = { width: 1, height: 1, data: new Uint8Array([0, 100, 200, 255]) };
    const b = { width: 1, height: 1, data: new Uint8Array([100, 100, 0, 255]) };
    expect([...blendImages(a, b, 0.25).data]).toEqual([25, 100, 150, 255]);
  });
});
