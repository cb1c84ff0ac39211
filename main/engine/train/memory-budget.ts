/**
 * A training run's memory, estimated before any tensor exists, so a request the schema accepts but the
 * backend cannot hold (the wasm heap stops at a few GB and then aborts the whole process) fails with a
 * sentence instead of a crash.
 *
 * bytes ≈ 16 × parameters (weights, gradients, AdamW's two moments; float32)
 *       + tokens × layers × (dModel × 48 + dFf × 12 + heads × keys × 12) × 4  (activations kept for backprop)
 *       + predicted positions × vocab × 4 × 6                                 (logits, softmax, their gradients)
 * where tokens = batch × maxLength and keys = maxLength; T5's decoder adds its targets (a quarter as long) with
 * 1.5 × its layers (cross-attention) over targets + inputs as keys, and predicts only the targets; BERT
 * predicts only ~15 % of positions.
 * The factors were calibrated on the wasm backend by the size of its heap after two training steps (batch 16;
 * MB measured / estimated): GPT tiny 248/230, small 1627/1617; BERT tiny 207/149, small 1465/1291; T5 small
 * 1325/1860; GPT tiny at batch 64 920/878. The heap grows in steps of up to 20 %, so it overstates the need a
 * little; the estimate is within about 30 % either way, and the budgets leave more room than that.
 */
import { LabError } from '../../../shared/contract/errors';
import type { ModelConfig } from '../models/config';
import { t5TargetLength } from './batches';

/** Live float32 copies of each block's `dModel`-wide activations (inputs, norms, q/k/v, outputs, grads). */
export const dModelFactor = 48;
/** Copies of each block's `dFf`-wide activations (pre- and post-activation and their gradients). */
export const dFfFactor = 12;
/** Copies of each attention matrix row (scores, softmax, mask and their gradients). */
export const attentionFactor = 12;
/** Copies of the logits (logits, softmax, gradient). */
export const logitsFactor = 6;
/** Fraction of positions BERT's masked-LM head predicts. */
export const bertMaskedFraction = 0.15;

/**
 * The most a run may need per backend. The wasm heap cannot pass 4 GB (emscripten's heap maximum; beyond it
 * the process aborts), so wasm keeps a quarter of it spare — enough for every preset at batch 16 (GPT small
 * measured 1.6 GB) and not for GPT small at batch 64 (about 6.4 GB;
 * it aborted the engine). The cpu and native backends allocate
 * outside that heap and get more.
 */
export const memoryBudgets: Readonly<Record<string, number>> = {
  wasm: 3 * 2 ** 30,
  cpu: 6 * 2 ** 30,
  tensorflow: 6 * 2 ** 30,
};
const defaultBudget = 6 * 2 ** 30;

/** Trainable parameters of `config` (an estimate: biases and norms are ignored, they are tiny). */
export function estimateParameters(config: ModelConfig): number {
  const { dModel: d, dFf, vocabSize, maxLength } = config;
  const block = 4 * d * d + 2 * d * dFf; // attention projections + feed-forward
  const embeddings = vocabSize * d + (config.family === 't5' ? 0 : maxLength * d);
  if (config.family === 't5') {
    const decoder = config.decoderLayers ?? config.layers;
    return embeddings + config.layers * block + decoder * (block + 4 * d * d); // + cross-attention
  }
  return embeddings + config.layers * block + (config.family === 'bert' ? d * d : 0); // BERT's MLM dense
}

/** Activation bytes of `blocks` blocks over `tokens` tokens, each attending to `keys` positions. */
function blockActivations(config: ModelConfig, tokens: number, blocks: number, keys: number): number {
  const { dModel, dFf, heads } = config;
  return tokens * blocks * (dModel * dModelFactor + dFf * dFfFactor + heads * keys * attentionFactor) * 4;
}

/** Estimated peak bytes of one training step of `config` on batches of `batchSize`. */
export function estimateTrainingBytes(config: ModelConfig, batchSize: number): number {
  const { maxLength, vocabSize } = config;
  const tokens = batchSize * maxLength;
  let activations = blockActivations(config, tokens, config.layers, maxLength);
  let predicted = config.family === 'bert' ? Math.ceil(tokens * bertMaskedFraction) : tokens;
  if (config.family === 't5') {
    // The decoder reads targets a quarter of the input long; its blocks also attend to the whole input.
    const targetLength = t5TargetLength(maxLength);
    const targets = batchSize * targetLength;
    const decoderLayers = config.decoderLayers ?? config.layers;
    activations += blockActivations(config, targets, decoderLayers * 1.5, targetLength + maxLength);
    predicted = targets;
  }
  const logits = predicted * vocabSize * 4 * logitsFactor;
  return 16 * estimateParameters(config) + activations + logits;
}

const gib = (bytes: number): string => `${(bytes / 2 ** 30).toFixed(1)} GB`;

/**
 * Throws `invalid-argument` when a run of `config` with `batchSize` would not fit the memory budget of
 * `backend`, telling the student what to reduce. Training and fine-tuning both call it before building a model.
 */
export function assertFitsMemory(config: ModelConfig, batchSize: number, backend: string): void {
  const bytes = estimateTrainingBytes(config, batchSize);
  const budget = memoryBudgets[backend] ?? defaultBudget;
  if (bytes <= budget) return;
  throw new LabError(
    'invalid-argument',
    `This run would need about ${gib(bytes)} of memory, more than the ${gib(budget)} the ${backend} backend ` +
      `can use: reduce the batch size (now ${batchSize}), the maximum length (${config.maxLength}), ` +
      `the vocabulary, the width or the number of layers.`,
  );
}
