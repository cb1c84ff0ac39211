/**
 * Schemas of the engine's open models and their inference: `model:` (open, list the built-in ones, read the
 * vocabulary), `attention:compute`, `predict:masked`, `predict:next` and `generate:run`.
 *
 * Everything here is plain JSON (the web host carries it over a WebSocket). Attention travels as an
 * {@link attentionStackSchema}: one flat array per kind of attention, row-major [layer][head][query][key]:
 * `values[((layer * heads + head) * queries + query) * keys + key]`. Masked entries (causal, padding) are
 * exactly 0; the others are rounded to 6 significant digits, far finer than any view shows. A response that
 * would not fit one message ({@link maxMessageBytes}) fails with `payload-too-large` instead.
 */
import { z } from 'zod';
import { absolutePathSchema, seedSchema, trainFamilySchema } from './train';

/** The models shipped in assets/checkpoints/. */
export const builtinModelIds = ['bert-tiny', 't5-tiny', 'gpt-tiny'] as const;
export const builtinModelIdSchema = z.enum(builtinModelIds);
export type BuiltinModelId = z.infer<typeof builtinModelIdSchema>;

/** An open model in the engine (from `model:open`). */
export const modelIdSchema = z.string().min(1).max(64);

/** Longest text a request may carry (the model reads at most its context; the rest is cut with a notice). */
export const maxTextLength = 20_000;
const textSchema = z.string().max(maxTextLength);
/** One token as the vocabulary writes it. */
const tokenSchema = z.string().max(1000);
const tokenListSchema = z.array(tokenSchema).max(8192);
const count = (max: number) => z.number().int().min(1).max(max);

/** Where a model comes from: a shipped checkpoint or a checkpoint folder on the engine's machine. */
export const modelSourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('builtin'), id: builtinModelIdSchema }).strict(),
  z.object({ kind: z.literal('checkpoint'), path: absolutePathSchema }).strict(),
]);
export type ModelSource = z.infer<typeof modelSourceSchema>;

/** `model:open` input. */
export const modelOpenSchema = z.object({ source: modelSourceSchema }).strict();

/** A model's sizes. */
export const modelConfigSummarySchema = z.object({
  layers: z.number().int().positive(),
  /** T5 only: decoder blocks (`layers` counts the encoder's). */
  decoderLayers: z.number().int().positive().optional(),
  heads: z.number().int().positive(),
  dModel: z.number().int().positive(),
  dFf: z.number().int().positive(),
  maxLength: z.number().int().positive(),
  vocabSize: z.number().int().positive(),
  norm: z.enum(['pre', 'post']),
  /** Trainable parameters (tied weights once). */
  parameters: z.number().int().nonnegative(),
});

/** How a model was trained (from its training.json). */
export const trainingSummarySchema = z.object({
  steps: z.number().int().nonnegative(),
  seed: z.number().int(),
  /** The training loss at the last recorded step (`null` for an untrained model). */
  finalLoss: z.number().nullable(),
  /** The last validation loss (`null` when none was recorded). */
  finalValLoss: z.number().nullable(),
  corpus: z.string(),
  /** ISO 8601. */
  createdAt: z.string(),
});

/** `model:open` output. */
export const modelInfoSchema = z.object({
  modelId: modelIdSchema,
  family: trainFamilySchema,
  /** "Tiny BERT" for a built-in model, the folder's name for a checkpoint. */
  name: z.string(),
  /** The checkpoint folder it was loaded from. */
  path: z.string(),
  config: modelConfigSummarySchema,
  training: trainingSummarySchema,
});
export type ModelInfo = z.infer<typeof modelInfoSchema>;

/** `model:listBuiltin` output. */
export const builtinModelListSchema = z.object({
  models: z.array(
    z.object({
      id: builtinModelIdSchema,
      family: trainFamilySchema,
      name: z.string(),
      description: z.string(),
      /** Whether its checkpoint is installed (it is missing only in a checkout without `npm run train:assets`). */
      isAvailable: z.boolean(),
    }),
  ),
});

/** Requests about one open model. */
export const modelRefSchema = z.object({ modelId: modelIdSchema }).strict();

/** `model:vocabulary` output: `new Vocabulary(tokens)` rebuilds the engine's vocabulary in the renderer. */
export const vocabularySchema = z.object({
  modelId: modelIdSchema,
  tokens: z.array(tokenSchema).max(1_000_000),
  /** The id of each special token. */
  specials: z.object({
    pad: z.number().int(),
    unk: z.number().int(),
    cls: z.number().int(),
    sep: z.number().int(),
    mask: z.number().int(),
    bos: z.number().int(),
    eos: z.number().int(),
  }),
  /** T5 sentinels `<extra_id_0>`… follow the specials; ordinary words start after them. */
  sentinelCount: z.number().int().nonnegative(),
});

/** Most values one attention stack may hold (the message size limit usually binds first). */
export const maxAttentionValues = 4_000_000;

/** Every layer and head of one kind of attention, flat row-major [layer][head][query][key]. */
export const attentionStackSchema = z
  .object({
    layers: count(96),
    heads: count(128),
    queries: count(8192),
    keys: count(8192),
    values: z.array(z.number()).max(maxAttentionValues),
  })
  .refine((s) => s.values.length === s.layers * s.heads * s.queries * s.keys, {
    message: 'values must hold layers × heads × queries × keys numbers',
    path: ['values'],
  });
export type WireAttentionStack = z.infer<typeof attentionStackSchema>;

/** The kinds of attention a model has: encoder self (BERT, T5), decoder causal (GPT, T5), cross (T5). */
export const attentionMapsSchema = z.object({
  encoder: attentionStackSchema.optional(),
  decoder: attentionStackSchema.optional(),
  cross: attentionStackSchema.optional(),
});

/** The tokens along the axes: `input` (encoder, or GPT's sequence) and `target` (T5's decoder). */
const tokensSchema = z.object({ input: tokenListSchema, target: tokenListSchema.optional() });

/** `attention:compute` input; `target` is T5's decoder text. */
export const attentionComputeSchema = z
  .object({ modelId: modelIdSchema, text: textSchema, target: textSchema.optional() })
  .strict();

/** `attention:compute` output. */
export const attentionResultSchema = z.object({
  family: trainFamilySchema,
  tokens: tokensSchema,
  /** The text (or target) was longer than the model's context and was cut. */
  truncated: z.boolean(),
  /** Words the vocabulary does not know (they read as [UNK]), each once, in order. */
  unknownWords: z.array(z.string().max(1000)).max(8192),
  attention: attentionMapsSchema,
});
export type AttentionResult = z.infer<typeof attentionResultSchema>;

/** A candidate token with the model's probability for it. */
const candidateSchema = z.object({ id: z.number().int(), token: tokenSchema, probability: z.number() });
const topKSchema = z.number().int().min(1).max(100).default(5);

/** `predict:masked` input: BERT's guesses at each `[MASK]` of `text`, or at the token `positions` given. */
export const predictMaskedSchema = z
  .object({
    modelId: modelIdSchema,
    text: textSchema,
    /** Positions in `tokens` ([CLS] is 0); default: every [MASK]. */
    positions: z.array(z.number().int().nonnegative().max(8191)).min(1).max(512).optional(),
    topK: topKSchema,
  })
  .strict();

/** `predict:masked` output. */
export const maskedPredictionSchema = z.object({
  tokens: tokenListSchema,
  truncated: z.boolean(),
  unknownWords: z.array(z.string().max(1000)).max(8192),
  predictions: z.array(z.object({ position: z.number().int(), candidates: z.array(candidateSchema) })),
  attention: attentionMapsSchema,
});

/** `predict:next` input: GPT's next token after `text`; T5's next target token after `target` for `text`. */
export const predictNextSchema = z
  .object({ modelId: modelIdSchema, text: textSchema, target: textSchema.optional(), topK: topKSchema })
  .strict();

/** `predict:next` output. */
export const nextPredictionSchema = z.object({
  family: trainFamilySchema,
  tokens: tokensSchema,
  truncated: z.boolean(),
  unknownWords: z.array(z.string().max(1000)).max(8192),
  candidates: z.array(candidateSchema),
  attention: attentionMapsSchema,
});

/** `generate:run` input: GPT continues `prompt`; T5 decodes a target for it (e.g. fills "i <X> this <Y>"). */
export const generateRunSchema = z
  .object({
    modelId: modelIdSchema,
    prompt: textSchema,
    maxTokens: z.number().int().min(1).max(256).default(20),
    /** 0 = greedy. */
    temperature: z.number().min(0).max(100).default(1),
    /** 0 = all tokens. */
    topK: z.number().int().min(0).max(1_000_000).default(0),
    topP: z.number().gt(0).max(1).default(1),
    seed: seedSchema,
  })
  .strict();

/** One kind of attention of a single query row: [layer][head][key], flat. */
export const attentionRowsSchema = z
  .object({
    layers: count(96),
    heads: count(128),
    keys: count(8192),
    values: z.array(z.number()).max(maxAttentionValues),
  })
  .refine((s) => s.values.length === s.layers * s.heads * s.keys, {
    message: 'values must hold layers × heads × keys numbers',
    path: ['values'],
  });

/** `generate:run` output. */
export const generationSchema = z.object({
  family: trainFamilySchema,
  /** GPT: `<bos>`, prompt and generated tokens in `input`; T5: encoder tokens in `input`, decoder in `target`. */
  tokens: tokensSchema,
  truncated: z.boolean(),
  unknownWords: z.array(z.string().max(1000)).max(8192),
  stoppedBy: z.enum(['eos', 'final-sentinel', 'max-tokens', 'context']),
  /**
   * One entry per generated token: the token at decoder `position`, chosen by query row `query`
   * (= position − 1, the newest token when it was chosen), with that row's attention: `decoder` over keys
   * 0…query (the causal mask hides the rest) and, for T5, `cross` over the input tokens.
   */
  steps: z.array(
    z.object({
      id: z.number().int(),
      token: tokenSchema,
      probability: z.number(),
      position: z.number().int().positive(),
      query: z.number().int().nonnegative(),
      decoder: attentionRowsSchema,
      cross: attentionRowsSchema.optional(),
    }),
  ),
  /** The attention over the final sequence (encoder too, for T5). */
  attention: attentionMapsSchema,
});

export type ModelOpenInput = z.input<typeof modelOpenSchema>;
export type AttentionComputeInput = z.input<typeof attentionComputeSchema>;
export type GenerateRunInput = z.input<typeof generateRunSchema>;
export type Generation = z.infer<typeof generationSchema>;
