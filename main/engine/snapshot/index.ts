/** Snapshots in Node: an attention figure as SVG or PNG (1×–4×), written atomically. */
import { extname } from 'node:path';
import { LabError } from '../../../shared/contract/errors';
import type { AttentionData, ViewRequest } from '../../../shared/charts/attention-view';
import { attentionFigure } from '../../../shared/charts/attention-view';
import { rasterise } from './rasterise';
import { writeFileAtomic } from './write-file-atomic';

export { rasterise, snapshotScales } from './rasterise';
export type { RasterImage } from './rasterise';
export { checkWritable, writeFileAtomic } from './write-file-atomic';

/** The file formats a snapshot is written in, by extension. */
export type SnapshotFormat = 'png' | 'svg';

/** The format of an output path, or a clear error for any other extension. */
export function snapshotFormat(path: string): SnapshotFormat {
  const extension = extname(path).toLowerCase();
  if (extension === '.png' || extension === '.svg') return extension === '.png' ? 'png' : 'svg';
  throw new LabError('invalid-argument', `The snapshot file must end in .png or .svg, got "${path}".`);
}

/** What was written. */
export interface SnapshotResult {
  path: string;
  format: SnapshotFormat;
  /** Pixel size (PNG), or the SVG's user-unit size. */
  width: number;
  height: number;
  bytes: number;
}

/** Draws `request` for `data` and writes it to `path` (PNG at `scale`, or SVG). */
export async function writeSnapshot(
  data: AttentionData,
  request: ViewRequest,
  path: string,
  scale = 1,
): Promise<SnapshotResult> {
  const format = snapshotFormat(path);
  const { svg, width, height } = attentionFigure(data, request);
  if (format === 'svg') {
    await writeFileAtomic(path, svg);
    return { path, format, width, height, bytes: Buffer.byteLength(svg) };
  }
  const image = rasterise(svg, scale);
  await writeFileAtomic(path, image.png);
  return { path, format, width: image.width, height: image.height, bytes: image.png.length };
}
