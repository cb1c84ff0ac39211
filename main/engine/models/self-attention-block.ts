/**
 * The block BERT and GPT share (T5's differs: no biases, RMSNorm, cross-attention): multi-head self-attention,
 * then a GELU feed-forward, each a residual sublayer with its own layer norm, placed pre or post (config.norm).
 */
import type * as tf from '@tensorflow/tfjs';
import type { AttentionShape, AttentionWeights } from './attention';
import { attend, createAttention } from './attention';
import type { ModelConfig } from './config';
import type { FeedForward, Norm } from './layers';
import { applyFeedForward, createFeedForward, createNorm, residual } from './layers';
import type { WeightBuilder } from './weights';

/** One block's weights. */
export interface SelfAttentionBlock {
  attentionNorm: Norm;
  attention: AttentionWeights;
  feedForwardNorm: Norm;
  feedForward: FeedForward;
}

/**
 * Creates the weights of block `name` (e.g. `decoder.0`). `std` initialises every matrix, `outputStd` the two
 * projections that write into the residual stream (GPT-2 shrinks them with depth).
 */
export function createSelfAttentionBlock(
  builder: WeightBuilder,
  name: string,
  config: ModelConfig,
  init: { std: number; outputStd: number },
): SelfAttentionBlock {
  const { dModel, heads } = config;
  return {
    attentionNorm: createNorm(builder, `${name}.attentionNorm`, dModel, 'layer'),
    attention: createAttention(builder, `${name}.attention`, {
      dModel,
      heads,
      hasBias: true,
      isScaled: true,
      std: { query: init.std, key: init.std, value: init.std, output: init.outputStd },
    }),
    feedForwardNorm: createNorm(builder, `${name}.feedForwardNorm`, dModel, 'layer'),
    feedForward: createFeedForward(builder, `${name}.feedForward`, config, {
      activation: 'gelu',
      hasBias: true,
      std: init.std,
      outputStd: init.outputStd,
    }),
  };
}

/**
 * Runs `blocks` over the hidden states x [b * t, d] with attention `bias` (causal or padding, broadcast);
 * returns the new states and every layer's attention probabilities [b, h, t, t].
 */
export function runSelfAttentionBlocks(
  blocks: readonly SelfAttentionBlock[],
  x: tf.Tensor2D,
  placement: ModelConfig['norm'],
  shape: AttentionShape,
  bias?: tf.Tensor,
): { hidden: tf.Tensor2D; attention: tf.Tensor4D[] } {
  const attention: tf.Tensor4D[] = [];
  let hidden = x;
  for (const block of blocks) {
    hidden = residual(hidden, placement, block.attentionNorm, (h) => {
      const result = attend(block.attention, h, h, shape, bias);
      attention.push(result.probabilities); // [b, h, t, t]
      return result.output;
    });
    hidden = residual(hidden, placement, block.feedForwardNorm, (h) =>
      applyFeedForward(block.feedForward, h),
    );
  }
  return { hidden, attention };
}
