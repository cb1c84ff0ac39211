/** Test helper (not a test file): renders SVG with resvg — which rejects malformed XML — and reads pixels. */
import { Resvg } from '@resvg/resvg-js';

/** A rendered image: RGBA bytes, row-major. */
export interface Rendered {
  width: number;
  height: number;
  pixels: Uint8Array;
}

/** Renders `svg` at `scale` with the DejaVu fonts (installed on the test machines). */
export function renderSvg(svg: string, scale = 1): Rendered {
  const image = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    font: {
      loadSystemFonts: false,
      fontFiles: [
        '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
        '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf',
      ],
      defaultFontFamily: 'DejaVu Sans',
    },
  }).render();
  return { width: image.width, height: image.height, pixels: new Uint8Array(image.pixels) };
}

/** The RGB of pixel (x, y). */
export function pixelAt(image: Rendered, x: number, y: number): [number, number, number] {
  const i = (Math.floor(y) * image.width + Math.floor(x)) * 4;
  return [image.pixels[i] ?? 0, image.pixels[i + 1] ?? 0, image.pixels[i + 2] ?? 0];
}

/** Every RGB inside a rectangle (in image pixels), skipping `inset` pixels at each edge. */
export function pixelsIn(
  image: Rendered,
  rect: { x: number; y: number; w: number; h: number },
  inset: number,
): [number, number, number][] {
  const out: [number, number, number][] = [];
  for (let y = Math.ceil(rect.y + inset); y < rect.y + rect.h - inset; y++) {
    for (let x = Math.ceil(rect.x + inset); x < rect.x + rect.w - inset; x++) out.push(pixelAt(image, x, y));
  }
  return out;
}

/** Whether a colour is a neutral grey (no hue): every channel within `tolerance` of the others. */
export function isNeutralGrey([r, g, b]: [number, number, number], tolerance = 3): boolean {
  return Math.max(r, g, b) - Math.min(r, g, b) <= tolerance;
}
