import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../../main/cli/index';
import { trainPayload } from '../../../main/cli/commands/train';
import { trainStartSchema } from '../../../shared/contract/train';
import type { Output } from '../../../main/cli/command';
import { loadCheckpoint } from '../../../main/engine/checkpoint';

let dir: string;

function capture(isTty = false): Output & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, isTty, out: (line) => stdout.push(line), err: (line) => stderr.push(line) };
}

/** A tiny custom GPT: a step takes milliseconds. */
const tinySize = ['--d-model', '16', '--heads', '2', '--layers', '1', '--d-ff', '32', '--max-length', '16'];
const base = ['train', '--model', 'gpt', ...tinySize, '--vocab-size', '256', '--batch-size', '4'];

beforeAll(async () => {
  vi.stubEnv('ATTENTION_LAB_BACKEND', 'cpu');
  dir = await mkdtemp(join(tmpdir(), 'attention-lab-cli-train-'));
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await rm(dir, { recursive: true, force: true });
});

describe('train command', () => {
  it('resolves a relative --out and --corpus against its working folder, which the contract then accepts', () => {
    const payload = trainPayload({ model: 'gpt', out: 'runs/gpt', corpus: 'texts/mine.txt' });
    expect(payload['outDir']).toBe(resolve('runs/gpt'));
    expect(payload['corpus']).toEqual({ kind: 'file', path: resolve('texts/mine.txt') });
    expect(isAbsolute(String(payload['outDir']))).toBe(true);
    expect(trainStartSchema.safeParse(payload).success).toBe(true);
  });

  it('prints one JSON object per step, val_loss where computed, and a done line with the checkpoint', async () => {
    const out = join(dir, 'json');
    const output = capture();
    const code = await main([...base, '--steps', '5', '--eval-every', '2', '--out', out, '--json'], output);
    expect(output.stderr).toEqual([]);
    expect(code).toBe(0);
    const lines = output.stdout.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toHaveLength(6);
    lines.slice(0, 5).forEach((line, i) => {
      expect(line['step']).toBe(i + 1);
      expect(typeof line['loss']).toBe('number');
      expect(line['tokens_per_s']).toBeGreaterThan(0);
      expect('val_loss' in line).toBe([2, 4, 5].includes(i + 1));
    });
    expect(lines[5]).toEqual({ done: true, checkpoint: out });
    const checkpoint = await loadCheckpoint(out, { expectFamily: 'gpt' });
    expect(checkpoint.training.steps).toBe(5);
    expect(checkpoint.config).toMatchObject({ dModel: 16, layers: 1, heads: 2, maxLength: 16 });
    checkpoint.model.dispose();
  });

  it('keeps a history of checkpoints beside --out, and none with --no-history', async () => {
    expect(trainPayload({ model: 'gpt', out: 'x', 'no-history': true })['keepHistory']).toBe(false);
    const kept = join(dir, 'kept');
    expect(await main([...base, '--steps', '4', '--checkpoint-every', '2', '--out', kept], capture())).toBe(
      0,
    );
    expect((await readdir(`${kept}.history`)).sort()).toEqual(['step-000000', 'step-000002', 'step-000004']);
    const none = join(dir, 'none');
    expect(await main([...base, '--steps', '2', '--no-history', '--out', none], capture())).toBe(0);
    await expect(readdir(`${none}.history`)).rejects.toThrow(/ENOENT/);
  });

  it('shows progress on stderr and the result on stdout without --json', async () => {
    const output = capture();
    const code = await main([...base, '--steps', '10', '--out', join(dir, 'plain')], output);
    expect(code).toBe(0);
    expect(output.stderr.length).toBeGreaterThanOrEqual(10);
    expect(output.stderr.at(-1)).toMatch(
      /^\[#{24}\] 10\/10 loss \d+\.\d{3} val \d+\.\d{3} [\d,]+ tokens\/s ETA 0:00$/,
    );
    expect(output.stdout).toEqual([`Training done after 10 steps; checkpoint in ${join(dir, 'plain')}`]);
  });

  it('redraws one progress bar in place on a terminal', async () => {
    const output = capture(true);
    await main([...base, '--steps', '3', '--out', join(dir, 'tty')], output);
    expect(output.stderr).toHaveLength(3);
    expect(output.stderr[0]).toMatch(/^\[/);
    // Cursor up one line, clear it, draw the bar again.
    expect(output.stderr[1]?.startsWith('\u001b[1A\u001b[2K[')).toBe(true);
  });

  it('names the flag of an invalid hyper-parameter, and needs --model and --out', async () => {
    const json = capture();
    expect(await main([...base, '--lr', '7', '--out', join(dir, 'x'), '--json'], json)).toBe(2);
    expect(JSON.parse(json.stderr[0] ?? '')).toEqual({
      error: { code: 'invalid-argument', message: expect.stringMatching(/^--lr: .*<=1/) },
    });
    const steps = capture();
    expect(await main([...base, '--steps', 'many', '--out', join(dir, 'x')], steps)).toBe(2);
    expect(steps.stderr[0]).toMatch(/--steps must be a number/);
    const family = capture();
    expect(await main(['train', '--model', 'lstm', '--out', join(dir, 'x')], family)).toBe(2);
    expect(family.stderr[0]).toMatch(/--model/);
    const noOut = capture();
    expect(await main(['train', '--model', 'gpt'], noOut)).toBe(2);
    expect(noOut.stderr[0]).toMatch(/--out is required/);
  });

  it('explains a corpus file too small for the sequence length', async () => {
    const file = join(dir, 'short.txt');
    await writeFile(file, 'One short line.\n\nAnother one.\n');
    const output = capture();
    expect(await main([...base, '--corpus', file, '--out', join(dir, 'y'), '--json'], output)).toBe(2);
    expect(JSON.parse(output.stderr[0] ?? '')).toMatchObject({ error: { code: 'invalid-corpus' } });
  });
});
