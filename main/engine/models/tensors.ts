/**
 * From a batch's plain arrays to the tensors the models read: checked token ids, embeddings with positions,
 * mask biases (built from the shared mask functions the renderer draws) and optional loss weights.
 */
import * as tf from '@tensorflow/tfjs';
import { causalMask, validFlags } from '../../../shared/attention/masks';
import { LabError } from '../../../shared/contract/errors';
import { embed } from '../ops';
import { maskBias } from './attention';
import type { ModelFamily } from './config';
import type { ModelInput } from './model';

/** Throws when `input` belongs to another family than the model (a programming error, not a user one). */
export function assertFamily<F extends ModelFamily>(
  input: ModelInput,
  family: F,
): asserts input is Extract<ModelInput, { family: F }> {
  if (input.family !== family) throw new Error(`A ${family} model got a ${input.family} batch`);
}

/** Checks a sequence length against the model's context; `invalid-argument` when it does not fit. */
export function checkLength(length: number, maxLength: number, what: string): void {
  if (!Number.isInteger(length) || length < 1 || length > maxLength) {
    throw new LabError(
      'invalid-argument',
      `The ${what} is ${length} tokens long but this model reads 1 to ${maxLength} tokens.`,
    );
  }
}

/** `ids` as an int32 tensor [n], after checking its size and that every id is inside `limit`. */
export function checkedIds(ids: Int32Array, expected: number, limit: number, what: string): tf.Tensor1D {
  if (ids.length !== expected) throw new Error(`The ${what} has ${ids.length} ids; expected ${expected}`);
  for (const id of ids) {
    if (!(id >= 0 && id < limit)) {
      throw new LabError(
        'invalid-argument',
        `The ${what} contains token id ${id}, outside this model's vocabulary of ${limit} tokens.`,
      );
    }
  }
  return tf.tensor1d(ids, 'int32');
}

/** Token embeddings plus learned positions 0 … length-1: ids [b * t] → [b * t, d]. */
export function embedWithPositions(
  ids: tf.Tensor1D,
  tokenTable: tf.Tensor2D,
  positionTable: tf.Tensor2D,
  batch: number,
  length: number,
  maxLength: number,
): tf.Tensor2D {
  checkLength(length, maxLength, 'sequence');
  const d = tokenTable.shape[1];
  const tokens = tf.reshape(embed(ids, tokenTable), [batch, length, d]);
  // A slice (not a gather) of the position table: its gradient is a cheap pad on every backend.
  const positions = tf.slice(positionTable, [0, 0], [length, d]); // [t, d], broadcast over the batch
  return tf.reshape(tf.add(tokens, positions), [batch * length, d]);
}

/** Additive causal bias [t, t]: 0 on and below the diagonal, masked above it. */
export function causalBias(length: number): tf.Tensor2D {
  const mask = causalMask(length);
  return maskBias(tf.tensor2d(mask.data, [length, length], 'float32')) as tf.Tensor2D;
}

/**
 * Additive key-padding bias [b, 1, 1, tk] from each row's count of real tokens (undefined when there is no
 * padding), broadcast over heads and queries: no query attends to a padding key.
 */
export function paddingBias(
  validLength: Int32Array | undefined,
  batch: number,
  keyLength: number,
): tf.Tensor4D | undefined {
  if (!validLength) return undefined;
  if (validLength.length !== batch)
    throw new Error(`validLength has ${validLength.length} rows, not ${batch}`);
  const flags = new Float32Array(batch * keyLength);
  validLength.forEach((valid, row) => {
    if (!(valid >= 1 && valid <= keyLength)) {
      throw new LabError(
        'invalid-argument',
        `Row ${row} has ${valid} real tokens; expected 1 to ${keyLength}.`,
      );
    }
    flags.set(validFlags(valid, keyLength), row * keyLength);
  });
  return maskBias(tf.tensor4d(flags, [batch, 1, 1, keyLength])) as tf.Tensor4D;
}

/** Sums biases that may be absent (undefined when all are). */
export function addBiases(...biases: (tf.Tensor | undefined)[]): tf.Tensor | undefined {
  let total: tf.Tensor | undefined;
  for (const bias of biases) if (bias) total = total ? tf.add(total, bias) : bias;
  return total;
}

/** Optional per-position loss weights [n] as a tensor. */
export function optionalWeights(
  weights: Float32Array | undefined,
  expected: number,
): tf.Tensor1D | undefined {
  if (!weights) return undefined;
  if (weights.length !== expected) throw new Error(`${weights.length} weights for ${expected} positions`);
  return tf.tensor1d(weights, 'float32');
}
