/** Test helpers for the attend and generate commands: tiny saved checkpoints and a captured CLI run. */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Output } from '../../../main/cli/command';
import { main } from '../../../main/cli/index';
import { saveCheckpoint } from '../../../main/engine/checkpoint';
import type { ModelFamily } from '../../../main/engine/models/config';
import { createModel } from '../../../main/engine/models/model';
import { tinyConfig, tinyVocabulary } from '../engine/models/tiny-models';

/** Saves a freshly initialised two-layer model of each family to a new temporary folder. */
export async function saveTinyCheckpoints(): Promise<{ root: string; dirs: Record<ModelFamily, string> }> {
  const root = await mkdtemp(join(tmpdir(), 'attention-lab-cli-'));
  const vocab = tinyVocabulary();
  const dirs = {} as Record<ModelFamily, string>;
  for (const family of ['gpt', 'bert', 't5'] as const) {
    const model = createModel(tinyConfig(family, { vocabSize: vocab.size, layers: 2, maxLength: 16 }), 1);
    dirs[family] = join(root, family);
    await saveCheckpoint(dirs[family], model, vocab, { steps: 0, seed: 1, corpus: 'test' });
    model.dispose();
  }
  return { root, dirs };
}

/** Runs the CLI with captured output. */
export async function runCli(argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const output: Output = { out: (line) => out.push(line), err: (line) => err.push(line), isTty: false };
  const code = await main(argv, output);
  return { code, out, err };
}

/** Runs a command with --json, expects success and one JSON line. */
export async function runJson(argv: string[]): Promise<Record<string, unknown>> {
  const { code, out, err } = await runCli([...argv, '--json']);
  if (code !== 0) throw new Error(`exit ${code}: ${err.join('\n')}`);
  if (out.length !== 1) throw new Error(`expected one line, got ${out.length}`);
  return JSON.parse(out[0] ?? '') as Record<string, unknown>;
}

/** Runs a command with --json that must fail; returns its wire error. */
export async function runError(argv: string[]): Promise<{ code: string; message: string }> {
  const { code, err } = await runCli([...argv, '--json']);
  if (code !== 2) throw new Error(`expected exit code 2, got ${code}`);
  return (JSON.parse(err[0] ?? '') as { error: { code: string; message: string } }).error;
}
