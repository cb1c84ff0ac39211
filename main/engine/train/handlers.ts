/** The engine's handlers of the `train:` channels, over one {@link TrainingRuns}. */
import { trainStartSchema } from '../../../shared/contract/train';
import type { EngineHandlers } from '../server';
import { TrainingRuns } from './runs';

/** The `train:` channels of the engine. */
export type TrainChannel = 'train:start' | 'train:pause' | 'train:resume' | 'train:cancel';

/** Handlers for the `train:` channels; progress goes out as `train:onProgress` through the start request's context. */
export function createTrainHandlers(runs = new TrainingRuns()): Pick<EngineHandlers, TrainChannel> {
  return {
    'train:start': async (input, context) => {
      // The server already validated the input; parsing again gives the defaults their types.
      const request = trainStartSchema.parse(input);
      const { runId } = await runs.start(request, (progress) => context.emit('train:onProgress', progress));
      return { runId };
    },
    'train:pause': async ({ runId }) => runs.pause(runId),
    'train:resume': async ({ runId }) => runs.resume(runId),
    'train:cancel': async ({ runId }) => runs.cancel(runId),
  };
}
