/**
 * Snapshots leave the app: an SVG figure rasterised to PNG at 1×, 2× or 4× (the browser draws the SVG into a
 * canvas — an Image from a blob: URL, which the CSP's img-src allows), saved through the host's native save
 * dialog or, where the host has none (the web host answers `unsupported`), downloaded; and PNGs copied to the
 * clipboard through the host (Electron denies the renderer the clipboard permission) or `navigator.clipboard`.
 */
import { toBase64 } from '../../../shared/charts/png-encode';
import type { LabApi } from '../../../shared/contract/api';
import type { SnapshotFormat } from '../../../shared/contract/snapshot';
import { asLabError } from '../errors/as-lab-error';

/** The MIME type of each format. */
export const mimeTypes: Record<SnapshotFormat, string> = {
  png: 'image/png',
  svg: 'image/svg+xml',
  json: 'application/json',
};

/** Draws an SVG document of `width` × `height` CSS pixels into a PNG `scale` times larger. */
export async function rasteriseSvg(svg: string, width: number, height: number, scale: number): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: mimeTypes.svg }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('This browser cannot draw on a canvas.');
    context.drawImage(image, 0, 0, canvas.width, canvas.height); // the SVG is drawn at this size: sharp
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (blob) => (blob ? resolve(blob) : reject(new Error('The PNG could not be made.'))),
        mimeTypes.png,
      ),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Standard base64 of a blob's bytes. */
export async function blobBase64(blob: Blob): Promise<string> {
  return toBase64(new Uint8Array(await blob.arrayBuffer()));
}

/** Hands a blob to the browser as a download named `fileName`. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the URL; give it a moment before letting go of the bytes.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Host channels this host answered `unsupported`: not asked again (the answer will not change). */
const unsupported = new Set<'snapshot:save' | 'snapshot:copy'>();

/** How a save ended. */
export type SaveOutcome =
  { kind: 'saved'; path: string } | { kind: 'downloaded'; fileName: string } | { kind: 'cancelled' };

/** Saves through the host's save dialog; where there is none (or the file is too large for it), downloads. */
export async function saveSnapshot(
  api: LabApi,
  blob: Blob,
  fileName: string,
  format: SnapshotFormat,
): Promise<SaveOutcome> {
  if (!unsupported.has('snapshot:save')) {
    try {
      const data = await blobBase64(blob);
      const { path } = await api.invoke('snapshot:save', { suggestedName: fileName, format, data });
      return path === null ? { kind: 'cancelled' } : { kind: 'saved', path };
    } catch (error) {
      const { code } = asLabError(error);
      if (code === 'unsupported') unsupported.add('snapshot:save');
      else if (code !== 'payload-too-large') throw error; // too large for one message: download it
    }
  }
  downloadBlob(blob, fileName);
  return { kind: 'downloaded', fileName };
}

/** Copies a PNG to the clipboard: through the host where it offers that, else with `navigator.clipboard`. */
export async function copyPng(api: LabApi, png: Blob): Promise<void> {
  if (!unsupported.has('snapshot:copy')) {
    try {
      await api.invoke('snapshot:copy', { png: await blobBase64(png) });
      return;
    } catch (error) {
      if (asLabError(error).code !== 'unsupported') throw error;
      unsupported.add('snapshot:copy');
    }
  }
  if (!navigator.clipboard || typeof ClipboardItem === 'undefined') {
    throw new Error('This browser cannot copy images; save the PNG instead.');
  }
  await navigator.clipboard.write([new ClipboardItem({ [mimeTypes.png]: png })]);
}
