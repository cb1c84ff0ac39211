/**
 * Schemas of the `finetune:` domain: fine-tune a BERT (new output layer on [CLS] or on every token) or a T5
 * (text-to-text, no new layer) and follow the run. One heavy job runs at a time: a fine-tune while a training
 * run goes (or the other way round) is refused with `busy`.
 */
import { z } from 'zod';
import { wireErrorSchema } from './errors';
import { modelSourceSchema } from './model';
import { absolutePathSchema, seedSchema } from './train';

/** The Brown tasks: genre classification (BERT), part-of-speech tags (BERT), tag words text-to-text (T5). */
export const finetuneBrownTasks = ['brown-genre', 'brown-pos', 't5-pos'] as const;

/** What to learn: a Brown task, or a CSV (`text,label` for BERT, `input,target` for T5). */
export const finetuneTaskSchema = z.union([
  z.enum(finetuneBrownTasks),
  z.object({ csv: absolutePathSchema }).strict(),
]);

/** `finetune:start` input: the checkpoint (a shipped one or a folder), the task and the run's settings. */
export const finetuneStartSchema = z
  .object({
    checkpoint: modelSourceSchema,
    task: finetuneTaskSchema,
    steps: z.number().int().min(1).max(100_000).default(300),
    seed: seedSchema,
    /** The fine-tuned checkpoint's folder (written atomically, once, when the run is done). */
    outDir: absolutePathSchema,
  })
  .strict();

/** `finetune:start` output. */
export const finetuneStartedSchema = z.object({ runId: z.string() });

/** `finetune:cancel` input. */
export const finetuneRunSchema = z.object({ runId: z.string().min(1).max(64) }).strict();

/** Where a fine-tuning run is in its life. */
export const finetuneStateSchema = z.enum(['preparing', 'running', 'done', 'cancelled', 'failed']);

/** `finetune:cancel` output: the state the run is in (or is heading to). */
export const finetuneControlResultSchema = z.object({ runId: z.string(), state: finetuneStateSchema });

/** A finished run's held-out accuracy and the majority-class baseline it is compared with. */
export const finetuneResultSchema = z.object({
  /** `brown-genre`, `brown-pos`, `t5-pos` or `csv:<path>`. */
  task: z.string(),
  metric: z.literal('accuracy'),
  score: z.number().min(0).max(1),
  baseline: z.number().min(0).max(1),
  steps: z.number().int().nonnegative(),
  seconds: z.number().nonnegative(),
});

/** `finetune:onProgress` payload: sent after every step and on every change of state. */
export const finetuneProgressSchema = z.object({
  runId: z.string(),
  state: finetuneStateSchema,
  step: z.number().int().nonnegative(),
  totalSteps: z.number().int().positive(),
  /** Loss of the last step (`null` before the first). */
  loss: z.number().nullable(),
  etaSeconds: z.number().nonnegative(),
  /** The scores (state `done`). */
  result: finetuneResultSchema.nullable(),
  /** The saved checkpoint's folder (state `done`). */
  checkpoint: z.string().nullable(),
  /** Why the run failed (state `failed`). */
  error: wireErrorSchema.nullable(),
});

export type FinetuneTask = z.infer<typeof finetuneTaskSchema>;
export type FinetuneStartInput = z.input<typeof finetuneStartSchema>;
export type FinetuneStartRequest = z.output<typeof finetuneStartSchema>;
export type FinetuneState = z.infer<typeof finetuneStateSchema>;
export type FinetuneResult = z.infer<typeof finetuneResultSchema>;
export type FinetuneProgress = z.infer<typeof finetuneProgressSchema>;
