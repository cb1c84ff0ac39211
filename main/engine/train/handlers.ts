/** The engine's handlers of the `train:` channels, over one {@link TrainingRuns}. */
import { LabError } from '../../../shared/contract/errors';
import { trainStartSchema } from '../../../shared/contract/train';
import { JobLock } from '../job-lock';
import type { EngineHandlers } from '../server';
import { attentionAnswer } from '../session/wire-attention';
import { readHistory } from './history';
import { TrainingRuns } from './runs';

/** The `train:` channels of the engine. */
export type TrainChannel =
  'train:start' | 'train:pause' | 'train:resume' | 'train:cancel' | 'train:attention' | 'train:history';

/** Handlers for the `train:` channels; progress goes out as `train:onProgress` through the start request's context. */
export function createTrainHandlers(
  runs = new TrainingRuns(),
  lock = new JobLock(),
): Pick<EngineHandlers, TrainChannel> {
  return {
    'train:start': async (input, context) => {
      // The server already validated the input; parsing again gives the defaults their types.
      const request = trainStartSchema.parse(input);
      // One heavy job at a time: a fine-tuning run holds the same lock (engine.ts shares it).
      const release = lock.acquire('A training run');
      try {
        const started = await runs.start(request, (progress) => context.emit('train:onProgress', progress));
        void started.finished.finally(release);
        return { runId: started.runId };
      } catch (error) {
        release();
        throw error;
      }
    },
    'train:pause': async ({ runId }) => runs.pause(runId),
    'train:resume': async ({ runId }) => runs.resume(runId),
    'train:cancel': async ({ runId }) => runs.cancel(runId),
    'train:attention': async ({ runId, text, target }) => {
      // Served between two steps (the loop yields), from the weights as they are now; attendText is tidy.
      const { model, vocab } = runs.liveModel(runId);
      if (text.trim() === '')
        throw new LabError('invalid-argument', 'Type a sentence first: the text is empty.');
      // Only T5 reads a target (as in `attention:compute`, an empty one is the same as none).
      const soFar = model.config.family === 't5' && target ? target : undefined;
      return attentionAnswer(model, vocab, { text, target: soFar });
    },
    // The saved steps of a run (of any run: it reads the folders, not the runs in memory).
    'train:history': async ({ checkpoint }) => readHistory(checkpoint),
  };
}
