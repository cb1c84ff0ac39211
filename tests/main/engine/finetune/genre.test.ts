import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEngine } from '../../../../main/engine/engine';
import { runFineTune } from '../../../../main/engine/finetune/run';
import { loadFineTuned } from '../../../../main/engine/finetune/saved';

let root = '';

describe('finetune run (brown-genre)', () => {
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'attention-lab-finetune-'));
    const engine = await startEngine({ env: { ATTENTION_LAB_BACKEND: 'wasm' } });
    expect(engine.selection.backend).toBe('wasm');
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('beats the majority-genre baseline on held-out Brown documents with the shipped bert-tiny', async () => {
    const out = join(root, 'genre');
    const result = await runFineTune({
      checkpoint: 'assets/checkpoints/bert-tiny',
      task: 'brown-genre',
      steps: 300,
      seed: 0,
      outDir: out,
    });
    expect(result.score).toBeGreaterThan(result.baseline + 0.05);
    const loaded = await loadFineTuned(out);
    expect(loaded.record.labels).toHaveLength(15);
    expect(loaded.record.score).toBe(result.score);
    loaded.model.dispose();
    loaded.head.dispose();
  }, 180_000);

  it('refuses a batch the backend cannot hold before training, and writes nothing', async () => {
    const out = join(root, 'too-big');
    const run = runFineTune({
      checkpoint: 'assets/checkpoints/bert-tiny',
      task: 'brown-genre',
      steps: 1,
      seed: 0,
      outDir: out,
      batchSize: 100_000,
    });
    await expect(run).rejects.toMatchObject({
      code: 'invalid-argument',
      message: expect.stringMatching(/GB/),
    });
    await expect(stat(out)).rejects.toThrow();
  });
});
