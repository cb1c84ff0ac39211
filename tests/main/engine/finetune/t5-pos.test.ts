import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCheckpoint } from '../../../../main/engine/checkpoint';
import { startEngine } from '../../../../main/engine/engine';
import { runFineTune } from '../../../../main/engine/finetune/run';
import { tagWord } from '../../../../main/engine/finetune/t5-tags';

let root = '';

describe('finetune run (t5-pos)', () => {
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'attention-lab-finetune-t5-'));
    const engine = await startEngine({ env: { ATTENTION_LAB_BACKEND: 'wasm' } });
    expect(engine.selection.backend).toBe('wasm');
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('groups Brown tags into coarse tag words', () => {
    expect(['nn', 'nns$', 'np', 'vbd', 'jj', 'at', 'in', ',', 'cd', 'ppss+md', 'uh'].map(tagWord)).toEqual([
      'thing',
      'thing',
      'name',
      'action',
      'quality',
      'article',
      'place',
      'mark',
      'number',
      'person',
      'other',
    ]);
  });

  it('beats the majority tag word on held-out Brown sentences with the shipped t5-tiny, adding no weight', async () => {
    const out = join(root, 't5');
    const result = await runFineTune({
      checkpoint: 'assets/checkpoints/t5-tiny',
      task: 't5-pos',
      steps: 100,
      seed: 0,
      outDir: out,
    });
    expect(result.score).toBeGreaterThan(result.baseline + 0.1);
    const loaded = await loadCheckpoint(out, { expectFamily: 't5' });
    const original = await loadCheckpoint('assets/checkpoints/t5-tiny');
    expect([...loaded.model.weights.keys()]).toEqual([...original.model.weights.keys()]);
    expect(loaded.training['finetune']).toMatchObject({ task: 't5-pos', score: result.score });
    loaded.model.dispose();
    original.model.dispose();
  }, 180_000);
});
