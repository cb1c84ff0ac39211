/**
 * Schemas of the `train:` domain: start a training run, pause / resume / cancel it, and follow its progress.
 * The bounds here are the lab's limits for hyper-parameters; anything outside them is an `invalid-payload`.
 */
import { z } from 'zod';
import { wireErrorSchema } from './errors';

/** A full path: POSIX `/…`, Windows `C:\…` or `C:/…`, or UNC `\\server\share…`. */
const absolutePathPattern = /^(\/|[A-Za-z]:[\\/]|\\\\[^\\])/;

/**
 * A file or folder on the engine's machine, as a full path: a relative one would resolve against the engine's
 * working folder, which the student neither sees nor chooses. (The CLI resolves relative paths against its own.)
 */
export const absolutePathSchema = z
  .string()
  .min(1)
  .max(4096)
  .regex(
    absolutePathPattern,
    'Use a full folder path (such as /home/me/lab or C:\\Users\\me\\lab), not a relative one.',
  );

/** A random seed (the same seed, the same run): a whole number from 0 to 2³¹ − 1, 0 when not given. */
export const seedSchema = z
  .number()
  .int()
  .min(0)
  .max(2 ** 31 - 1)
  .default(0);

/** The three model families: encoder-only, encoder–decoder, decoder-only. */
export const trainFamilySchema = z.enum(['bert', 't5', 'gpt']);

/** Sizes that replace the preset's (each optional). */
export const modelSizesSchema = z
  .object({
    vocabSize: z.number().int().min(64).max(1_000_000),
    dModel: z.number().int().min(4).max(8192),
    heads: z.number().int().min(1).max(128),
    layers: z.number().int().min(1).max(96),
    /** T5 only: decoder blocks. */
    decoderLayers: z.number().int().min(1).max(96),
    dFf: z.number().int().min(4).max(65_536),
    maxLength: z.number().int().min(8).max(8192),
  })
  .partial()
  .strict();

/** The text to train on: the Brown corpus, or a UTF-8 text file on the engine's machine. */
export const corpusSourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('brown') }).strict(),
  z.object({ kind: z.literal('file'), path: absolutePathSchema }).strict(),
]);

/** Most tokens one batch may hold (batch size × maximum length); the engine also checks the memory a run needs. */
export const maxBatchTokens = 65_536;
/** The longest preset context (`small`): the length a request without `sizes.maxLength` is capped with. */
const longestPresetLength = 128;

/** Most checkpoints a run's history keeps (step 0 included); see `keepHistory`. */
export const maxHistoryEntries = 50;

/** `train:start` input. */
export const trainStartSchema = z
  .object({
    family: trainFamilySchema,
    preset: z.enum(['tiny', 'small']).default('tiny'),
    sizes: modelSizesSchema.default({}),
    norm: z.enum(['pre', 'post']).optional(),
    /** BERT only: add next-sentence pairs and their loss. */
    nextSentence: z.boolean().default(false),
    corpus: corpusSourceSchema.default({ kind: 'brown' }),
    steps: z.number().int().min(1).max(1_000_000),
    learningRate: z.number().min(1e-6).max(1).default(1e-3),
    batchSize: z.number().int().min(1).max(1024).default(16),
    seed: seedSchema,
    /** Steps of linear warmup; defaults to 5 % of the run. */
    warmupSteps: z.number().int().min(0).max(1_000_000).optional(),
    weightDecay: z.number().min(0).max(1).default(0.01),
    clipNorm: z.number().positive().max(1000).default(1),
    /** Validation loss every N steps (and at the last). */
    evalEvery: z.number().int().min(1).max(1_000_000).default(50),
    /** A checkpoint every N steps (and at the last); 0 = only at the last. */
    checkpointEvery: z.number().int().min(0).max(1_000_000).default(0),
    /**
     * Keep a history of the run's checkpoints for replaying its attention: the untrained model (step 0), each
     * periodic checkpoint and the last, each as a float16 copy in `<outDir>.history/step-000050/` (a folder
     * beside `outDir`, which each save replaces). At most {@link maxHistoryEntries} entries: when
     * `checkpointEvery` gives more, the history keeps step 0 and 49 checkpoints spread evenly over the run
     * (always including the last). A new run into the same `outDir` replaces its history; `false` writes none.
     */
    keepHistory: z.boolean().default(true),
    /** The checkpoint folder (written atomically; overwritten by each later checkpoint of the run). */
    outDir: absolutePathSchema,
  })
  .strict()
  .refine((input) => input.warmupSteps === undefined || input.warmupSteps <= input.steps, {
    message: 'warmupSteps cannot exceed steps',
    path: ['warmupSteps'],
  })
  .refine((input) => input.batchSize * (input.sizes.maxLength ?? longestPresetLength) <= maxBatchTokens, {
    message: `batchSize × maxLength cannot exceed ${maxBatchTokens} tokens: use a smaller batch or length`,
    path: ['batchSize'],
  });

/** `train:start` output. */
export const trainStartedSchema = z.object({ runId: z.string() });

/** `train:pause` / `train:resume` / `train:cancel` input. */
export const trainRunSchema = z.object({ runId: z.string().min(1).max(64) }).strict();

/** Longest text `train:attention` reads (a sentence or two: the live view between steps stays quick). */
export const maxTrainAttentionText = 1000;

/**
 * `train:attention` input: the attention of run `runId`'s model as it is now (between two steps) for `text`
 * (and T5's decoder `target`). Its output is `attention:compute`'s.
 */
export const trainAttentionSchema = z
  .object({
    runId: z.string().min(1).max(64),
    text: z.string().max(maxTrainAttentionText),
    target: z.string().max(maxTrainAttentionText).optional(),
  })
  .strict();

/** `train:history` input: a checkpoint folder whose training history (`<checkpoint>.history/`) is listed. */
export const trainHistorySchema = z.object({ checkpoint: absolutePathSchema }).strict();

/** One saved step of a run's history: a loadable checkpoint folder and the losses at that step. */
export const trainHistoryEntrySchema = z.object({
  step: z.number().int().nonnegative(),
  /** The entry's checkpoint folder (open it with `model:open`). */
  path: z.string(),
  /** Training loss of that step (`null` for the untrained step 0). */
  loss: z.number().nullable(),
  /** The latest validation loss computed at or before that step (`null` until one was). */
  valLoss: z.number().nullable(),
  /**
   * When the entry's weights were written (their file's mtime, ms since 1970): a new run into the same folder
   * reuses the entry paths, so a cache of drawn steps must key on this too.
   */
  savedAt: z.number().nonnegative(),
});

/**
 * `train:history` output: the entries sorted by step (empty when the checkpoint has no history); a damaged
 * entry, or one of another model, is left out and listed in `skipped` with the reason.
 */
export const trainHistoryResultSchema = z.object({
  checkpoint: z.string(),
  steps: z.array(trainHistoryEntrySchema),
  skipped: z.array(z.object({ path: z.string(), reason: z.string() })),
});

/** Where a run is in its life. */
export const trainStateSchema = z.enum(['preparing', 'running', 'paused', 'done', 'cancelled', 'failed']);

/** `train:pause` / `train:resume` / `train:cancel` output: the state the run is in (or is heading to). */
export const trainControlResultSchema = z.object({ runId: z.string(), state: trainStateSchema });

/** `train:onProgress` payload: sent after every step and on every change of state. */
export const trainProgressSchema = z.object({
  runId: z.string(),
  state: trainStateSchema,
  step: z.number().int().nonnegative(),
  totalSteps: z.number().int().positive(),
  /** Training loss of the last step (`null` before the first). */
  loss: z.number().nullable(),
  /** The latest validation loss (`null` until computed). */
  valLoss: z.number().nullable(),
  /** The step `valLoss` was computed after (`null` until computed). */
  valLossStep: z.number().int().nonnegative().nullable(),
  learningRate: z.number().nonnegative(),
  tokensPerSecond: z.number().nonnegative(),
  etaSeconds: z.number().nonnegative(),
  elapsedSeconds: z.number().nonnegative(),
  /** The last checkpoint written (`null` until one is). */
  checkpoint: z.string().nullable(),
  /** Why the run failed (state `failed`). */
  error: wireErrorSchema.nullable(),
});

export type TrainAttentionInput = z.infer<typeof trainAttentionSchema>;
export type TrainStartInput = z.input<typeof trainStartSchema>;
export type TrainStartRequest = z.output<typeof trainStartSchema>;
export type TrainState = z.infer<typeof trainStateSchema>;
export type TrainProgress = z.infer<typeof trainProgressSchema>;
export type CorpusSource = z.infer<typeof corpusSourceSchema>;
export type TrainHistory = z.infer<typeof trainHistoryResultSchema>;
export type TrainHistoryEntry = z.infer<typeof trainHistoryEntrySchema>;
