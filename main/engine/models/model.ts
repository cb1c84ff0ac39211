/**
 * The interface every model family implements, and the batches it consumes. Batches are plain typed arrays
 * (row-major: row `b`, position `t` is index `b * length + t`) so trainers, objectives and tests never hold
 * tensors; the model turns them into tensors inside its own computations.
 */
import type * as tf from '@tensorflow/tfjs';
import { createBert } from './bert';
import type { ModelConfig } from './config';
import { validateConfig } from './config';
import { createGpt } from './gpt';
import { createT5 } from './t5';

/** GPT input: token ids [batchSize, length]. */
export interface GptInput {
  family: 'gpt';
  batchSize: number;
  length: number;
  input: Int32Array;
}

/** GPT training batch: `target` [batchSize, length] is the input shifted by one. */
export interface GptBatch extends GptInput {
  target: Int32Array;
  /** [batchSize, length] 1 where the target counts (0 for padding); all count when absent. */
  targetWeights?: Float32Array;
}

/** BERT input: token ids and segment ids (0 = first sentence, 1 = second) [batchSize, length]. */
export interface BertInput {
  family: 'bert';
  batchSize: number;
  length: number;
  input: Int32Array;
  /** [batchSize, length]; all 0 when absent. */
  segments?: Int32Array;
  /** [batchSize] real tokens per row; positions from there on are padding no query attends to. */
  validLength?: Int32Array;
}

/** BERT training batch. */
export interface BertBatch extends BertInput {
  /** [batchSize, length] the original token at each predicted position, -1 where nothing is predicted. */
  labels: Int32Array;
  /** [batchSize] 1 when sentence B really follows sentence A, 0 when random; needs `config.nextSentence`. */
  nextSentence?: Int32Array;
}

/** T5 input: encoder ids [batchSize, inputLength] and decoder ids [batchSize, targetLength]. */
export interface T5Input {
  family: 't5';
  batchSize: number;
  inputLength: number;
  targetLength: number;
  input: Int32Array;
  /** The target shifted right by one, starting with [PAD] (`vocab.padId`), T5's decoder start token. */
  decoderInput: Int32Array;
  /** [batchSize] real encoder tokens per row; the rest is padding no query attends to. */
  inputValidLength?: Int32Array;
}

/** T5 training batch. */
export interface T5Batch extends T5Input {
  /** [batchSize, targetLength] the tokens to predict. */
  target: Int32Array;
  /** [batchSize, targetLength] 1 where the target counts (0 for padding); all count when absent. */
  targetWeights?: Float32Array;
}

/** What `forward` accepts. */
export type ModelInput = GptInput | BertInput | T5Input;
/** What `loss` accepts. */
export type ModelBatch = GptBatch | BertBatch | T5Batch;

/** Attention probabilities per layer, each [batchSize, heads, query, key]; masked entries are exactly 0. */
export interface AttentionTensors {
  /** Encoder self-attention (BERT, T5). */
  encoder?: tf.Tensor4D[];
  /** Decoder causal self-attention (GPT, T5). */
  decoder?: tf.Tensor4D[];
  /** Decoder → encoder cross-attention (T5). */
  cross?: tf.Tensor4D[];
}

/** What `forward` returns (the caller owns the tensors: call it inside `tf.tidy`). */
export interface ForwardResult {
  /** [batchSize, length, vocabSize]: the MLM logits (BERT), next-token logits (GPT), target logits (T5). */
  logits: tf.Tensor3D;
  attention: AttentionTensors;
  /** BERT with `nextSentence`: [batchSize, 2] logits (0 = random, 1 = follows). */
  nextSentenceLogits?: tf.Tensor2D;
}

/** A Transformer of one family with its trainable weights. */
export interface TransformerModel {
  readonly config: ModelConfig;
  /**
   * Every trainable weight by a stable name (e.g. `decoder.0.attention.query.weight`); the optimizer and
   * checkpoints use these names. Tied weights appear once.
   */
  readonly weights: ReadonlyMap<string, tf.Variable>;
  /** Mean training loss of a batch (call it inside the optimizer's gradient function). */
  loss(batch: ModelBatch): tf.Scalar;
  /** Logits and every attention map, for inference (call it inside `tf.tidy`). */
  forward(input: ModelInput): ForwardResult;
  /** Frees every weight. */
  dispose(): void;
}

/** Trainable parameters of a model (tied weights counted once). */
export function countParameters(model: TransformerModel): number {
  let total = 0;
  for (const weight of model.weights.values()) total += weight.size;
  return total;
}

/**
 * Builds a freshly initialised model of `config.family`; the same config and seed give the same weights on
 * every backend. Throws `invalid-argument` for a configuration that cannot build a model.
 */
export function createModel(config: ModelConfig, seed: number): TransformerModel {
  validateConfig(config);
  switch (config.family) {
    case 'bert':
      return createBert(config, seed);
    case 't5':
      return createT5(config, seed);
    case 'gpt':
      return createGpt(config, seed);
  }
}
