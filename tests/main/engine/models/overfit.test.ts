import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ModelFamily } from '../../../../main/engine/models/config';
import { modelConfig } from '../../../../main/engine/models/config';
import { createModel } from '../../../../main/engine/models/model';
import type { ModelBatch } from '../../../../main/engine/models/model';
import { maskTokens } from '../../../../shared/objectives/bert-masking';
import { shiftForNextToken } from '../../../../shared/objectives/gpt-shift';
import { corruptSpans } from '../../../../shared/objectives/t5-span-corruption';
import { createRng } from '../../../../shared/random';
import type { Vocabulary } from '../../../../shared/text/vocabulary';
import { sentences, tinyVocabulary } from './tiny-models';

/** One batch of the real objective for each family: rows padded with [PAD] to the longest. */
function objectiveBatch(family: ModelFamily, vocab: Vocabulary): ModelBatch {
  const rng = createRng(5);
  const rows = sentences.map((s) => vocab.encode(s));
  const pad = (ids: readonly number[], length: number, fill = 0): number[] => [
    ...ids,
    ...new Array<number>(length - ids.length).fill(fill),
  ];
  const flat = (lists: number[][]): Int32Array => Int32Array.from(lists.flat());
  if (family === 'gpt') {
    const shifted = rows.map((ids) => shiftForNextToken(ids, vocab));
    const length = Math.max(...shifted.map((s) => s.input.length));
    return {
      family,
      batchSize: rows.length,
      length,
      input: flat(shifted.map((s) => pad(s.input, length))),
      target: flat(shifted.map((s) => pad(s.target, length))),
      targetWeights: Float32Array.from(
        shifted.flatMap((s) =>
          pad(
            s.target.map(() => 1),
            length,
          ),
        ),
      ),
    };
  }
  if (family === 'bert') {
    const masked = rows.map((ids) =>
      maskTokens([vocab.clsId, ...ids, vocab.sepId], vocab, rng, { probability: 0.3 }),
    );
    const length = Math.max(...masked.map((m) => m.input.length));
    return {
      family,
      batchSize: rows.length,
      length,
      input: flat(masked.map((m) => pad(m.input, length))),
      labels: flat(masked.map((m) => pad(m.labels, length, -1))),
      validLength: Int32Array.from(masked.map((m) => m.input.length)),
    };
  }
  const corrupted = rows.map((ids) => corruptSpans(ids, vocab, rng));
  const inputLength = Math.max(...corrupted.map((c) => c.input.length));
  const targetLength = Math.max(...corrupted.map((c) => c.target.length));
  return {
    family,
    batchSize: rows.length,
    inputLength,
    targetLength,
    input: flat(corrupted.map((c) => pad(c.input, inputLength))),
    decoderInput: flat(corrupted.map((c) => pad([vocab.padId, ...c.target.slice(0, -1)], targetLength))),
    target: flat(corrupted.map((c) => pad(c.target, targetLength))),
    inputValidLength: Int32Array.from(corrupted.map((c) => c.input.length)),
    targetWeights: Float32Array.from(
      corrupted.flatMap((c) =>
        pad(
          c.target.map(() => 1),
          targetLength,
        ),
      ),
    ),
  };
}

const sum = (values: Float32Array): number => values.reduce((a, b) => a + b, 0);

describe('model training', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  for (const family of ['gpt', 'bert', 't5'] as const) {
    it(`${family} overfits one batch of its real objective to near-zero loss with Adam`, () => {
      const vocab = tinyVocabulary();
      const config = modelConfig(family, 'tiny', {
        vocabSize: vocab.size,
        dModel: 32,
        heads: 2,
        layers: 1,
        dFf: 64,
        maxLength: 16,
      });
      const model = createModel(config, 7);
      const batch = objectiveBatch(family, vocab);
      const optimizer = tf.train.adam(0.02);
      const variables = [...model.weights.values()];
      const losses: number[] = [];
      for (let step = 0; step < 150; step++) {
        const loss = optimizer.minimize(() => model.loss(batch), true, variables);
        losses.push(loss!.dataSync()[0]!);
        loss!.dispose();
      }
      expect(losses[0]).toBeGreaterThan(1);
      // GPT cannot know which of the sentences follows <bos>: its best first guess is 1/n each, so its loss
      // cannot go below n·ln(n) / (number of predicted positions). Everything else is learnable.
      const floor =
        batch.family === 'gpt'
          ? (batch.batchSize * Math.log(batch.batchSize)) / sum(batch.targetWeights!)
          : 0;
      expect(losses[losses.length - 1]).toBeLessThan(floor + 0.05);
      optimizer.dispose();
      model.dispose();
    });
  }
});
