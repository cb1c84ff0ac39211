/** The `walkthrough:export` channel: the app's "Export slides" asks the engine to write one PNG per step. */
import { z } from 'zod';
import { absolutePathSchema } from '../contract/train';
import { walkthroughLanguages, walkthroughSchema } from './schema';

/** Pixels per slide pixel of exported PNGs (1: 1600 × 900, 2: 3200 × 1800). */
export const slideScales = [1, 2] as const;

/** `walkthrough:export` input: the walkthrough, the language of its narration and the folder to write into. */
export const walkthroughExportSchema = z
  .object({
    walkthrough: walkthroughSchema,
    lang: z.enum(walkthroughLanguages),
    outDir: absolutePathSchema,
    scale: z.union([z.literal(1), z.literal(2)]).default(1),
  })
  .strict();

/** `walkthrough:export` output: the full paths of the PNGs written, in step order. */
export const walkthroughExportedSchema = z.object({ files: z.array(z.string()) });
