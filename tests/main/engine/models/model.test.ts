import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { modelConfig } from '../../../../main/engine/models/config';
import { countParameters, createModel } from '../../../../main/engine/models/model';
import { relativeBucket } from '../../../../main/engine/models/relative-position';
import { LabError } from '../../../../shared/contract/errors';
import { tinyBatch, tinyConfig } from './tiny-models';

describe('createModel', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it('has exactly the parameter counts of the PyTorch anchor at the tiny preset', () => {
    // From `/usr/bin/python3 shared/bench/torch_ref.py --config tiny --skip-train --skip-infer` (kind=params):
    // the same shapes make the benchmark an apples-to-apples comparison.
    const anchor = { gpt: 929_280, bert: 950_400, t5: 1_443_584 };
    for (const family of ['gpt', 'bert', 't5'] as const) {
      const model = createModel(modelConfig(family, 'tiny'), 0);
      expect(countParameters(model), family).toBe(anchor[family]);
      model.dispose();
    }
  });

  it('gives the same weights for the same seed and different ones for another seed', () => {
    const config = tinyConfig('gpt');
    const [a, b, c] = [createModel(config, 1), createModel(config, 1), createModel(config, 2)];
    const values = (m: typeof a, name: string): Float32Array =>
      m.weights.get(name)!.dataSync() as Float32Array;
    expect([...a.weights.keys()]).toEqual([...b.weights.keys()]);
    for (const name of a.weights.keys()) expect(values(a, name)).toEqual(values(b, name));
    for (const name of ['embedding.token', 'decoder.0.attention.query.weight']) {
      expect(values(a, name)).not.toEqual(values(c, name));
    }
    expect(values(a, 'decoder.0.attention.query.weight')).not.toEqual(
      values(a, 'decoder.0.attention.key.weight'),
    );
    [a, b, c].forEach((m) => m.dispose());
  });

  it('names its weights stably, ties the output to the token embedding and selects pre/post norm', () => {
    const gpt = createModel(tinyConfig('gpt'), 0);
    expect([...gpt.weights.keys()]).toContain('decoder.finalNorm.gain');
    expect(
      [...gpt.weights.keys()].some(
        (n) => /output|lmHead|unembed/i.test(n) && !n.includes('attention') && !n.includes('feedForward'),
      ),
    ).toBe(false);
    const postGpt = createModel(tinyConfig('gpt', { norm: 'post' }), 0);
    expect([...postGpt.weights.keys()]).not.toContain('decoder.finalNorm.gain');
    const bert = createModel(tinyConfig('bert', { nextSentence: true }), 0);
    expect([...bert.weights.keys()]).toEqual(
      expect.arrayContaining(['embedding.segment', 'mlm.bias', 'nextSentence.classifier.weight']),
    );
    const t5 = createModel(tinyConfig('t5', { decoderLayers: 2 }), 0);
    expect([...t5.weights.keys()]).toEqual(
      expect.arrayContaining(['decoder.1.crossAttention.query.weight', 'encoder.relativePosition']),
    );
    expect([...t5.weights.keys()].some((n) => n.endsWith('.bias'))).toBe(false);
    [gpt, postGpt, bert, t5].forEach((m) => m.dispose());
  });

  it('returns logits for every position and leaves no tensor behind inside tf.tidy', () => {
    for (const family of ['gpt', 'bert', 't5'] as const) {
      const config = tinyConfig(family, family === 'bert' ? { nextSentence: true } : {});
      const model = createModel(config, 0);
      const batch = tinyBatch(config);
      const before = tf.memory().numTensors;
      for (let i = 0; i < 3; i++) {
        const shape = tf.tidy(() => {
          const result = model.forward(batch);
          model.loss(batch);
          if (family === 'bert') expect(result.nextSentenceLogits?.shape).toEqual([2, 2]);
          return result.logits.shape;
        });
        expect(shape).toEqual([2, family === 't5' ? 4 : 5, config.vocabSize]);
      }
      expect(tf.memory().numTensors).toBe(before);
      model.dispose();
    }
  });

  it('rejects ids outside the vocabulary and sequences longer than the context', () => {
    const config = tinyConfig('gpt');
    const model = createModel(config, 0);
    const batch = tinyBatch(config);
    const bad = { ...batch, input: Int32Array.from(batch.input, (id, i) => (i === 3 ? 99 : id)) };
    expect(() => tf.tidy(() => model.loss(bad))).toThrow(/token id 99, outside/);
    const long = { family: 'gpt' as const, batchSize: 1, length: 9, input: new Int32Array(9) };
    expect(() => tf.tidy(() => model.forward(long).logits)).toThrow(LabError);
    model.dispose();
  });

  it("buckets relative positions like T5's reference implementation", () => {
    // Expected values printed by the PyTorch anchor's RelPosBias.bucket (shared/bench/torch_ref.py).
    // Bidirectional, 32 buckets, max distance 128: exact buckets 0–7 (before) and 16–23 (after), then log-spaced.
    expect([0, -1, -7, 1, 7].map((d) => relativeBucket(d, true))).toEqual([0, 1, 7, 17, 23]);
    expect([-8, -12, -16, -32, -64, -127, -500].map((d) => relativeBucket(d, true))).toEqual([
      8, 9, 10, 12, 14, 15, 15,
    ]);
    // Causal: later keys share bucket 0; 16 exact buckets, then log-spaced up to 31.
    const causal = [5, 0, -1, -15, -16, -32, -127, -1000].map((d) => relativeBucket(d, false));
    expect(causal).toEqual([0, 0, 1, 15, 16, 21, 31, 31]);
    expect([-3, 3, 20, 100].map((d) => relativeBucket(d, true))).toEqual([3, 19, 26, 31]);
  });
});
