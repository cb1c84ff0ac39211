import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ModelFamily } from '../../../main/engine/models/config';
import { runCli, runError, runJson, saveTinyCheckpoints } from './cli-checkpoints';

type Maps = number[][][][];
let root = '';
let dirs: Record<ModelFamily, string>;

/** [layer][head][query][key] with the given sizes, rows summing to 1, `isMasked` cells exactly 0. */
function expectMaps(
  maps: Maps,
  sizes: number[],
  isMasked: (q: number, k: number) => boolean = () => false,
): void {
  expect([maps.length, maps[0]!.length, maps[0]![0]!.length, maps[0]![0]![0]!.length]).toEqual(sizes);
  for (const layer of maps)
    for (const head of layer)
      head.forEach((row, q) => {
        expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
        row.forEach((p, k) => isMasked(q, k) && expect(p).toBe(0));
      });
}

describe('attend command', () => {
  beforeAll(async () => {
    ({ root, dirs } = await saveTinyCheckpoints());
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('prints GPT tokens and causal attention [layer][head][query][key] as JSON', async () => {
    const result = await runJson(['attend', '--checkpoint', dirs.gpt, '--text', 'I love this red car']);
    expect(Object.keys(result)).toEqual(['model', 'tokens', 'attention', 'truncated']);
    expect(result['model']).toBe('gpt');
    expect(result['tokens']).toEqual({ input: ['<bos>', 'i', 'love', 'this', 'red', 'car'] });
    const attention = result['attention'] as Record<string, Maps>;
    expect(Object.keys(attention)).toEqual(['decoder']);
    expectMaps(attention['decoder']!, [2, 2, 6, 6], (q, k) => k > q);
  });

  it('prints BERT encoder attention and T5 encoder, decoder and cross-attention', async () => {
    const bert = await runJson(['attend', '--checkpoint', dirs.bert, '--text', 'i love this red car']);
    expect((bert['tokens'] as { input: string[] }).input).toHaveLength(7);
    expectMaps((bert['attention'] as Record<string, Maps>)['encoder']!, [2, 2, 7, 7]);

    const t5 = await runJson([
      'attend',
      '--checkpoint',
      dirs.t5,
      '--text',
      'i <X> this <Y>',
      '--target',
      '<X> love <Y> red car <Z>',
    ]);
    expect(t5['tokens']).toEqual({
      input: ['i', '<extra_id_0>', 'this', '<extra_id_1>'],
      target: ['[PAD]', '<extra_id_0>', 'love', '<extra_id_1>', 'red', 'car', '<extra_id_2>'],
    });
    const attention = t5['attention'] as Record<string, Maps>;
    expect(Object.keys(attention)).toEqual(['encoder', 'decoder', 'cross']);
    expectMaps(attention['encoder']!, [2, 2, 4, 4]);
    expectMaps(attention['decoder']!, [2, 2, 7, 7], (q, k) => k > q);
    expectMaps(attention['cross']!, [2, 2, 7, 4]);
  });

  it('prints a readable summary without --json', async () => {
    const { code, out } = await runCli(['attend', '--checkpoint', dirs.gpt, '--text', 'i love']);
    expect(code).toBe(0);
    expect(out[0]).toBe('gpt model; input: <bos> i love');
    expect(out.join('\n')).toMatch(/decoder causal self-attention: 2 layers × 2 heads × 3 × 3/);
  });

  it('reports missing options, missing checkpoints and a target for GPT as typed errors', async () => {
    expect((await runError(['attend', '--text', 'hi'])).code).toBe('invalid-argument');
    expect(await runError(['attend', '--checkpoint', `${root}/none`, '--text', 'hi'])).toMatchObject({
      code: 'not-found',
    });
    const target = await runError(['attend', '--checkpoint', dirs.gpt, '--text', 'hi', '--target', 'x']);
    expect(target).toMatchObject({ code: 'invalid-argument', message: expect.stringMatching(/T5/) });
  });
});
