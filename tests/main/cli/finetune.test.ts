import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFineTuned } from '../../../main/engine/finetune/saved';
import { runCli, runError } from './cli-checkpoints';

const bert = 'assets/checkpoints/bert-tiny';
let root = '';

describe('finetune command', () => {
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'attention-lab-cli-finetune-'));
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('prints JSON progress lines, then the task, metric, score and baseline, and saves a loadable head', async () => {
    const rows = Array.from({ length: 20 }, (_, i) =>
      i % 2 === 0
        ? `"the money, the bank and the market",business`
        : `"the ship sailed across the sea",travel`,
    );
    const csv = join(root, 'labels.csv');
    await writeFile(csv, `text,label\n${rows.join('\n')}\n`);
    const out = join(root, 'tuned');
    const { code, out: lines } = await runCli([
      'finetune',
      '--checkpoint',
      bert,
      '--task',
      `csv:${csv}`,
      '--steps',
      '10',
      '--out',
      out,
      '--json',
    ]);
    expect(code).toBe(0);
    const parsed = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    const last = parsed.pop() ?? {};
    expect(parsed.map((p) => p['step'])).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    parsed.forEach((p) => expect(p['loss']).toBeGreaterThan(0));
    expect(Object.keys(last)).toEqual(['task', 'metric', 'score', 'baseline']);
    expect(last).toMatchObject({ task: `csv:${csv}`, metric: 'accuracy' });
    // Two clearly different sentences: ten steps are enough to tell them apart.
    expect(last['baseline']).toBeLessThan(1); // both labels are held out
    expect(last['score']).toBe(1);
    const loaded = await loadFineTuned(out);
    expect(loaded.record.labels).toEqual(['business', 'travel']);
    expect(loaded.record.score).toBe(last['score']);
    expect(loaded.head.layer.weight.shape).toEqual([loaded.checkpoint.config.dModel, 2]);
    loaded.model.dispose();
    loaded.head.dispose();
  }, 60_000);

  it('names the CSV line of a bad row', async () => {
    const csv = join(root, 'bad.csv');
    await writeFile(csv, 'text,label\nfine,good\nno label\n');
    const error = await runError([
      'finetune',
      '--checkpoint',
      bert,
      '--task',
      `csv:${csv}`,
      '--out',
      join(root, 'x'),
    ]);
    expect(error).toEqual({
      code: 'invalid-corpus',
      message: expect.stringMatching(/^CSV line 3: expected 2 columns/) as unknown,
    });
  });

  it('refuses a GPT checkpoint and an unknown task', async () => {
    const gpt = await runError([
      'finetune',
      '--checkpoint',
      'assets/checkpoints/gpt-tiny',
      '--task',
      'brown-genre',
      '--out',
      join(root, 'y'),
    ]);
    expect(gpt.code).toBe('wrong-model-family');
    const task = await runError([
      'finetune',
      '--checkpoint',
      bert,
      '--task',
      'poetry',
      '--out',
      join(root, 'z'),
    ]);
    expect(task).toMatchObject({
      code: 'invalid-argument',
      message: expect.stringContaining('Unknown task "poetry"') as unknown,
    });
  });

  it('reads a CSV as input,target on a T5 checkpoint and refuses one on a GPT, pointing to prompting', async () => {
    const rows = Array.from({ length: 10 }, (_, i) =>
      i % 2 === 0 ? 'same : city,city' : 'same : night,night',
    );
    const csv = join(root, 'pairs.csv');
    await writeFile(csv, `input,target\n${rows.join('\n')}\n`);
    const { code, out: lines } = await runCli([
      'finetune',
      '--checkpoint',
      'assets/checkpoints/t5-tiny',
      '--task',
      `csv:${csv}`,
      '--steps',
      '3',
      '--out',
      join(root, 't5-pairs'),
      '--json',
    ]);
    expect(code).toBe(0);
    const last = JSON.parse(lines.at(-1) ?? '{}') as Record<string, unknown>;
    expect(Object.keys(last)).toEqual(['task', 'metric', 'score', 'baseline']);
    expect(last).toMatchObject({ task: `csv:${csv}`, metric: 'accuracy' });
    const gpt = await runError([
      'finetune',
      '--checkpoint',
      'assets/checkpoints/gpt-tiny',
      '--task',
      `csv:${csv}`,
      '--out',
      join(root, 'gpt-pairs'),
    ]);
    expect(gpt).toMatchObject({
      code: 'wrong-model-family',
      message: expect.stringContaining('prompting') as unknown,
    });
  }, 60_000);
});
