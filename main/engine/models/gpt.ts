/**
 * Decoder-only Transformer (GPT-2 style): token + learned position embeddings → blocks of causal
 * self-attention and a GELU feed-forward (pre-norm by default) → final LayerNorm → logits through the token
 * embedding (weight tying: the same matrix reads tokens in and writes them out, saving V × d parameters).
 */
import type * as tf from '@tensorflow/tfjs';
import { crossEntropy, tiedLogits } from '../ops';
import type { AttentionWeights } from './attention';
import { attend, createAttention } from './attention';
import type { ModelConfig } from './config';
import type { FeedForward, Norm } from './layers';
import { applyFeedForward, applyNorm, createFeedForward, createNorm, residual } from './layers';
import type { ForwardResult, ModelBatch, ModelInput, TransformerModel } from './model';
import { assertFamily, causalBias, checkedIds, embedWithPositions, optionalWeights } from './tensors';
import { disposeWeights, WeightBuilder } from './weights';

/** One decoder block's weights. */
interface GptBlock {
  attentionNorm: Norm;
  attention: AttentionWeights;
  feedForwardNorm: Norm;
  feedForward: FeedForward;
}

const initStd = 0.02;

/** Builds a GPT with seeded N(0, 0.02²) weights; residual output projections are scaled by 1/√(2·layers). */
export function createGpt(config: ModelConfig, seed: number): TransformerModel {
  const { vocabSize, dModel, heads, layers, maxLength } = config;
  const builder = new WeightBuilder(seed);
  const tokenTable = builder.normal<tf.Rank.R2>('embedding.token', [vocabSize, dModel], initStd);
  const positionTable = builder.normal<tf.Rank.R2>('embedding.position', [maxLength, dModel], initStd);
  // GPT-2: each block adds two projections to the residual stream, so their spread shrinks with depth.
  const residualStd = initStd / Math.sqrt(2 * layers);
  const blocks: GptBlock[] = [];
  for (let i = 0; i < layers; i++) {
    const name = `decoder.${i}`;
    blocks.push({
      attentionNorm: createNorm(builder, `${name}.attentionNorm`, dModel, 'layer'),
      attention: createAttention(builder, `${name}.attention`, {
        dModel,
        heads,
        hasBias: true,
        isScaled: true,
        std: { query: initStd, key: initStd, value: initStd, output: residualStd },
      }),
      feedForwardNorm: createNorm(builder, `${name}.feedForwardNorm`, dModel, 'layer'),
      feedForward: createFeedForward(builder, `${name}.feedForward`, config, {
        activation: 'gelu',
        hasBias: true,
        std: initStd,
        outputStd: residualStd,
      }),
    });
  }
  // With pre-norm the residual stream is never normalised inside the blocks, so it is normalised once at the end.
  const finalNorm = config.norm === 'pre' ? createNorm(builder, 'decoder.finalNorm', dModel, 'layer') : null;

  /** Hidden states [b * t, d] and the causal attention of every layer. */
  function run(input: ModelInput): { hidden: tf.Tensor2D; attention: tf.Tensor4D[] } {
    assertFamily(input, 'gpt');
    const { batchSize: batch, length } = input;
    const ids = checkedIds(input.input, batch * length, vocabSize, 'input');
    let x = embedWithPositions(ids, tokenTable, positionTable, batch, length, maxLength); // [b * t, d]
    const bias = causalBias(length); // [t, t], broadcast over batch and heads
    const shape = { batch, queryLength: length, keyLength: length };
    const attention: tf.Tensor4D[] = [];
    for (const block of blocks) {
      x = residual(x, config.norm, block.attentionNorm, (h) => {
        const result = attend(block.attention, h, h, shape, bias);
        attention.push(result.probabilities); // [b, h, t, t]
        return result.output;
      });
      x = residual(x, config.norm, block.feedForwardNorm, (h) => applyFeedForward(block.feedForward, h));
    }
    return { hidden: finalNorm ? applyNorm(finalNorm, x) : x, attention };
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
