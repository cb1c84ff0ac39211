/**
 * Remembers the training and fine-tuning runs the engine reported as unfinished, so that when the engine dies
 * mid-run the host can tell the page each of them failed instead of leaving it "running" forever.
 */
import type { WireError } from '../../shared/contract/errors';
import type { FinetuneProgress } from '../../shared/contract/finetune';
import type { TrainProgress } from '../../shared/contract/train';

/** A progress event of a run, with its channel. */
export type RunEvent =
  | { channel: 'train:onProgress'; progress: TrainProgress }
  | { channel: 'finetune:onProgress'; progress: FinetuneProgress };

/** The channels that report runs. */
export const runChannels: ReadonlySet<string> = new Set<RunEvent['channel']>([
  'train:onProgress',
  'finetune:onProgress',
]);

const finished: ReadonlySet<string> = new Set(['done', 'cancelled', 'failed']);

/** The last word on a run the engine took with it. */
function failed(event: RunEvent, error: WireError): RunEvent {
  if (event.channel === 'train:onProgress') {
    const progress = {
      ...event.progress,
      state: 'failed',
      tokensPerSecond: 0,
      etaSeconds: 0,
      error,
    } as const;
    return { channel: event.channel, progress };
  }
  return { channel: event.channel, progress: { ...event.progress, state: 'failed', etaSeconds: 0, error } };
}

/** Creates an empty tracker. */
export function createRunTracker() {
  // Keyed by channel and run id: a training and a fine-tuning run may share an id.
  const unfinished = new Map<string, RunEvent>();
  return {
    /** Notes a run's progress event: keeps the latest of an unfinished run, forgets a finished one. */
    observe(event: RunEvent): void {
      const key = `${event.channel} ${event.progress.runId}`;
      if (finished.has(event.progress.state)) unfinished.delete(key);
      else unfinished.set(key, event);
    },
    /** The final `failed` event of every unfinished run (the tracker forgets them). */
    failAll(error: WireError): RunEvent[] {
      const events = [...unfinished.values()].map((last) => failed(last, error));
      unfinished.clear();
      return events;
    },
  };
}

/** A run tracker. */
export type RunTracker = ReturnType<typeof createRunTracker>;
