/**
 * Exporting a walkthrough as numbered slides: every step drawn as its 16:9 slide (shared/walkthrough/slide.ts)
 * with its live view computed in-process, rasterised by resvg and written atomically as `01-why-pretraining.png`,
 * `02-…` into one folder. All slides are drawn before the first file is written, so a bad step leaves no
 * half-written deck.
 */
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { LabError } from '../../../shared/contract/errors';
import type { Walkthrough, WalkthroughLanguage } from '../../../shared/walkthrough/schema';
import { slideFileName, slideSvg } from '../../../shared/walkthrough/slide';
import { checkWritable, rasterise, writeFileAtomic } from '../snapshot';
import { StepFigures } from './figures';

/** Options of {@link exportWalkthrough}. */
export interface WalkthroughExportOptions {
  language: WalkthroughLanguage;
  /** The folder the PNGs go into (created when missing). */
  outDir: string;
  /** PNG pixels per slide pixel (default 1: 1600 × 900). */
  scale?: number;
}

/** Every step's slide as an SVG document, in order. */
export async function walkthroughSlides(
  walkthrough: Walkthrough,
  language: WalkthroughLanguage,
): Promise<string[]> {
  const figures = new StepFigures(language);
  try {
    const slides: string[] = [];
    const total = walkthrough.steps.length;
    for (const [index, step] of walkthrough.steps.entries()) {
      const figure = await figures.figure(step, index);
      slides.push(slideSvg(step, { index, total, language, ...(figure ? { figure } : {}) }));
    }
    return slides;
  } finally {
    figures.close();
  }
}

/** Writes one PNG per step into `outDir`; returns their full paths in step order. */
export async function exportWalkthrough(
  walkthrough: Walkthrough,
  options: WalkthroughExportOptions,
): Promise<{ files: string[] }> {
  const outDir = resolve(options.outDir);
  const total = walkthrough.steps.length;
  const files = walkthrough.steps.map((step, index) => join(outDir, slideFileName(step, index, total)));
  try {
    await mkdir(outDir, { recursive: true });
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === 'EEXIST' ? 'a file has that name' : (error as Error).message;
    throw new LabError('invalid-argument', `Cannot create the folder ${outDir}: ${reason}.`);
  }
  await checkWritable(files[0] ?? outDir); // fail before the models run
  const slides = await walkthroughSlides(walkthrough, options.language);
  for (const [index, svg] of slides.entries()) {
    await writeFileAtomic(files[index] ?? '', rasterise(svg, options.scale ?? 1).png);
  }
  return { files };
}
