/**
 * The engine: owns TensorFlow.js. Knows nothing of Electron or of the transport it is reached through, so the
 * same module runs in an Electron utility process, a Node child process (web host) or in-process (CLI).
 */
import * as tf from '@tensorflow/tfjs';
import type { EngineStatus } from '../../shared/contract/engine';
import { forcedBackend, selectBackend } from './backend';
import type { BackendLoader, BackendSelection } from './backend';
import type { EngineHandlers } from './server';
import { backendLoaders } from './tf-backends';
import { createModelHandlers } from './session/handlers';
import { createTrainHandlers } from './train/handlers';
import { createLibraryHandlers } from './library/handlers';
import { createWalkthroughHandlers } from './walkthrough/handlers';
import { createFineTuneHandlers } from './finetune/handlers';
import { FineTuneRuns } from './finetune/runs';
import { JobLock } from './job-lock';
import { TrainingRuns } from './train/runs';

/** A started engine: the backend it chose and its request handlers. */
export interface Engine {
  selection: BackendSelection;
  /** Status as the engine itself knows it (the supervisor adds restarts). */
  status(): EngineStatus;
  handlers: EngineHandlers;
}

/** Chooses a backend and builds the handlers. */
export async function startEngine(
  options: { loaders?: readonly BackendLoader[]; env?: NodeJS.ProcessEnv } = {},
): Promise<Engine> {
  const env = options.env ?? process.env;
  const selection = await selectBackend(options.loaders ?? backendLoaders, {
    forced: forcedBackend(env['ATTENTION_LAB_BACKEND']),
  });
  const startedAt = performance.now();
  const status = (): EngineStatus => ({
    state: selection.backend ? 'ready' : 'stopped',
    backend: selection.backend,
    device: selection.device,
    attempts: selection.attempts,
    tfjsVersion: tf.version.tfjs,
    restarts: 0,
    message: selection.backend ? null : 'No TensorFlow.js backend could be loaded.',
  });
  // Training, fine-tuning and slide export share one heavy-job slot: the second asked for is refused with `busy`.
  const jobs = new JobLock();
  const handlers: EngineHandlers = {
    'engine:ping': async ({ nonce }) => ({
      nonce,
      pid: process.pid,
      uptimeMs: performance.now() - startedAt,
    }),
    ...createTrainHandlers(new TrainingRuns(), jobs),
    ...createModelHandlers(),
    ...createLibraryHandlers(),
    ...createFineTuneHandlers(new FineTuneRuns({ lock: jobs })),
    ...createWalkthroughHandlers(jobs),
  };
  return { selection, status, handlers };
}
