/**
 * Encoder-only Transformer (BERT): token + learned position + segment embeddings → LayerNorm → blocks of
 * bidirectional self-attention (padding masked) and a GELU feed-forward (post-norm by default) → the masked-LM
 * head (dense → GELU → LayerNorm → logits through the token embedding + a bias), and optionally the
 * next-sentence head (tanh pooler on [CLS] → 2 classes).
 */
import * as tf from '@tensorflow/tfjs';
import { LabError } from '../../../shared/contract/errors';
import { crossEntropy, embed, tiedLogits } from '../ops';
import type { ModelConfig } from './config';
import type { Linear } from './layers';
import { applyLinear, applyNorm, createLinear, createNorm, gelu } from './layers';
import type { BertInput, ForwardResult, ModelBatch, ModelInput, TransformerModel } from './model';
import { createSelfAttentionBlock, runSelfAttentionBlocks } from './self-attention-block';
import { assertFamily, checkedIds, embedWithPositions, paddingBias } from './tensors';
import { disposeWeights, WeightBuilder } from './weights';

const initStd = 0.02;

/** A BERT that also exposes its final hidden states (for fine-tuning heads on [CLS] or on every token). */
export interface BertModel extends TransformerModel {
  /** The last encoder layer's output [batchSize, length, dModel]; position 0 is [CLS] (call inside `tf.tidy`). */
  hiddenStates(input: BertInput): tf.Tensor3D;
}

/** `model` as a {@link BertModel}; throws `wrong-model-family` for a GPT or T5. */
export function asBertModel(model: TransformerModel): BertModel {
  if (model.config.family !== 'bert' || !('hiddenStates' in model)) {
    throw new LabError('wrong-model-family', 'This needs a BERT (encoder-only) checkpoint.');
  }
  return model as BertModel;
}

/** Builds a BERT with seeded N(0, 0.02²) weights (as in the original). */
export function createBert(config: ModelConfig, seed: number): BertModel {
  const { vocabSize, dModel, layers, maxLength } = config;
  const builder = new WeightBuilder(seed);
  const tokenTable = builder.normal<tf.Rank.R2>('embedding.token', [vocabSize, dModel], initStd);
  const positionTable = builder.normal<tf.Rank.R2>('embedding.position', [maxLength, dModel], initStd);
  const segmentTable = builder.normal<tf.Rank.R2>('embedding.segment', [2, dModel], initStd);
  const embeddingNorm = createNorm(builder, 'embedding.norm', dModel, 'layer');
  const blocks = Array.from({ length: layers }, (_, i) =>
    createSelfAttentionBlock(builder, `encoder.${i}`, config, { std: initStd, outputStd: initStd }),
  );
  const finalNorm = config.norm === 'pre' ? createNorm(builder, 'encoder.finalNorm', dModel, 'layer') : null;
  const mlm = {
    transform: createLinear(builder, 'mlm.transform', dModel, dModel, { std: initStd, hasBias: true }),
    norm: createNorm(builder, 'mlm.norm', dModel, 'layer'),
    bias: builder.zeros<tf.Rank.R1>('mlm.bias', [vocabSize]),
  };
  const nsp: { pooler: Linear; classifier: Linear } | null = config.nextSentence
    ? {
        pooler: createLinear(builder, 'nextSentence.pooler', dModel, dModel, { std: initStd, hasBias: true }),
        classifier: createLinear(builder, 'nextSentence.classifier', dModel, 2, {
          std: initStd,
          hasBias: true,
        }),
      }
    : null;

  /** Hidden states [b * t, d] and the self-attention of every layer. */
  function run(input: BertInput): { hidden: tf.Tensor2D; attention: tf.Tensor4D[] } {
    const { batchSize: batch, length } = input;
    const rows = batch * length;
    const ids = checkedIds(input.input, rows, vocabSize, 'input');
    let x = embedWithPositions(ids, tokenTable, positionTable, batch, length, maxLength); // [b * t, d]
    if (input.segments)
      x = tf.add(x, embed(checkedIds(input.segments, rows, 2, 'segment ids'), segmentTable));
    else x = tf.add(x, tf.slice(segmentTable, [0, 0], [1, dModel])); // every token in segment 0
    x = applyNorm(embeddingNorm, x);
    const bias = paddingBias(input.validLength, batch, length); // [b, 1, 1, t] or none
    const shape = { batch, queryLength: length, keyLength: length };
    const { hidden, attention } = runSelfAttentionBlocks(blocks, x, config.norm, shape, bias);
    return { hidden: finalNorm ? applyNorm(finalNorm, hidden) : hidden, attention };
  }

  /** Masked-LM logits for hidden rows [n, d] → [n, V]. */
  function mlmLogits(hidden: tf.Tensor2D): tf.Tensor2D {
    const transformed = applyNorm(mlm.norm, gelu(applyLinear(mlm.transform, hidden)));
    return tf.add(tiedLogits(transformed, tokenTable), mlm.bias);
  }

  /** Next-sentence logits [b, 2] from the [CLS] (first) position of each row. */
  function nextSentenceLogits(hidden: tf.Tensor2D, batch: number, length: number): tf.Tensor2D | undefined {
    if (!nsp) return undefined;
    const cls = tf.reshape(
      tf.slice(tf.reshape(hidden, [batch, length, dModel]), [0, 0, 0], [batch, 1, dModel]),
      [batch, dModel],
    ) as tf.Tensor2D;
    return applyLinear(nsp.classifier, tf.tanh(applyLinear(nsp.pooler, cls)));
  }

  return {
    config,
    weights: builder.weights,
    loss(batch: ModelBatch): tf.Scalar {
      assertFamily(batch, 'bert');
      const { batchSize, length, labels } = batch;
      const { hidden } = run(batch);
      // Only the predicted positions go through the vocabulary projection (about 15 % of them), which is
      // where most of the compute would otherwise go.
      if (labels.length !== batchSize * length) throw new Error('labels do not match the batch shape');
      const rows: number[] = [];
      const targets: number[] = [];
      labels.forEach((label, row) => {
        if (label >= 0) {
          rows.push(row);
          targets.push(label);
        }
      });
      const hasTargets = rows.length > 0;
      // With nothing to predict, one weight-0 row keeps the loss connected to the weights (its value is 0).
      const picked = embed(tf.tensor1d(hasTargets ? rows : [0], 'int32'), hidden); // [m, d]
      const targetIds = checkedIds(
        Int32Array.from(hasTargets ? targets : [0]),
        picked.shape[0],
        vocabSize,
        'labels',
      );
      const weights = hasTargets ? undefined : (tf.zeros([1]) as tf.Tensor1D);
      let loss = crossEntropy(mlmLogits(picked), targetIds, weights);
      if (batch.nextSentence) {
        if (!nsp)
          throw new LabError(
            'invalid-argument',
            'This BERT has no next-sentence head (nextSentence is off).',
          );
        const logits = nextSentenceLogits(hidden, batchSize, length) as tf.Tensor2D;
        loss = tf.add(
          loss,
          crossEntropy(logits, checkedIds(batch.nextSentence, batchSize, 2, 'next-sentence labels')),
        );
      }
      return loss;
    },
    forward(input: ModelInput): ForwardResult {
      assertFamily(input, 'bert');
      const { batchSize, length } = input;
      const { hidden, attention } = run(input);
      const logits = tf.reshape(mlmLogits(hidden), [batchSize, length, vocabSize]) as tf.Tensor3D;
      const nextSentence = nextSentenceLogits(hidden, batchSize, length);
      return {
        logits,
        attention: { encoder: attention },
        ...(nextSentence ? { nextSentenceLogits: nextSentence } : {}),
      };
    },
    hiddenStates(input: BertInput): tf.Tensor3D {
      const { batchSize, length } = input;
      return tf.reshape(run(input).hidden, [batchSize, length, dModel]) as tf.Tensor3D;
    },
    dispose: () => disposeWeights(builder.weights),
  };
}
