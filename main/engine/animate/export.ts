/**
 * Headless export of an animation: each step drawn as the app draws it (shared/animations/render-svg.ts), turned
 * into pixels by resvg, cross-faded along the shared timeline, then encoded as an animated GIF (gifenc) or as a
 * WebM of VP8 keyframes (libwebp's lossy WebP frames, muxed by shared/animations/webm.ts). Written atomically.
 */
import { extname } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import type { Frame } from '../../../shared/animations/frame';
import type { RgbaImage } from '../../../shared/animations/gif';
import { encodeGif } from '../../../shared/animations/gif';
import { animationHeight } from '../../../shared/animations/layout';
import type { Language } from '../../../shared/animations/narration';
import { renderFrameSvg } from '../../../shared/animations/render-svg';
import type { TimelineOptions } from '../../../shared/animations/timeline';
import { animationTimeline, blendImages, holdMs } from '../../../shared/animations/timeline';
import { muxWebm, vp8FromWebp } from '../../../shared/animations/webm';
import { LabError } from '../../../shared/contract/errors';
import { fontOptions } from '../snapshot/rasterise';
import { writeFileAtomic } from '../snapshot/write-file-atomic';
import { encodeWebp } from './webp';

/** The video formats, by extension. */
export type AnimationFormat = 'gif' | 'webm';

/** The format of an output path, or a clear error for any other extension. */
export function animationFormat(path: string): AnimationFormat {
  const extension = extname(path).toLowerCase();
  if (extension === '.gif' || extension === '.webm') return extension === '.gif' ? 'gif' : 'webm';
  throw new LabError('invalid-argument', `The animation file must end in .gif or .webm, got "${path}".`);
}

/** Options of {@link writeAnimation}. */
export interface AnimationExportOptions extends TimelineOptions {
  language?: Language;
  /** Shown in every frame's footer. */
  seed?: number;
  /** Page width in pixels (default 1280). */
  width?: number;
}

/** What was written. */
export interface AnimationExportResult {
  path: string;
  format: AnimationFormat;
  width: number;
  height: number;
  /** Pictures in the file (steps plus cross-fade pictures). */
  pictures: number;
  steps: number;
  durationMs: number;
  bytes: number;
}

/** Draws every step to RGBA pixels, all of one size. */
export function renderSteps(frames: readonly Frame[], options: AnimationExportOptions = {}): RgbaImage[] {
  const layout = {
    language: options.language ?? 'en',
    ...(options.seed === undefined ? {} : { seed: options.seed }),
    ...(options.width === undefined ? {} : { width: options.width }),
  };
  const minHeight = animationHeight(frames, layout);
  return frames.map((frame, step) => {
    const { svg } = renderFrameSvg(frame, { ...layout, step, total: frames.length, minHeight });
    const image = new Resvg(svg, { font: fontOptions(svg) }).render();
    return { width: image.width, height: image.height, data: image.pixels };
  });
}

/** Encodes `frames` as a GIF or WebM (by the extension of `path`) and writes it atomically. */
export async function writeAnimation(
  frames: readonly Frame[],
  path: string,
  options: AnimationExportOptions = {},
): Promise<AnimationExportResult> {
  const format = animationFormat(path);
  if (frames.length === 0) throw new LabError('invalid-argument', 'There is nothing to animate.');
  const steps = renderSteps(frames, options);
  const holds = frames.map((frame) => holdMs(frame, options.language ?? 'en'));
  const timeline = animationTimeline(holds, options);
  const pictures = timeline.map((entry) =>
    entry.mix === 0
      ? (steps[entry.from] as RgbaImage)
      : blendImages(steps[entry.from] as RgbaImage, steps[entry.to] as RgbaImage, entry.mix),
  );
  const durations = timeline.map((entry) => entry.durationMs);
  let bytes: Uint8Array;
  if (format === 'gif') {
    bytes = encodeGif(pictures, durations);
  } else {
    const keyframes: Uint8Array[] = [];
    for (const picture of pictures) keyframes.push(vp8FromWebp(await encodeWebp(picture)));
    bytes = muxWebm(keyframes, durations);
  }
  await writeFileAtomic(path, bytes);
  const first = steps[0] as RgbaImage;
  return {
    path,
    format,
    width: first.width,
    height: first.height,
    pictures: pictures.length,
    steps: steps.length,
    durationMs: durations.reduce((sum, ms) => sum + ms, 0),
    bytes: bytes.length,
  };
}
