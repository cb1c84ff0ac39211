import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ModelFamily } from '../../../main/engine/models/config';
import { runCli, runError, runJson, saveTinyCheckpoints } from './cli-checkpoints';

let root = '';
let dirs: Record<ModelFamily, string>;

interface Generated {
  id: number;
  token: string;
  probability: number;
  position: number;
  attention: number[][][];
}

describe('generate command', () => {
  beforeAll(async () => {
    ({ root, dirs } = await saveTinyCheckpoints());
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('continues a GPT prompt greedily with the attention behind every token', async () => {
    const argv = ['generate', '--checkpoint', dirs.gpt, '--prompt', 'i love', '--max-tokens', '4'];
    const result = await runJson(argv);
    expect(Object.keys(result)).toEqual(['model', 'tokens', 'generated', 'text', 'stopped_by', 'truncated']);
    const generated = result['generated'] as Generated[];
    const tokens = (result['tokens'] as { input: string[] }).input;
    expect(tokens.slice(0, 3)).toEqual(['<bos>', 'i', 'love']);
    expect(tokens.slice(3)).toEqual(generated.map((g) => g.token));
    expect(result['text']).toBe(generated.map((g) => g.token).join(' '));
    generated.forEach((token, i) => {
      expect(token.position).toBe(3 + i);
      // [layer][head][key]: the query just before the token sees it and everything earlier.
      expect([token.attention.length, token.attention[0]!.length, token.attention[0]![0]!.length]).toEqual([
        2,
        2,
        3 + i,
      ]);
      expect(token.attention[1]![1]!.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    });
    expect(await runJson(argv)).toEqual(result);
  });

  it('samples reproducibly with a seed', async () => {
    const argv = [
      'generate',
      '--checkpoint',
      dirs.gpt,
      '--prompt',
      'the car',
      '--top-k',
      '5',
      '--top-p',
      '0.9',
    ];
    const first = await runJson([...argv, '--seed', '7', '--temperature', '1.5']);
    expect(await runJson([...argv, '--seed', '7', '--temperature', '1.5'])).toEqual(first);
    expect((first['generated'] as Generated[]).length).toBeGreaterThan(0);
  });

  it('decodes with T5 and prints the decoder tokens', async () => {
    const result = await runJson([
      'generate',
      '--checkpoint',
      dirs.t5,
      '--prompt',
      'i <X> this <Y>',
      '--max-tokens',
      '3',
    ]);
    expect(result['model']).toBe('t5');
    const tokens = result['tokens'] as { input: string[]; target: string[] };
    expect(tokens.input).toEqual(['i', '<extra_id_0>', 'this', '<extra_id_1>']);
    expect(tokens.target[0]).toBe('[PAD]');
    expect(tokens.target).toHaveLength(1 + (result['generated'] as Generated[]).length);
  });

  it('prints a readable line without --json', async () => {
    const { code, out } = await runCli([
      'generate',
      '--checkpoint',
      dirs.gpt,
      '--prompt',
      'i',
      '--max-tokens',
      '2',
    ]);
    expect(code).toBe(0);
    expect(out[1]).toMatch(/^\(2 tokens; stopped by max-tokens\)$|stopped by eos/);
  });

  it('refuses BERT checkpoints and bad sampling options with typed errors', async () => {
    expect(await runError(['generate', '--checkpoint', dirs.bert, '--prompt', 'i'])).toMatchObject({
      code: 'wrong-model-family',
    });
    for (const bad of [
      ['--temperature', '-1'],
      ['--top-p', '0'],
      ['--max-tokens', '0'],
      ['--top-k', 'x'],
    ]) {
      expect((await runError(['generate', '--checkpoint', dirs.gpt, '--prompt', 'i', ...bad])).code).toBe(
        'invalid-argument',
      );
    }
  });
});
