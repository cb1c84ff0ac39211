import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEngine } from '../../../../main/engine/engine';
import type { LabeledSequence } from '../../../../main/engine/finetune/examples';
import { createHead, predictLabels, trainHead } from '../../../../main/engine/finetune/head';
import type { BertModel } from '../../../../main/engine/models/bert';
import { asBertModel } from '../../../../main/engine/models/bert';
import { createModel } from '../../../../main/engine/models/model';
import { tinyConfig, tinyVocabulary } from '../models/tiny-models';

const vocab = tinyVocabulary();
let model: BertModel;

const examples: LabeledSequence[] = [
  { ids: [vocab.clsId, 8, 9, vocab.sepId], labels: [0, -1, -1, -1] },
  { ids: [vocab.clsId, 10, vocab.sepId], labels: [-1, 2, -1] }, // a tagged word, not [CLS]
  { ids: [vocab.clsId, 11, 12, 13, vocab.sepId], labels: [1, -1, -1, -1, -1] },
];

describe('finetune/head', () => {
  beforeAll(async () => {
    await startEngine({ env: { ATTENTION_LAB_BACKEND: 'wasm' } });
    model = asBertModel(createModel(tinyConfig('bert', { vocabSize: vocab.size, layers: 2 }), 3));
  });
  afterAll(() => model.dispose());

  it('refuses a model that is not a BERT', () => {
    const gpt = createModel(tinyConfig('gpt', { vocabSize: vocab.size }), 1);
    expect(() => asBertModel(gpt)).toThrow(/needs a BERT/);
    gpt.dispose();
  });

  it('predicts from each labelled position as argmax(hidden · W + b), computed independently per sequence', async () => {
    const head = createHead(model.config.dModel, 3, 5);
    tf.tidy(() => head.layer.bias?.assign(tf.tensor1d([0.3, -0.2, 0.1])));
    const { predicted, expected } = await predictLabels(model, head, examples, vocab.padId);
    expect(expected).toEqual([0, 2, 1]);
    const w = (await head.layer.weight.array()) as number[][];
    const b = [0.3, -0.2, 0.1];
    const manual: number[] = [];
    for (const example of examples) {
      // One unpadded sequence at a time: padding must not change the labelled positions' states.
      const input = {
        family: 'bert' as const,
        batchSize: 1,
        length: example.ids.length,
        input: Int32Array.from(example.ids),
      };
      const hidden = tf.tidy(() => model.hiddenStates(input));
      const rows = ((await hidden.array()) as number[][][])[0] ?? [];
      hidden.dispose();
      example.labels.forEach((label, t) => {
        if (label < 0) return;
        const h = rows[t] ?? [];
        const logits = b.map((bias, j) => h.reduce((sum, x, i) => sum + x * (w[i]?.[j] ?? 0), bias));
        manual.push(logits.indexOf(Math.max(...logits)));
      });
    }
    expect(predicted).toEqual(manual);
    head.dispose();
  });

  it('updates BERT’s own weights and the new head together', async () => {
    const head = createHead(model.config.dModel, 3, 5);
    const snapshot = (weights: ReadonlyMap<string, tf.Variable>, name: string) =>
      Array.from(weights.get(name)?.dataSync() ?? []);
    const bertBefore = snapshot(model.weights, 'encoder.0.attention.query.weight');
    const headBefore = snapshot(head.weights, 'head.weight');
    const losses: number[] = [];
    await trainHead(model, head, examples, {
      steps: 3,
      batchSize: 4,
      seed: 1,
      bertLearningRate: 1e-3,
      headLearningRate: 1e-2,
      padId: vocab.padId,
      onStep: (_, loss) => losses.push(loss),
    });
    expect(losses).toHaveLength(3);
    expect(snapshot(model.weights, 'encoder.0.attention.query.weight')).not.toEqual(bertBefore);
    expect(snapshot(head.weights, 'head.weight')).not.toEqual(headBefore);
    head.dispose();
  });
});
