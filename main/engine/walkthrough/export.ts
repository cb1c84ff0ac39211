/**
 * Exporting a walkthrough as numbered slides: every step drawn as its 16:9 slide (shared/walkthrough/slide.ts)
 * with its live view computed in-process, rasterised by resvg and written atomically as `01-why-pretraining.png`,
 * `02-…` into one folder. All slides are drawn before the first file is written, so a bad step leaves no
 * half-written deck; slides of an earlier export into the same folder that the new deck has not are removed.
 */
import { mkdir, readFile, rm } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
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

/**
 * The list of slides the last export wrote into a folder: only files named there are ever removed, so a
 * student's own `01-holiday.png` in a folder chosen for the slides is never touched.
 */
const deckList = '.attention-lab-slides.json';

/** The slide files the previous export into `outDir` wrote (none when it has no readable list). */
async function previousSlides(outDir: string): Promise<string[]> {
  try {
    const names: unknown = JSON.parse(await readFile(join(outDir, deckList), 'utf8'));
    return Array.isArray(names) ? names.filter((name): name is string => typeof name === 'string') : [];
  } catch {
    return [];
  }
}

/** Removes the previous deck's slides that this deck has not (an earlier, longer deck), then lists this one. */
async function replaceDeckList(outDir: string, files: readonly string[]): Promise<void> {
  const kept = new Set(files.map((file) => basename(file)));
  for (const name of await previousSlides(outDir)) {
    // A bare file name of ours (never a path) that this deck does not rewrite.
    if (name === basename(name) && slideName.test(name) && !kept.has(name)) {
      await rm(join(outDir, name), { force: true });
    }
  }
  await writeFileAtomic(join(outDir, deckList), `${JSON.stringify([...kept], null, 2)}\n`);
}

/** The name of a slide file (`07-old-id.png`). */
const slideName = /^\d{2,}-[a-z0-9][a-z0-9-]*\.png$/;

/**
 * Writes one PNG per step into `outDir` and removes the slides an earlier export there wrote that this deck
 * has not (only files named in its list); returns the PNGs' full paths in step order.
 */
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
  await replaceDeckList(outDir, files);
  return { files };
}
