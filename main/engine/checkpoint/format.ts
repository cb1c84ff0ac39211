/**
 * The checkpoint folder format (version 1):
 * - `config.json`   `{ format: "attention-lab-checkpoint", formatVersion: 1, family, config }`
 * - `tokenizer.json` the word-level vocabulary `{ type: "word-level", tokens: [...] }`
 * - `weights.json`  the manifest of `weights.bin`: `{ dtype, byteLength, weights: [{ name, shape, dtype,
 *                   offset, byteLength }] }`, offsets in bytes, little-endian values, row-major. Each weight's
 *                   `dtype` is `float32` or `float16` (IEEE half precision, for small shipped checkpoints;
 *                   loading widens it to float32 exactly); the top-level `dtype` names the storage of all.
 * - `weights.bin`   every weight's values, back to back in manifest order
 * - `training.json` how the model was trained: steps, seed, corpus, date, losses (and whatever else the
 *                   trainer records)
 */
import { z } from 'zod';
import { LabError } from '../../../shared/contract/errors';
import { modelFamilies } from '../models/config';
import { weightDtypes } from './float16';

/** The `format` field of config.json. */
export const checkpointFormat = 'attention-lab-checkpoint';
/** The version this build writes and the newest it reads. */
export const checkpointFormatVersion = 1;

/** The files of a checkpoint folder. */
export const checkpointFiles = {
  config: 'config.json',
  tokenizer: 'tokenizer.json',
  manifest: 'weights.json',
  weights: 'weights.bin',
  training: 'training.json',
} as const;

const positiveInt = z.number().int().positive();

/** config.json. */
export const configFileSchema = z.object({
  format: z.literal(checkpointFormat),
  formatVersion: z.number().int().positive(),
  family: z.enum(modelFamilies),
  config: z.object({
    family: z.enum(modelFamilies),
    vocabSize: positiveInt,
    dModel: positiveInt,
    heads: positiveInt,
    layers: positiveInt,
    dFf: positiveInt,
    maxLength: positiveInt,
    norm: z.enum(['pre', 'post']),
    nextSentence: z.boolean().optional(),
    decoderLayers: positiveInt.optional(),
  }),
});

/** One weight in weights.json. */
export const weightEntrySchema = z.object({
  name: z.string().min(1),
  shape: z.array(z.number().int().nonnegative()),
  dtype: z.enum(weightDtypes),
  offset: z.number().int().nonnegative(),
  byteLength: z.number().int().nonnegative(),
});
export type WeightEntry = z.infer<typeof weightEntrySchema>;

/** weights.json. */
export const manifestSchema = z.object({
  dtype: z.enum(weightDtypes),
  byteLength: z.number().int().nonnegative(),
  weights: z.array(weightEntrySchema),
});
export type WeightManifest = z.infer<typeof manifestSchema>;

/** training.json: what every trainer records; anything else it adds is kept as is. */
export const trainingSchema = z.looseObject({
  steps: z.number().int().nonnegative(),
  seed: z.number().int(),
  corpus: z.string(),
  /** ISO 8601 date the checkpoint was written. */
  createdAt: z.string(),
  losses: z
    .array(
      z.object({ step: z.number().int().nonnegative(), loss: z.number(), valLoss: z.number().optional() }),
    )
    .optional(),
});
/** How a model was trained (training.json). */
export type TrainingMetadata = z.infer<typeof trainingSchema>;

/** Parses `value` with `schema` or throws `invalid-checkpoint` naming `file` and the first problem. */
export function parseFile<T>(schema: z.ZodType<T>, value: unknown, file: string, dir: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue && issue.path.length > 0 ? ` at "${issue.path.join('.')}"` : '';
  throw new LabError(
    'invalid-checkpoint',
    `${file} in ${dir} is damaged${where}: ${issue?.message ?? 'unexpected content'}.`,
  );
}
