/** Test helpers for the session: tiny saved checkpoints and the engine's handlers run through `runRequest`. */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { saveCheckpoint } from '../../../../main/engine/checkpoint';
import type { ModelConfig, ModelFamily } from '../../../../main/engine/models/config';
import { createModel } from '../../../../main/engine/models/model';
import type { EngineHandlers } from '../../../../main/engine/server';
import { runRequest } from '../../../../main/engine/server';
import { createLibraryHandlers } from '../../../../main/engine/library/handlers';
import { createWalkthroughHandlers } from '../../../../main/engine/walkthrough/handlers';
import { createFineTuneHandlers } from '../../../../main/engine/finetune/handlers';
import { createModelHandlers } from '../../../../main/engine/session/handlers';
import type { OpenModels } from '../../../../main/engine/session/open-models';
import { createTrainHandlers } from '../../../../main/engine/train/handlers';
import type { RequestChannel, RequestOutput } from '../../../../shared/contract/api';
import type { WireError } from '../../../../shared/contract/errors';
import { tinyConfig, tinyVocabulary } from '../models/tiny-models';

/** The vocabulary of every tiny checkpoint. */
export const vocab = tinyVocabulary();

/** A two-layer tiny configuration of `family` with a context of 16 tokens. */
export function sessionConfig(family: ModelFamily, overrides: Partial<ModelConfig> = {}): ModelConfig {
  return tinyConfig(family, { vocabSize: vocab.size, layers: 2, maxLength: 16, ...overrides });
}

/** The training record of the tiny checkpoints. */
export const record = {
  steps: 40,
  seed: 3,
  corpus: 'brown',
  losses: [
    { step: 20, loss: 3.5, valLoss: 3.75 },
    { step: 40, loss: 2.5 },
  ],
};

/** Saves a freshly initialised model of `family` into `dir`. */
export async function saveTiny(dir: string, family: ModelFamily, seed = 1): Promise<void> {
  const model = createModel(sessionConfig(family), seed);
  await saveCheckpoint(dir, model, vocab, record);
  model.dispose();
}

/** A new temporary folder. */
export function temporaryFolder(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'attention-lab-session-'));
}

/** Tiny checkpoints of every family under `root`. */
export async function saveTinyFamilies(root: string): Promise<Record<ModelFamily, string>> {
  const dirs = {} as Record<ModelFamily, string>;
  for (const family of ['bert', 't5', 'gpt'] as const) {
    dirs[family] = join(root, family);
    await saveTiny(dirs[family], family);
  }
  return dirs;
}

/** A caller of the engine's channels through `runRequest` (input and output validated by the contract). */
export function engineCaller(models: OpenModels, options: { maxBytes?: number } = {}) {
  const handlers: EngineHandlers = {
    'engine:ping': async ({ nonce }) => ({ nonce, pid: process.pid, uptimeMs: 0 }),
    ...createTrainHandlers(),
    ...createModelHandlers(models, options),
    ...createLibraryHandlers(),
    ...createFineTuneHandlers(),
    ...createWalkthroughHandlers(),
  };
  const context = { emit: () => {} };
  return {
    /** Expects success and returns the output. */
    async ok<C extends RequestChannel>(channel: C, payload: unknown): Promise<RequestOutput<C>> {
      const result = await runRequest(handlers, channel, payload, context);
      if (!result.ok) throw new Error(`${channel} failed: ${result.error.code}: ${result.error.message}`);
      return result.value as RequestOutput<C>;
    },
    /** Expects a typed error with `code` and returns it. */
    async fails(channel: RequestChannel, payload: unknown, code: string): Promise<WireError> {
      const result = await runRequest(handlers, channel, payload, context);
      if (result.ok) throw new Error(`${channel} should have failed with ${code}`);
      expect(result.error.code, result.error.message).toBe(code);
      return result.error;
    },
  };
}
