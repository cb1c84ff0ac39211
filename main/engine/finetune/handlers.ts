/** The engine's handlers of the `finetune:` channels, over one {@link FineTuneRuns}. */
import { finetuneStartSchema } from '../../../shared/contract/finetune';
import type { EngineHandlers } from '../server';
import { FineTuneRuns } from './runs';

/** The `finetune:` channels of the engine. */
export type FineTuneChannel = 'finetune:start' | 'finetune:cancel';

/** Handlers for the `finetune:` channels; progress goes out as `finetune:onProgress` through the start request's context. */
export function createFineTuneHandlers(runs = new FineTuneRuns()): Pick<EngineHandlers, FineTuneChannel> {
  return {
    'finetune:start': async (input, context) => {
      // The server already validated the input; parsing again gives the defaults their types.
      const request = finetuneStartSchema.parse(input);
      const { runId } = runs.start(request, (progress) => context.emit('finetune:onProgress', progress));
      return { runId };
    },
    'finetune:cancel': async ({ runId }) => runs.cancel(runId),
  };
}
