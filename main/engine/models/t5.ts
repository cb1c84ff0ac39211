/**
 * Encoder–decoder Transformer (T5 style). One embedding table serves encoder input, decoder input and the
 * tied output. Positions come from a learned relative position bias (one table per stack, shared by its
 * layers) instead of absolute position embeddings. Blocks use RMSNorm (pre-norm by default), linear layers
 * without biases, unscaled dot products and a ReLU feed-forward; decoder blocks add cross-attention to the
 * encoder's output between their causal self-attention and their feed-forward.
 */
import * as tf from '@tensorflow/tfjs';
import { crossEntropy, embed, tiedLogits } from '../ops';
import type { AttentionWeights } from './attention';
import { attend, createAttention } from './attention';
import type { ModelConfig } from './config';
import { decoderLayerCount } from './config';
import type { FeedForward, Norm } from './layers';
import { applyFeedForward, applyNorm, createFeedForward, createNorm, residual } from './layers';
import type { ForwardResult, ModelBatch, ModelInput, T5Input, TransformerModel } from './model';
import { relativeBuckets, relativePositionBias } from './relative-position';
import {
  addBiases,
  assertFamily,
  causalBias,
  checkedIds,
  checkLength,
  optionalWeights,
  paddingBias,
} from './tensors';
import type { WeightBuilder } from './weights';
import { disposeWeights, WeightBuilder as Builder } from './weights';

/** One encoder or decoder block's weights (`cross` only in the decoder). */
interface T5Block {
  attentionNorm: Norm;
  attention: AttentionWeights;
  cross?: { norm: Norm; attention: AttentionWeights };
  feedForwardNorm: Norm;
  feedForward: FeedForward;
}

/** Attention with T5's initialisation: the 1/√dk of scaled dot products is folded into the query's spread. */
function createT5Attention(builder: WeightBuilder, name: string, config: ModelConfig): AttentionWeights {
  const { dModel, heads } = config;
  const dk = dModel / heads;
  return createAttention(builder, name, {
    dModel,
    heads,
    hasBias: false,
    isScaled: false,
    std: { query: (dModel * dk) ** -0.5, key: dModel ** -0.5, value: dModel ** -0.5, output: dModel ** -0.5 },
  });
}

function createBlock(builder: WeightBuilder, name: string, config: ModelConfig, isDecoder: boolean): T5Block {
  const { dModel, dFf } = config;
  return {
    attentionNorm: createNorm(builder, `${name}.attentionNorm`, dModel, 'rms'),
    attention: createT5Attention(builder, `${name}.attention`, config),
    ...(isDecoder
      ? {
          cross: {
            norm: createNorm(builder, `${name}.crossAttentionNorm`, dModel, 'rms'),
            attention: createT5Attention(builder, `${name}.crossAttention`, config),
          },
        }
      : {}),
    feedForwardNorm: createNorm(builder, `${name}.feedForwardNorm`, dModel, 'rms'),
    feedForward: createFeedForward(builder, `${name}.feedForward`, config, {
      activation: 'relu',
      hasBias: false,
      std: dModel ** -0.5,
      outputStd: dFf ** -0.5,
    }),
  };
}

/** Builds a T5 with seeded weights (T5's initialisation: embeddings N(0, 1), projections scaled by fan-in). */
export function createT5(config: ModelConfig, seed: number): TransformerModel {
  const { vocabSize, dModel, heads, layers, maxLength } = config;
  const builder = new Builder(seed);
  const tokenTable = builder.normal<tf.Rank.R2>('embedding.token', [vocabSize, dModel], 1);
  const encoderPositions = builder.normal<tf.Rank.R2>(
    'encoder.relativePosition',
    [relativeBuckets, heads],
    dModel ** -0.5,
  );
  const decoderPositions = builder.normal<tf.Rank.R2>(
    'decoder.relativePosition',
    [relativeBuckets, heads],
    dModel ** -0.5,
  );
  const encoder = Array.from({ length: layers }, (_, i) =>
    createBlock(builder, `encoder.${i}`, config, false),
  );
  const decoder = Array.from({ length: decoderLayerCount(config) }, (_, i) =>
    createBlock(builder, `decoder.${i}`, config, true),
  );
  const isPre = config.norm === 'pre';
  const encoderNorm = isPre ? createNorm(builder, 'encoder.finalNorm', dModel, 'rms') : null;
  const decoderNorm = isPre ? createNorm(builder, 'decoder.finalNorm', dModel, 'rms') : null;

  /** Decoder hidden states [b * tt, d] and the three kinds of attention. */
  function run(input: T5Input): {
    hidden: tf.Tensor2D;
    encoder: tf.Tensor4D[];
    decoder: tf.Tensor4D[];
    cross: tf.Tensor4D[];
  } {
    const { batchSize: batch, inputLength, targetLength } = input;
    checkLength(inputLength, maxLength, 'input');
    checkLength(targetLength, maxLength, 'target');
    const inputIds = checkedIds(input.input, batch * inputLength, vocabSize, 'input');
    const decoderIds = checkedIds(input.decoderInput, batch * targetLength, vocabSize, 'decoder input');
    const padding = paddingBias(input.inputValidLength, batch, inputLength); // [b, 1, 1, ti] or none
    const attention = {
      encoder: [] as tf.Tensor4D[],
      decoder: [] as tf.Tensor4D[],
      cross: [] as tf.Tensor4D[],
    };

    // Encoder: bidirectional self-attention over the input.
    const encoderBias = addBiases(
      relativePositionBias(encoderPositions, inputLength, inputLength, true),
      padding,
    );
    const encoderShape = { batch, queryLength: inputLength, keyLength: inputLength };
    let x = embed(inputIds, tokenTable); // [b * ti, d]
    for (const block of encoder) {
      x = residual(x, config.norm, block.attentionNorm, (h) => {
        const result = attend(block.attention, h, h, encoderShape, encoderBias);
        attention.encoder.push(result.probabilities); // [b, h, ti, ti]
        return result.output;
      });
      x = residual(x, config.norm, block.feedForwardNorm, (h) => applyFeedForward(block.feedForward, h));
    }
    const memory = encoderNorm ? applyNorm(encoderNorm, x) : x; // [b * ti, d]

    // Decoder: causal self-attention, then cross-attention to every valid input token.
    const decoderBias = addBiases(
      relativePositionBias(decoderPositions, targetLength, targetLength, false),
      causalBias(targetLength),
    );
    const selfShape = { batch, queryLength: targetLength, keyLength: targetLength };
    const crossShape = { batch, queryLength: targetLength, keyLength: inputLength };
    let y = embed(decoderIds, tokenTable); // [b * tt, d]
    for (const block of decoder) {
      y = residual(y, config.norm, block.attentionNorm, (h) => {
        const result = attend(block.attention, h, h, selfShape, decoderBias);
        attention.decoder.push(result.probabilities); // [b, h, tt, tt]
        return result.output;
      });
      const cross = block.cross;
      if (cross) {
        y = residual(y, config.norm, cross.norm, (h) => {
          const result = attend(cross.attention, h, memory, crossShape, padding);
          attention.cross.push(result.probabilities); // [b, h, tt, ti]
          return result.output;
        });
      }
      y = residual(y, config.norm, block.feedForwardNorm, (h) => applyFeedForward(block.feedForward, h));
    }
    const normed = decoderNorm ? applyNorm(decoderNorm, y) : y;
    // T5 rescales before the tied output so logits keep unit scale with N(0, 1) embeddings.
    return { hidden: tf.mul(normed, dModel ** -0.5), ...attention };
  }

  return {
    config,
    weights: builder.weights,
    loss(batch: ModelBatch): tf.Scalar {
      assertFamily(batch, 't5');
      const { hidden } = run(batch);
      const rows = batch.batchSize * batch.targetLength;
      const target = checkedIds(batch.target, rows, vocabSize, 'target');
      return crossEntropy(tiedLogits(hidden, tokenTable), target, optionalWeights(batch.targetWeights, rows));
    },
    forward(input: ModelInput): ForwardResult {
      assertFamily(input, 't5');
      const { hidden, ...attention } = run(input);
      const logits = tf.reshape(tiedLogits(hidden, tokenTable), [
        input.batchSize,
        input.targetLength,
        vocabSize,
      ]);
      return { logits: logits as tf.Tensor3D, attention };
    },
    dispose: () => disposeWeights(builder.weights),
  };
}
