/**
 * Animated GIF from RGBA frames with `gifenc` (pure JavaScript, so the app and the command line share it): each
 * frame gets its own 256-colour palette (the frames are flat colours and text, which quantise well) and its own
 * delay; the animation loops forever.
 */
import * as gifenc from 'gifenc';

/** One picture: `data` is RGBA, 4 bytes a pixel, row-major. */
export interface RgbaImage {
  width: number;
  height: number;
  data: Uint8Array | Uint8ClampedArray;
}

/** The library's functions, whichever way the bundler or Node exposed the CommonJS build. */
function library(): typeof gifenc {
  const namespace = gifenc as typeof gifenc & { default?: typeof gifenc };
  return typeof namespace.GIFEncoder === 'function' ? namespace : (namespace.default as typeof gifenc);
}

/** Encodes `frames` (all of one size) shown for `delaysMs[i]` milliseconds each (GIF keeps centiseconds). */
export function encodeGif(frames: readonly RgbaImage[], delaysMs: readonly number[]): Uint8Array {
  const first = frames[0];
  if (!first) throw new RangeError('A GIF needs at least one frame');
  const { GIFEncoder, quantize, applyPalette } = library();
  const encoder = GIFEncoder();
  frames.forEach((image, i) => {
    if (image.width !== first.width || image.height !== first.height) {
      throw new RangeError(
        `Frame ${i} is ${image.width}×${image.height}, not ${first.width}×${first.height}`,
      );
    }
    // gifenc reads the pixels through a Uint32Array over the whole buffer: give it a buffer of its own.
    const isOwnBuffer = image.data.byteOffset === 0 && image.data.buffer.byteLength === image.data.length;
    const data = isOwnBuffer ? image.data : new Uint8Array(image.data);
    const palette = quantize(data, 256);
    const index = applyPalette(data, palette);
    encoder.writeFrame(index, image.width, image.height, { palette, delay: delaysMs[i] ?? 1000, repeat: 0 });
  });
  encoder.finish();
  return encoder.bytes();
}
