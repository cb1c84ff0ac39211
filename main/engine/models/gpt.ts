/**
 * Decoder-only Transformer (GPT-2 style): token + learned position embeddings → blocks of causal
 * self-attention and a GELU feed-forward (pre-norm by default) → final LayerNorm → logits through the token
 * embedding (weight tying: the same matrix reads tokens in and writes them out, saving V × d parameters).
 */
import type * as tf from '@tensorflow/tfjs';
import { crossEntropy, tiedLogits } from '../ops';
import type { ModelConfig } from './config';
import { applyNorm, createNorm } from './layers';
import type { ForwardResult, ModelBatch, ModelInput, TransformerModel } from './model';
import { createSelfAttentionBlock, runSelfAttentionBlocks } from './self-attention-block';
import { assertFamily, causalBias, checkedIds, embedWithPositions, optionalWeights } from './tensors';
import { disposeWeights, WeightBuilder } from './weights';

const initStd = 0.02;

/** Builds a GPT with seeded N(0, 0.02²) weights; residual output projections are scaled by 1/√(2·layers). */
export function createGpt(config: ModelConfig, seed: number): TransformerModel {
  const { vocabSize, dModel, layers, maxLength } = config;
  const builder = new WeightBuilder(seed);
  const tokenTable = builder.normal<tf.Rank.R2>('embedding.token', [vocabSize, dModel], initStd);
  const positionTable = builder.normal<tf.Rank.R2>('embedding.position', [maxLength, dModel], initStd);
  // GPT-2: each block adds two projections to the residual stream, so their spread shrinks with depth.
  const residualStd = initStd / Math.sqrt(2 * layers);
  const blocks = Array.from({ length: layers }, (_, i) =>
    createSelfAttentionBlock(builder, `decoder.${i}`, config, { std: initStd, outputStd: residualStd }),
  );
  // With pre-norm the residual stream is never normalised inside the blocks, so it is normalised once at the end.
  const finalNorm = config.norm === 'pre' ? createNorm(builder, 'decoder.finalNorm', dModel, 'layer') : null;

  /** Hidden states [b * t, d] and the causal attention of every layer. */
  function run(input: ModelInput): { hidden: tf.Tensor2D; attention: tf.Tensor4D[] } {
    assertFamily(input, 'gpt');
    const { batchSize: batch, length } = input;
    const ids = checkedIds(input.input, batch * length, vocabSize, 'input');
    const x = embedWithPositions(ids, tokenTable, positionTable, batch, length, maxLength); // [b * t, d]
    const bias = causalBias(length); // [t, t], broadcast over batch and heads
    const shape = { batch, queryLength: length, keyLength: length };
    const { hidden, attention } = runSelfAttentionBlocks(blocks, x, config.norm, shape, bias);
    return { hidden: finalNorm ? applyNorm(finalNorm, hidden) : hidden, attention };
  }

  return {
    config,
    weights: builder.weights,
    loss(batch: ModelBatch): tf.Scalar {
      assertFamily(batch, 'gpt');
      const { hidden } = run(batch);
      const rows = batch.batchSize * batch.length;
      const target = checkedIds(batch.target, rows, vocabSize, 'target');
      return crossEntropy(tiedLogits(hidden, tokenTable), target, optionalWeights(batch.targetWeights, rows));
    },
    forward(input: ModelInput): ForwardResult {
      assertFamily(input, 'gpt');
      const { hidden, attention } = run(input);
      const logits = tiedLogits(hidden, tokenTable).reshape([input.batchSize, input.length, vocabSize]);
      return { logits: logits as tf.Tensor3D, attention: { decoder: attention } };
    },
    dispose: () => disposeWeights(builder.weights),
  };
}
