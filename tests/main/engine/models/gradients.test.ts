import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ModelFamily } from '../../../../main/engine/models/config';
import { createModel } from '../../../../main/engine/models/model';
import type { TransformerModel } from '../../../../main/engine/models/model';
import { tinyBatch, tinyConfig } from './tiny-models';

/** Weights checked per family: embeddings, norms, every attention projection, feed-forward and heads. */
const checked: Record<ModelFamily, string[]> = {
  gpt: [
    'embedding.token',
    'embedding.position',
    'decoder.0.attentionNorm.gain',
    'decoder.0.attention.query.weight',
    'decoder.0.attention.key.weight',
    'decoder.0.attention.value.bias',
    'decoder.0.attention.output.weight',
    'decoder.0.feedForward.hidden.weight',
    'decoder.finalNorm.shift',
  ],
  bert: [
    'embedding.token',
    'embedding.segment',
    'embedding.norm.gain',
    'encoder.0.attention.query.weight',
    'encoder.0.attention.key.weight',
    'encoder.0.attention.value.bias',
    'encoder.0.feedForwardNorm.shift',
    'mlm.transform.weight',
    'mlm.bias',
    'nextSentence.pooler.weight',
    'nextSentence.classifier.bias',
  ],
  t5: [
    'embedding.token',
    'encoder.relativePosition',
    'decoder.relativePosition',
    'encoder.0.attention.query.weight',
    'encoder.0.attentionNorm.gain',
    'decoder.0.attention.value.weight',
    'decoder.0.crossAttention.key.weight',
    'decoder.0.crossAttentionNorm.gain',
    'decoder.0.feedForward.output.weight',
    'decoder.finalNorm.gain',
  ],
};

const epsilon = 3e-3;

/**
 * Replaces every weight by N(0, 0.4²) values (gains by 1 + N(0, 0.4²)): at the real N(0, 0.02²) initialisation
 * attention is nearly uniform and many gradients are too small for float32 finite differences to see.
 */
function randomizeWeights(model: TransformerModel): void {
  let seed = 100;
  for (const [name, weight] of model.weights) {
    const offset = name.endsWith('.gain') ? 1 : 0;
    tf.tidy(() => weight.assign(tf.add(tf.randomNormal(weight.shape, 0, 0.4, 'float32', seed++), offset)));
  }
}

/** Central difference (L(w + ε) − L(w − ε)) / 2ε of the loss in one entry of one weight. */
function finiteDifference(model: TransformerModel, name: string, index: number, loss: () => number): number {
  const weight = model.weights.get(name);
  if (!weight) throw new Error(`no weight ${name}`);
  const original = weight.dataSync().slice();
  const evaluate = (delta: number): number => {
    const values = original.slice();
    values[index] = (values[index] ?? 0) + delta;
    tf.tidy(() => weight.assign(tf.tensor(values, weight.shape)));
    return loss();
  };
  const difference = (evaluate(epsilon) - evaluate(-epsilon)) / (2 * epsilon);
  tf.tidy(() => weight.assign(tf.tensor(original, weight.shape)));
  return difference;
}

describe('model gradients', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  for (const family of ['gpt', 'bert', 't5'] as const) {
    it(`${family}: analytic gradients match central finite differences (cpu, float32)`, () => {
      const config = tinyConfig(family, family === 'bert' ? { nextSentence: true } : {});
      const model = createModel(config, 11);
      randomizeWeights(model);
      const batch = tinyBatch(config);
      const loss = (): number => tf.tidy(() => model.loss(batch).dataSync()[0] ?? NaN);
      const names = checked[family];
      const grads = tf.tidy(() => {
        const { grads } = tf.variableGrads(
          () => model.loss(batch),
          names.map((n) => model.weights.get(n)!),
        );
        return grads;
      });
      let compared = 0;
      for (const name of names) {
        const variable = model.weights.get(name)!;
        const analytic = grads[variable.name]!.dataSync();
        // The largest entry and two fixed ones: large gradients test the value, small ones the zeros.
        let largest = 0;
        analytic.forEach((g, i) => (Math.abs(g) > Math.abs(analytic[largest] ?? 0) ? (largest = i) : 0));
        expect(Math.abs(analytic[largest] ?? 0), `${name} has a gradient`).toBeGreaterThan(1e-4);
        for (const index of new Set([largest, 0, Math.floor(analytic.length / 2)])) {
          const numeric = finiteDifference(model, name, index, loss);
          const exact = analytic[index] ?? NaN;
          expect(Math.abs(numeric - exact), `${name}[${index}]: ${exact} vs ${numeric}`).toBeLessThan(
            2e-3 + 2e-2 * Math.abs(exact),
          );
          compared++;
        }
      }
      expect(compared).toBeGreaterThanOrEqual(names.length * 2);
      Object.values(grads).forEach((g) => g.dispose());
      model.dispose();
    });
  }
});
