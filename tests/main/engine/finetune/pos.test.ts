import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEngine } from '../../../../main/engine/engine';
import { runFineTune } from '../../../../main/engine/finetune/run';
import { loadFineTuned } from '../../../../main/engine/finetune/saved';

let root = '';

describe('finetune run (brown-pos)', () => {
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'attention-lab-finetune-pos-'));
    const engine = await startEngine({ env: { ATTENTION_LAB_BACKEND: 'wasm' } });
    expect(engine.selection.backend).toBe('wasm');
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('tags held-out Brown words far better than the majority tag with the shipped bert-tiny', async () => {
    const out = join(root, 'pos');
    const result = await runFineTune({
      checkpoint: 'assets/checkpoints/bert-tiny',
      task: 'brown-pos',
      steps: 100,
      seed: 0,
      outDir: out,
    });
    expect(result.baseline).toBeGreaterThan(0.05); // the majority tag (nn) is a real competitor
    expect(result.score).toBeGreaterThan(result.baseline + 0.3);
    const loaded = await loadFineTuned(out);
    expect(loaded.record.labels).toContain('nn');
    expect(loaded.head.layer.weight.shape[1]).toBe(loaded.record.labels.length);
    loaded.model.dispose();
    loaded.head.dispose();
  }, 180_000);
});
