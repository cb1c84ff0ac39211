import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { modelConfig, modelFamilies, presetNames } from '../../../../main/engine/models/config';
import { countParameters, createModel } from '../../../../main/engine/models/model';
import {
  assertFitsMemory,
  estimateParameters,
  estimateTrainingBytes,
  memoryBudgets,
} from '../../../../main/engine/train/memory-budget';
import { prepareRun } from '../../../../main/engine/train/prepare';
import { wasmLoader } from '../../../../main/engine/tf-backends';
import { LabError } from '../../../../shared/contract/errors';
import { trainStartSchema } from '../../../../shared/contract/train';

const mib = 2 ** 20;

/** The error `run` throws (or null). */
function thrown(run: () => unknown): unknown {
  try {
    run();
    return null;
  } catch (error) {
    return error;
  }
}

describe('memory-budget', () => {
  beforeAll(async () => {
    await wasmLoader.load();
  });

  it('estimates within 2 % of the parameters a real model of each family and preset has', () => {
    for (const family of modelFamilies) {
      const config = modelConfig(family, 'tiny');
      const model = createModel(config, 0);
      const actual = countParameters(model);
      model.dispose();
      expect(Math.abs(estimateParameters(config) - actual) / actual).toBeLessThan(0.02);
    }
  });

  it('is close to the wasm heap measured after two steps (GPT small, batch 16: 1627 MB)', () => {
    // Measured once per case in a fresh process: the wasm heap's size after two steps of train() on Brown.
    const measured: [string, 'tiny' | 'small', number, number][] = [
      ['gpt', 'tiny', 16, 248],
      ['gpt', 'small', 16, 1627],
      ['gpt', 'tiny', 64, 920],
      ['bert', 'small', 16, 1465],
      ['t5', 'small', 16, 1325],
    ];
    for (const [family, preset, batch, heapMb] of measured) {
      const estimate = estimateTrainingBytes(modelConfig(family as 'gpt', preset), batch) / mib;
      expect(estimate / heapMb).toBeGreaterThan(0.7);
      expect(estimate / heapMb).toBeLessThan(1.5);
    }
  });

  it('grows linearly with the batch and BERT pays logits only on its masked positions', () => {
    const gpt = modelConfig('gpt', 'small');
    const weights = estimateTrainingBytes(gpt, 0);
    expect(estimateTrainingBytes(gpt, 32) - weights).toBeCloseTo(
      2 * (estimateTrainingBytes(gpt, 16) - weights),
    );
    const bert = modelConfig('bert', 'small');
    const withoutHead = { ...bert, vocabSize: 2 };
    const logits = estimateTrainingBytes(bert, 16) - estimateTrainingBytes(withoutHead, 16);
    // 15 % of 16 × 128 positions × 6 float32 copies of each vocabulary row, plus 16 bytes per embedding weight.
    const extraWords = bert.vocabSize - 2;
    const expected = Math.ceil(16 * 128 * 0.15) * extraWords * 4 * 6 + 16 * bert.dModel * extraWords;
    expect(logits).toBe(expected);
  });

  it('lets every preset train at the default batch on wasm, and refuses GPT small at batch 64 there', () => {
    for (const family of modelFamilies) {
      for (const preset of presetNames) {
        expect(thrown(() => assertFitsMemory(modelConfig(family, preset), 16, 'wasm'))).toBeNull();
      }
    }
    const error = thrown(() => assertFitsMemory(modelConfig('gpt', 'small'), 64, 'wasm'));
    expect(error).toBeInstanceOf(LabError);
    expect((error as LabError).code).toBe('invalid-argument');
    expect((error as LabError).message).toMatch(/reduce the batch size \(now 64\)/);
    expect(memoryBudgets['cpu']).toBeGreaterThan(memoryBudgets['wasm'] ?? Infinity);
  });

  it("refuses the reviewer's crashing request before building a model", async () => {
    expect(tf.getBackend()).toBe('wasm');
    const request = trainStartSchema.parse({
      family: 'gpt',
      preset: 'small',
      batchSize: 64,
      steps: 10,
      outDir: '/tmp/never-written',
    });
    const before = tf.memory().numTensors;
    const error = await prepareRun(request).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(LabError);
    expect((error as LabError).code).toBe('invalid-argument');
    expect((error as LabError).message).toMatch(/GB of memory/);
    expect(tf.memory().numTensors).toBe(before);
  });
});
