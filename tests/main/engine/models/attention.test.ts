import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { attend, createAttention } from '../../../../main/engine/models/attention';
import { createModel } from '../../../../main/engine/models/model';
import type { BertBatch, T5Batch } from '../../../../main/engine/models/model';
import { causalBias, paddingBias } from '../../../../main/engine/models/tensors';
import { WeightBuilder } from '../../../../main/engine/models/weights';
import { tinyBatch, tinyConfig } from './tiny-models';

/** Plain-JS multi-head attention (loops, float64): the independent reference. */
function referenceAttention(
  x: number[][],
  w: Record<'query' | 'key' | 'value' | 'output', { weight: number[][]; bias: number[] }>,
  heads: number,
  allowed: (q: number, k: number) => boolean,
): { output: number[][]; probabilities: number[][][] } {
  const project = (rows: number[][], p: { weight: number[][]; bias: number[] }): number[][] =>
    rows.map((row) =>
      p.bias.map((b, j) => b + row.reduce((sum, v, i) => sum + v * (p.weight[i]?.[j] ?? 0), 0)),
    );
  const [q, k, v] = [project(x, w.query), project(x, w.key), project(x, w.value)];
  const d = w.query.bias.length;
  const dk = d / heads;
  const mixed = x.map(() => new Array<number>(d).fill(0));
  const probabilities: number[][][] = [];
  for (let h = 0; h < heads; h++) {
    const rows: number[][] = [];
    for (let i = 0; i < x.length; i++) {
      const scores = x.map((_, j) => {
        if (!allowed(i, j)) return -Infinity;
        let dot = 0;
        for (let c = h * dk; c < (h + 1) * dk; c++) dot += (q[i]?.[c] ?? 0) * (k[j]?.[c] ?? 0);
        return dot / Math.sqrt(dk);
      });
      const max = Math.max(...scores);
      const exps = scores.map((s) => Math.exp(s - max));
      const total = exps.reduce((a, b) => a + b, 0);
      const row = exps.map((e) => e / total);
      rows.push(row);
      for (let c = h * dk; c < (h + 1) * dk; c++) {
        mixed[i]![c] = row.reduce((sum, p, j) => sum + p * (v[j]?.[c] ?? 0), 0);
      }
    }
    probabilities.push(rows);
  }
  return { output: project(mixed, w.output), probabilities };
}

describe('attention', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it('matches a plain-JS multi-head attention with a causal mask', () => {
    const [t, d, heads] = [5, 8, 2];
    const builder = new WeightBuilder(3);
    const std = { query: 0.5, key: 0.5, value: 0.5, output: 0.5 };
    const weights = createAttention(builder, 'a', { dModel: d, heads, hasBias: true, isScaled: true, std });
    for (const [name, variable] of builder.weights) {
      if (name.endsWith('bias')) variable.assign(tf.randomNormal(variable.shape, 0, 0.3, 'float32', 9));
    }
    const x = tf.randomNormal([t, d], 0, 1, 'float32', 4) as tf.Tensor2D;
    const result = tf.tidy(() => {
      const r = attend(weights, x, x, { batch: 1, queryLength: t, keyLength: t }, causalBias(t));
      return { output: r.output.arraySync(), probabilities: r.probabilities.arraySync()[0]! };
    });
    const plain = (name: string): { weight: number[][]; bias: number[] } => ({
      weight: builder.weights.get(`a.${name}.weight`)!.arraySync() as number[][],
      bias: builder.weights.get(`a.${name}.bias`)!.arraySync() as number[],
    });
    const reference = referenceAttention(
      x.arraySync(),
      { query: plain('query'), key: plain('key'), value: plain('value'), output: plain('output') },
      heads,
      (q, k) => k <= q,
    );
    result.output.forEach((row, i) =>
      row.forEach((v, j) => expect(v).toBeCloseTo(reference.output[i]![j]!, 4)),
    );
    result.probabilities.forEach((head, h) =>
      head.forEach((row, i) =>
        row.forEach((p, j) => expect(p).toBeCloseTo(reference.probabilities[h]![i]![j]!, 5)),
      ),
    );
    x.dispose();
    tf.dispose([...builder.weights.values()]);
  });

  it('gives GPT causal rows that sum to 1 with every entry above the diagonal exactly 0', () => {
    const config = tinyConfig('gpt', { layers: 2 });
    const model = createModel(config, 1);
    const maps = tf.tidy(() => model.forward(tinyBatch(config)).attention.decoder!.map((a) => a.arraySync()));
    expect(maps).toHaveLength(2);
    for (const layer of maps)
      for (const row of layer)
        for (const head of row)
          head.forEach((probabilities, q) => {
            expect(probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
            probabilities.forEach((p, k) => (k > q ? expect(p).toBe(0) : expect(p).toBeGreaterThan(0)));
          });
    model.dispose();
  });

  it('gives padding keys exactly 0 in BERT self-attention and T5 encoder and cross-attention', () => {
    const bertConfig = tinyConfig('bert');
    const bert = createModel(bertConfig, 2);
    const bertBatch = tinyBatch(bertConfig) as BertBatch; // row 1 has 3 real tokens of 5
    const encoder = tf.tidy(() => bert.forward(bertBatch).attention.encoder![0]!.arraySync());
    for (const head of encoder[1]!) {
      for (const row of head) {
        expect(row.slice(3)).toEqual([0, 0]);
        expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
      }
    }
    expect(encoder[0]![0]![0]!.every((p) => p > 0)).toBe(true); // no padding in row 0
    bert.dispose();

    const t5Config = tinyConfig('t5');
    const t5 = createModel(t5Config, 3);
    const t5Batch = tinyBatch(t5Config) as T5Batch; // row 1 has 4 real input tokens of 5
    const {
      encoder: enc,
      decoder: dec,
      cross,
    } = tf.tidy(() => {
      const a = t5.forward(t5Batch).attention;
      return {
        encoder: a.encoder![0]!.arraySync(),
        decoder: a.decoder![0]!.arraySync(),
        cross: a.cross![0]!.arraySync(),
      };
    });
    expect(cross[1]![0]!).toHaveLength(4); // [target 4][input 5]
    for (const head of [...enc[1]!, ...cross[1]!]) for (const row of head) expect(row[4]).toBe(0);
    for (const head of dec[0]!) head.forEach((row, q) => row.forEach((p, k) => k > q && expect(p).toBe(0)));
    t5.dispose();
  });

  it('rejects a row with no real token', () => {
    expect(() => paddingBias(Int32Array.from([0]), 1, 4)).toThrow(/1 to 4/);
  });
});
