/**
 * SVG → PNG in Node with resvg (no window, no browser): the headless half of snapshots. Fonts: the DejaVu/Noto
 * files the lab's Linux builds ship with when present (fast and identical everywhere), otherwise — or for
 * scripts those fonts lack — the system's fonts.
 */
import { existsSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import { LabError } from '../../../shared/contract/errors';

/** Scales a snapshot may be exported at. */
export const snapshotScales = { min: 1, max: 4 };

const bundledFonts = [
  '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
  '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf',
  '/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf',
  '/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf',
];

/** Text outside Latin, Greek and Cyrillic (and common punctuation) needs the system's fonts. */
const needsSystemFonts = /[^\t\n\r -\u052f\u2000-\u22ff]/u;

export function fontOptions(svg: string): {
  loadSystemFonts: boolean;
  fontFiles: string[];
  defaultFontFamily: string;
} {
  const fontFiles = bundledFonts.filter((file) => existsSync(file));
  const loadSystemFonts = fontFiles.length === 0 || needsSystemFonts.test(svg);
  return { loadSystemFonts, fontFiles, defaultFontFamily: fontFiles.length > 0 ? 'DejaVu Sans' : 'Arial' };
}

/** A rendered snapshot. */
export interface RasterImage {
  png: Buffer;
  width: number;
  height: number;
}

/** Renders an SVG document to PNG at `scale` × its size (1 to 4). */
export function rasterise(svg: string, scale = 1): RasterImage {
  if (!Number.isFinite(scale) || scale < snapshotScales.min || scale > snapshotScales.max) {
    throw new LabError(
      'invalid-argument',
      `The scale must be from ${snapshotScales.min} to ${snapshotScales.max}, got ${scale}.`,
    );
  }
  const image = new Resvg(svg, { fitTo: { mode: 'zoom', value: scale }, font: fontOptions(svg) }).render();
  return { png: image.asPng(), width: image.width, height: image.height };
}
