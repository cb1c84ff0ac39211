/**
 * Exports in the browser, from the very SVG the view shows: the current frame as SVG or PNG (2×), and the whole
 * animation as an animated GIF (gifenc) or a WebM video. The WebM is built from the canvas's lossy WebP
 * pictures (each one VP8 keyframe) where the browser can encode WebP, with exact timing and no waiting; where it
 * cannot, MediaRecorder records the canvas while the pictures play in real time.
 */
import { encodeGif } from '../../../shared/animations/gif';
import type { RgbaImage } from '../../../shared/animations/gif';
import type { TimelineEntry } from '../../../shared/animations/timeline';
import { blendImages } from '../../../shared/animations/timeline';
import { muxWebm, vp8FromWebp } from '../../../shared/animations/webm';

/** Saves `blob` under `filename` (a download in the browser, a save dialog in Electron). */
export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The SVG document as a file. */
export function svgBlob(svg: string): Blob {
  return new Blob([svg], { type: 'image/svg+xml' });
}

/** Draws an SVG document onto a new canvas at `scale` × its size. */
export async function svgToCanvas(
  svg: string,
  width: number,
  height: number,
  scale = 1,
): Promise<HTMLCanvasElement> {
  const url = URL.createObjectURL(svgBlob(svg));
  try {
    const image = new Image(width, height);
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('No 2D canvas');
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return canvas;
  } finally {
    URL.revokeObjectURL(url);
  }
}

function toBlob(canvas: HTMLCanvasElement, type: string, quality?: number): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error(`The canvas gave no ${type}`))),
      type,
      quality,
    ),
  );
}

/** The current frame as a PNG at twice its size (crisp on projectors and slides). */
export async function pngBlob(svg: string, width: number, height: number): Promise<Blob> {
  return toBlob(await svgToCanvas(svg, width, height, 2), 'image/png');
}

/** Every step's pixels, drawn from its SVG. */
export async function stepImages(
  svgs: readonly string[],
  width: number,
  height: number,
): Promise<RgbaImage[]> {
  const images: RgbaImage[] = [];
  for (const svg of svgs) {
    const canvas = await svgToCanvas(svg, width, height);
    const data = canvas.getContext('2d')?.getImageData(0, 0, width, height).data;
    if (!data) throw new Error('No 2D canvas');
    images.push({ width, height, data });
  }
  return images;
}

/** The picture of one timeline entry. */
function pictureOf(steps: readonly RgbaImage[], entry: TimelineEntry): RgbaImage {
  const from = steps[entry.from] as RgbaImage;
  return entry.mix === 0 ? from : blendImages(from, steps[entry.to] as RgbaImage, entry.mix);
}

/** The animation as a GIF. */
export function gifBlob(steps: readonly RgbaImage[], timeline: readonly TimelineEntry[]): Blob {
  const pictures = timeline.map((entry) => pictureOf(steps, entry));
  const bytes = encodeGif(
    pictures,
    timeline.map((entry) => entry.durationMs),
  );
  return new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'image/gif' });
}

function canvasOf(picture: RgbaImage): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = picture.width;
  canvas.height = picture.height;
  const pixels = new ImageData(new Uint8ClampedArray(picture.data), picture.width, picture.height);
  canvas.getContext('2d')?.putImageData(pixels, 0, 0);
  return canvas;
}

/** Can this browser's canvas write lossy WebP? */
function canEncodeWebp(): boolean {
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = 2;
  return canvas.toDataURL('image/webp').startsWith('data:image/webp');
}

/** Records the pictures in real time with MediaRecorder (browsers without a WebP encoder). */
async function recordWebm(pictures: readonly RgbaImage[], timeline: readonly TimelineEntry[]): Promise<Blob> {
  const first = pictures[0] as RgbaImage;
  const canvas = canvasOf(first);
  const context = canvas.getContext('2d');
  const recorder = new MediaRecorder(canvas.captureStream(30), { mimeType: 'video/webm' });
  const chunks: Blob[] = [];
  recorder.ondataavailable = (event) => chunks.push(event.data);
  const stopped = new Promise((resolve) => (recorder.onstop = resolve));
  recorder.start();
  for (const [i, entry] of timeline.entries()) {
    const picture = pictures[i] as RgbaImage;
    context?.putImageData(
      new ImageData(new Uint8ClampedArray(picture.data), picture.width, picture.height),
      0,
      0,
    );
    await new Promise((resolve) => setTimeout(resolve, entry.durationMs));
  }
  recorder.stop();
  await stopped;
  return new Blob(chunks, { type: 'video/webm' });
}

/** The animation as a WebM; `onProgress` hears how many pictures are done. */
export async function webmBlob(
  steps: readonly RgbaImage[],
  timeline: readonly TimelineEntry[],
  onProgress: (done: number, total: number) => void = () => undefined,
): Promise<Blob> {
  const pictures = timeline.map((entry) => pictureOf(steps, entry));
  if (!canEncodeWebp()) return recordWebm(pictures, timeline);
  const keyframes: Uint8Array[] = [];
  for (const [i, picture] of pictures.entries()) {
    const blob = await toBlob(canvasOf(picture), 'image/webp', 0.92);
    keyframes.push(vp8FromWebp(new Uint8Array(await blob.arrayBuffer())));
    onProgress(i + 1, pictures.length);
  }
  const bytes = muxWebm(
    keyframes,
    timeline.map((entry) => entry.durationMs),
  );
  return new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'video/webm' });
}
