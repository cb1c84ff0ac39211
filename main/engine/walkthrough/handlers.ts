/** The engine's `walkthrough:export` handler: the app's "Export slides" writes the PNGs headlessly, in-process. */
import { validateWalkthrough } from '../../../shared/walkthrough/parse';
import { JobLock } from '../job-lock';
import type { EngineHandlers } from '../server';
import { exportWalkthrough } from './export';

/**
 * Handlers of the walkthrough channels. An export holds the engine's job `lock` (engine.ts shares it with
 * training and fine-tuning): its forward passes and rasterising would stall a run's loop, so a busy engine
 * answers `busy`.
 */
export function createWalkthroughHandlers(lock = new JobLock()): Pick<EngineHandlers, 'walkthrough:export'> {
  return {
    // The server validated the input; validating again gives the steps their defaults' types.
    'walkthrough:export': async ({ walkthrough, lang, outDir, scale }) => {
      const checked = validateWalkthrough(walkthrough);
      const release = lock.acquire('A slide export');
      try {
        return await exportWalkthrough(checked, {
          language: lang,
          outDir,
          ...(scale === undefined ? {} : { scale }),
        });
      } finally {
        release();
      }
    },
  };
}
