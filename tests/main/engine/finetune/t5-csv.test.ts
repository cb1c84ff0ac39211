import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCheckpoint } from '../../../../main/engine/checkpoint';
import { startEngine } from '../../../../main/engine/engine';
import { runFineTune } from '../../../../main/engine/finetune/run';
import { majorityTargetBaseline, textPairExamples } from '../../../../main/engine/finetune/t5-csv';
import { LabError } from '../../../../shared/contract/errors';
import { buildVocabulary } from '../../../../shared/text/vocabulary';

let root = '';
const words = ['house', 'water', 'city', 'money', 'night'];

/** 50 rows `same : w,w` over five words (ten each): learnable by heart, baseline 1/5 of a balanced split. */
function copyCsv(): string {
  const rows = Array.from(
    { length: 50 },
    (_, i) => `same : ${words[i % words.length]},${words[i % words.length]}`,
  );
  return ['input,target', ...rows].join('\n');
}

describe('finetune run (T5 input,target CSV)', () => {
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'attention-lab-finetune-t5csv-'));
    await startEngine({ env: { ATTENTION_LAB_BACKEND: 'wasm' } });
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('scores the most frequent training target on the held-out rows as the baseline', () => {
    const ex = (target: number[]) => ({ input: [1], target });
    const train = [ex([5, 2]), ex([5, 2]), ex([6, 2])];
    expect(majorityTargetBaseline(train, [ex([5, 2]), ex([6, 2]), ex([7, 2]), ex([5, 2])])).toBe(0.5);
  });

  it('refuses targets with words the vocabulary lacks, naming the first line and the words', () => {
    const vocab = buildVocabulary(['plural', ':', 'cat', 'cats', 'dog', 'dogs', 'goose'], { size: 60 });
    const rows = [
      { input: 'plural : cat', target: 'cats', line: 2 },
      { input: 'plural : goose', target: 'Geese', line: 3 },
      { input: 'plural : mouse', target: 'mice', line: 5 },
      { input: 'plural : ox', target: 'oxen geese', line: 6 },
    ];
    const refusal = (() => {
      try {
        textPairExamples(rows, vocab, 8);
      } catch (error) {
        return error;
      }
      return null;
    })();
    expect(refusal).toBeInstanceOf(LabError);
    expect((refusal as LabError).code).toBe('invalid-argument');
    expect((refusal as LabError).message).toMatch(
      /^CSV line 3: the target word "geese" is not in this T5's vocabulary.*Unknown target words: "geese", "mice", "oxen"\./,
    );
    // Unknown input words are read as [UNK]; known targets map to their ids and <eos>.
    const [known] = textPairExamples([{ input: 'plural : mouse', target: 'dogs', line: 2 }], vocab, 8);
    expect(known).toEqual({
      input: [vocab.id('plural'), vocab.id(':'), vocab.unkId],
      target: [vocab.id('dogs'), vocab.eosId],
    });
  });

  it('refuses a CSV whose targets t5-tiny cannot write before training anything', async () => {
    const csv = join(root, 'unknown.csv');
    await writeFile(csv, `${copyCsv()}\nsame : city,zyxquvian city\n`);
    await expect(
      runFineTune({
        checkpoint: 'assets/checkpoints/t5-tiny',
        task: `csv:${csv}`,
        steps: 1,
        seed: 0,
        outDir: join(root, 'unknown'),
      }),
    ).rejects.toThrow(/^CSV line 52: the target word "zyxquvian" is not in this T5's vocabulary/);
    await expect(readFile(join(root, 'unknown', 'config.json'))).rejects.toThrow();
  });

  it('learns a copy mapping text-to-text with the shipped t5-tiny, beating the most frequent target', async () => {
    const csv = join(root, 'copy.csv');
    await writeFile(csv, copyCsv());
    const out = join(root, 't5-copy');
    const losses: number[] = [];
    const result = await runFineTune({
      checkpoint: 'assets/checkpoints/t5-tiny',
      task: `csv:${csv}`,
      steps: 60,
      seed: 0,
      outDir: out,
      onStep: (_, loss) => losses.push(loss),
    });
    expect(result).toMatchObject({ task: `csv:${csv}`, metric: 'accuracy', steps: 60 });
    expect(losses).toHaveLength(60);
    expect(result.baseline).toBeLessThan(0.5);
    expect(result.score).toBe(1);
    expect(losses.at(-1)).toBeLessThan(losses[0]! / 4);
    const loaded = await loadCheckpoint(out, { expectFamily: 't5' });
    expect(loaded.training['finetune']).toMatchObject({ task: `csv:${csv}`, score: 1 });
    loaded.model.dispose();
  }, 60_000);

  it('gets no held-out row right after a single step (the mapping is learnt, not already known)', async () => {
    const csv = join(root, 'copy-once.csv');
    await writeFile(csv, copyCsv());
    const once = await runFineTune({
      checkpoint: 'assets/checkpoints/t5-tiny',
      task: `csv:${csv}`,
      steps: 1,
      seed: 0,
      outDir: join(root, 't5-once'),
    });
    expect(once.score).toBe(0);
  }, 30_000);

  it('names the line of a row without a target', async () => {
    const csv = join(root, 'bad.csv');
    await writeFile(csv, 'input,target\nsame : city,city\n\nsame : night,\n');
    await expect(
      runFineTune({
        checkpoint: 'assets/checkpoints/t5-tiny',
        task: `csv:${csv}`,
        steps: 1,
        seed: 0,
        outDir: join(root, 'x'),
      }),
    ).rejects.toThrow('CSV line 4: the target is empty.');
    await expect(readFile(join(root, 'x', 'config.json'))).rejects.toThrow();
  });
});
