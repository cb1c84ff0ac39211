/** The engine's `walkthrough:export` handler: the app's "Export slides" writes the PNGs headlessly, in-process. */
import { validateWalkthrough } from '../../../shared/walkthrough/parse';
import type { EngineHandlers } from '../server';
import { exportWalkthrough } from './export';

/** Handlers of the walkthrough channels. */
export function createWalkthroughHandlers(): Pick<EngineHandlers, 'walkthrough:export'> {
  return {
    // The server validated the input; validating again gives the steps their defaults' types.
    'walkthrough:export': async ({ walkthrough, lang, outDir, scale }) =>
      exportWalkthrough(validateWalkthrough(walkthrough), {
        language: lang,
        outDir,
        ...(scale === undefined ? {} : { scale }),
      }),
  };
}
