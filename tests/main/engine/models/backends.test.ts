import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { wasmLoader } from '../../../../main/engine/tf-backends';
import { createModel } from '../../../../main/engine/models/model';
import { tinyBatch, tinyConfig } from './tiny-models';

/** Loss, every gradient and the attention of a fresh model on the current backend, as plain arrays. */
function evaluate(family: 'gpt' | 'bert' | 't5'): {
  loss: number;
  grads: Map<string, Float32Array>;
  attention: number[];
} {
  const config = tinyConfig(family, { layers: 2, ...(family === 'bert' ? { nextSentence: true } : {}) });
  const model = createModel(config, 21);
  const batch = tinyBatch(config);
  const grads = new Map<string, Float32Array>();
  let loss = NaN;
  let attention: number[] = [];
  tf.tidy(() => {
    const { value, grads: byId } = tf.variableGrads(() => model.loss(batch), [...model.weights.values()]);
    for (const [name, variable] of model.weights)
      grads.set(name, byId[variable.name]!.dataSync() as Float32Array);
    loss = value.dataSync()[0]!;
    const { encoder = [], decoder = [], cross = [] } = model.forward(batch).attention;
    attention = [...encoder, ...decoder, ...cross].flatMap((map) => Array.from(map.dataSync()));
  });
  model.dispose();
  return { loss, grads, attention };
}

describe('models on the wasm backend', () => {
  it('give the same loss, gradients and attention as on the cpu backend (all three families)', async () => {
    await tf.setBackend('cpu');
    const reference = (['gpt', 'bert', 't5'] as const).map(evaluate);
    await wasmLoader.load();
    const onWasm = (['gpt', 'bert', 't5'] as const).map(evaluate);
    reference.forEach((cpu, f) => {
      const wasm = onWasm[f]!;
      expect(wasm.loss).toBeCloseTo(cpu.loss, 4);
      for (const [name, expected] of cpu.grads) {
        const actual = wasm.grads.get(name)!;
        const scale = Math.max(...expected.map(Math.abs), 1e-6);
        const worst = Math.max(...actual.map((g, i) => Math.abs(g - (expected[i] ?? 0))));
        expect(worst / scale, name).toBeLessThan(1e-3);
      }
      wasm.attention.forEach((p, i) => expect(Math.abs(p - cpu.attention[i]!)).toBeLessThan(1e-5));
    });
    await tf.setBackend('cpu');
  });
});
