/**
 * When each picture of an exported animation is shown: every step is held long enough to read its narration,
 * and between two steps `fps` × the fade time blended pictures make a cross-fade (none when `fps` is 0, or
 * when the reader prefers reduced motion). The GIF and WebM exports of the app and of the command line share it.
 */
import type { Frame } from './frame';
import type { RgbaImage } from './gif';
import type { Language } from './narration';
import { narrate } from './narration';

/** One picture: step `from` blended into step `to` by `mix` (0 = `from` alone), shown for `durationMs`. */
export interface TimelineEntry {
  from: number;
  to: number;
  mix: number;
  durationMs: number;
}

/** Options of {@link animationTimeline}. */
export interface TimelineOptions {
  /** Pictures per second during a cross-fade; 0 = cut straight from step to step (default 8). */
  fps?: number;
  /** Length of a cross-fade (default 500 ms). */
  fadeMs?: number;
}

/** How long to hold `frame`: 1.2 s plus 35 ms a character of narration, from 2 s to 6.5 s, divided by `speed`. */
export function holdMs(frame: Frame, language: Language = 'en', speed = 1): number {
  const reading = 1200 + 35 * narrate(frame.narration, language).length;
  return Math.round(Math.min(6500, Math.max(2000, reading)) / speed);
}

/** The pictures of an animation whose steps are held for `holds[i]` milliseconds. */
export function animationTimeline(holds: readonly number[], options: TimelineOptions = {}): TimelineEntry[] {
  const fps = options.fps ?? 8;
  const fadeMs = options.fadeMs ?? 500;
  if (!(fps >= 0 && fps <= 60)) throw new RangeError(`fps must be from 0 to 60, got ${fps}`);
  const blended = fps === 0 ? 0 : Math.max(1, Math.round((fadeMs * fps) / 1000));
  const entries: TimelineEntry[] = [];
  holds.forEach((hold, step) => {
    entries.push({ from: step, to: step, mix: 0, durationMs: hold });
    if (step === holds.length - 1) return;
    for (let j = 1; j <= blended; j++) {
      entries.push({ from: step, to: step + 1, mix: j / (blended + 1), durationMs: Math.round(1000 / fps) });
    }
  });
  return entries;
}

/** `a` blended into `b` by `mix` (pixel by pixel; both of one size). */
export function blendImages(a: RgbaImage, b: RgbaImage, mix: number): RgbaImage {
  if (a.width !== b.width || a.height !== b.height) throw new RangeError('Only pictures of one size blend');
  const data = new Uint8ClampedArray(a.data.length);
  for (let i = 0; i < data.length; i++) data[i] = (a.data[i] ?? 0) * (1 - mix) + (b.data[i] ?? 0) * mix;
  return { width: a.width, height: a.height, data };
}
