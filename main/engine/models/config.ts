/**
 * Model configuration: the three families, the `tiny` and `small` presets, and validation.
 *
 * Design choices (documented here because every model file follows them):
 * - BERT: learned absolute positions + two segment embeddings, LayerNorm, post-norm by default, GELU MLP, MLM
 *   head (dense → GELU → LayerNorm → logits tied to the token embedding + a bias), optional next-sentence head.
 * - GPT: learned absolute positions, LayerNorm, pre-norm by default, GELU MLP, final LayerNorm, tied output.
 * - T5: like the original T5 and the PyTorch anchor (`shared/bench/torch_ref.py`): no absolute positions but a
 *   bucketed *relative position bias* (32 buckets, max distance 128) computed once per stack and shared by its
 *   layers, RMSNorm, pre-norm by default, no biases in linear layers, unscaled dot products (T5 folds 1/√d into
 *   the initialisation), ReLU MLP, one embedding shared by encoder, decoder and the tied output (scaled by
 *   d_model^-0.5). `layers` counts encoder layers, `decoderLayers` decoder layers.
 * No dropout anywhere: the lab's models are small and train for minutes, and determinism helps the lessons.
 */
import { LabError } from '../../../shared/contract/errors';

/** The three Transformer families of the chapter. */
export const modelFamilies = ['bert', 't5', 'gpt'] as const;
/** encoder-only (bert), encoder–decoder (t5), decoder-only (gpt). */
export type ModelFamily = (typeof modelFamilies)[number];

/** Where each block normalises: before each sublayer (GPT-2) or after each residual sum (original/BERT). */
export type NormPlacement = 'pre' | 'post';

/** Every size and switch of a model. */
export interface ModelConfig {
  family: ModelFamily;
  vocabSize: number;
  dModel: number;
  heads: number;
  /** Blocks (the encoder's for T5). */
  layers: number;
  /** Hidden width of each feed-forward block. */
  dFf: number;
  /** Longest sequence (for T5: the longest input and the longest target). */
  maxLength: number;
  norm: NormPlacement;
  /** BERT only: add the next-sentence head on [CLS] and its loss. */
  nextSentence?: boolean;
  /** T5 only: decoder blocks (defaults to `layers`). */
  decoderLayers?: number;
}

/** Named sizes. */
export const presetNames = ['tiny', 'small'] as const;
/** `tiny` trains in minutes on a laptop CPU; `small` is four times wider in compute. */
export type PresetName = (typeof presetNames)[number];

type Sizes = Pick<ModelConfig, 'vocabSize' | 'dModel' | 'heads' | 'layers' | 'dFf' | 'maxLength'>;

/** The sizes of each preset (the same as the PyTorch anchor's `tiny` and `small`). */
export const presets: Readonly<Record<PresetName, Readonly<Sizes>>> = {
  tiny: { layers: 2, dModel: 128, heads: 4, dFf: 512, maxLength: 64, vocabSize: 4096 },
  small: { layers: 4, dModel: 256, heads: 8, dFf: 1024, maxLength: 128, vocabSize: 8192 },
};

/** Default norm placement per family: BERT post-norm (as published), GPT-2 and T5 pre-norm. */
export const defaultNorm: Readonly<Record<ModelFamily, NormPlacement>> = {
  bert: 'post',
  t5: 'pre',
  gpt: 'pre',
};

/** Upper limits that keep a mistyped size from exhausting memory. */
export const configLimits = {
  vocabSize: 1_000_000,
  dModel: 8192,
  heads: 128,
  layers: 96,
  dFf: 65_536,
  maxLength: 8192,
} as const;

/** A preset's configuration for `family`, with `overrides` applied and validated. */
export function modelConfig(
  family: ModelFamily,
  preset: PresetName = 'tiny',
  overrides: Partial<Omit<ModelConfig, 'family'>> = {},
): ModelConfig {
  const sizes = presets[preset];
  if (!sizes)
    throw new LabError('invalid-argument', `Unknown preset "${String(preset)}": use tiny or small.`);
  const config: ModelConfig = { family, ...sizes, norm: defaultNorm[family], ...overrides };
  config.family = family;
  if (family === 'bert') config.nextSentence ??= false;
  if (family === 't5') config.decoderLayers ??= config.layers; // as many decoder as encoder blocks
  validateConfig(config);
  return config;
}

function checkInt(name: keyof typeof configLimits, value: unknown, min = 1): void {
  const max = configLimits[name];
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new LabError(
      'invalid-argument',
      `${name} must be a whole number from ${min} to ${max}; got ${String(value)}.`,
    );
  }
}

/** Throws `invalid-argument` with a readable message when a configuration cannot build a model. */
export function validateConfig(config: ModelConfig): void {
  if (!modelFamilies.includes(config.family)) {
    throw new LabError(
      'invalid-argument',
      `Unknown model family "${String(config.family)}": use bert, t5 or gpt.`,
    );
  }
  checkInt('vocabSize', config.vocabSize, 2);
  checkInt('dModel', config.dModel);
  checkInt('heads', config.heads);
  checkInt('layers', config.layers);
  checkInt('dFf', config.dFf);
  checkInt('maxLength', config.maxLength, 2);
  if (config.dModel % config.heads !== 0) {
    throw new LabError(
      'invalid-argument',
      `dModel (${config.dModel}) must be divisible by heads (${config.heads}) so every head gets the same width.`,
    );
  }
  if (config.norm !== 'pre' && config.norm !== 'post') {
    throw new LabError('invalid-argument', `norm must be "pre" or "post"; got "${String(config.norm)}".`);
  }
  if (config.family === 't5' && config.decoderLayers !== undefined) checkInt('layers', config.decoderLayers);
  if (config.family !== 't5' && config.decoderLayers !== undefined) {
    throw new LabError('invalid-argument', 'decoderLayers only applies to the T5 (encoder–decoder) family.');
  }
  if (config.family !== 'bert' && config.nextSentence) {
    throw new LabError('invalid-argument', 'The next-sentence head only applies to the BERT family.');
  }
}

/** Decoder blocks of a T5 configuration. */
export function decoderLayerCount(config: ModelConfig): number {
  return config.decoderLayers ?? config.layers;
}
