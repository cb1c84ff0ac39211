import { describe, expect, it } from 'vitest';
import type { Output } from '../../../main/cli/command';
import { main } from '../../../main/cli/index';

async function run(argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const output: Output = { out: (line) => out.push(line), err: (line) => err.push(line), isTty: false };
  const code = await main(argv, output);
  return { code, out, err };
}

async function runJson(argv: string[]): Promise<Record<string, unknown>> {
  const { code, out } = await run(['corrupt', ...argv, '--json']);
  expect(code).toBe(0);
  expect(out).toHaveLength(1);
  return JSON.parse(out[0] ?? '') as Record<string, unknown>;
}

describe('corrupt command', () => {
  it('bert --json prints tokens, input, labels and choices', async () => {
    const text = 'The jury said it did find that many of the registration laws are outmoded.';
    const result = await runJson(['--objective', 'bert', '--text', text, '--seed', '3']);
    expect(Object.keys(result)).toEqual(['tokens', 'input', 'labels', 'choices']);
    const tokens = result['tokens'] as string[];
    expect(tokens.slice(0, 3)).toEqual(['the', 'jury', 'said']);
    const choices = result['choices'] as Array<Record<string, unknown>>;
    expect(choices).toHaveLength(2); // round-half-even(0.15 × 15 words) = 2
    for (const choice of choices) {
      expect(Object.keys(choice)).toEqual(['index', 'original', 'replacement', 'kind']);
      const index = choice['index'] as number;
      expect(choice['original']).toBe(tokens[index]);
      expect((result['input'] as string[])[index]).toBe(choice['replacement']);
      expect((result['labels'] as string[])[index]).toBe(choice['original']);
    }
    expect((result['labels'] as unknown[]).filter((label) => label === null)).toHaveLength(tokens.length - 2);
  });

  it('t5 --json prints tokens, input, target and spans; the chapter example with seed 10', async () => {
    const result = await runJson([
      '--objective',
      't5',
      '--seed',
      '10',
      '--noise-density',
      '0.6',
      '--mean-span-length',
      '1.5',
    ]);
    expect(result).toEqual({
      tokens: ['i', 'love', 'this', 'red', 'car'],
      input: ['i', '<extra_id_0>', 'this', '<extra_id_1>'],
      target: ['<extra_id_0>', 'love', '<extra_id_1>', 'red', 'car', '<extra_id_2>'],
      spans: [
        [1, 2],
        [3, 5],
      ],
    });
  });

  it('gpt --json prints the shifted input and target', async () => {
    expect(await runJson(['--objective', 'gpt'])).toEqual({
      input: ['<bos>', 'i', 'love', 'this', 'red', 'car'],
      target: ['i', 'love', 'this', 'red', 'car', '<eos>'],
    });
  });

  it('gives the same output for the same seed and another for another seed', async () => {
    const text = 'The jury said it did find that many of the registration laws are outmoded and inadequate.';
    const a = await runJson(['--objective', 't5', '--text', text, '--seed', '1']);
    expect(await runJson(['--objective', 't5', '--text', text, '--seed', '1'])).toEqual(a);
    expect(await runJson(['--objective', 't5', '--text', text, '--seed', '2'])).not.toEqual(a);
  });

  it('prints a readable form with <X>, <Y> without --json and names unknown words', async () => {
    const { code, out, err } = await run([
      'corrupt',
      '--objective',
      't5',
      '--seed',
      '10',
      '--noise-density',
      '0.6',
      '--mean-span-length',
      '1.5',
    ]);
    expect(code).toBe(0);
    expect(out).toContain('input   i <X> this <Y>');
    expect(out).toContain('target  <X> love <Y> red car <Z>');
    const unknown = await run(['corrupt', '--objective', 'gpt', '--text', 'I love zyxwv']);
    expect(unknown.err).toEqual(['Not in the vocabulary (shown as [UNK]): zyxwv']);
    expect(unknown.out[0]).toBe('input   <bos> i love [UNK]');
    expect(err).toEqual([]);
  });

  it('reports bad arguments as typed errors with exit code 2', async () => {
    const bad = await run(['corrupt', '--objective', 'xlnet', '--json']);
    expect(bad.code).toBe(2);
    expect(JSON.parse(bad.err[0] ?? '')).toEqual({
      error: { code: 'invalid-argument', message: '--objective must be one of bert, t5, gpt; got "xlnet".' },
    });
    const missing = await run(['corrupt']);
    expect(missing.code).toBe(2);
    expect(missing.err[0]).toBe('attention-lab corrupt: --objective is required (bert, t5, gpt)');
    expect((await run(['corrupt', '--objective', 'bert', '--text', '   '])).err[0]).toMatch(/no words/);
    expect((await run(['corrupt', '--objective', 'bert', '--seed', '-1'])).err[0]).toMatch(/--seed must be/);
  });
});
