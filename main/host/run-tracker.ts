/**
 * Remembers the training runs the engine reported as unfinished, so that when the engine dies mid-run the host
 * can tell the page each of them failed instead of leaving it "running" forever.
 */
import type { WireError } from '../../shared/contract/errors';
import type { TrainProgress, TrainState } from '../../shared/contract/train';

const finished: ReadonlySet<TrainState> = new Set<TrainState>(['done', 'cancelled', 'failed']);

/** Creates an empty tracker. */
export function createRunTracker() {
  const unfinished = new Map<string, TrainProgress>();
  return {
    /** Notes a `train:onProgress` event: keeps the latest of an unfinished run, forgets a finished one. */
    observe(progress: TrainProgress): void {
      if (finished.has(progress.state)) unfinished.delete(progress.runId);
      else unfinished.set(progress.runId, progress);
    },
    /** The final `failed` progress of every unfinished run (the tracker forgets them). */
    failAll(error: WireError): TrainProgress[] {
      const failed = [...unfinished.values()].map((last): TrainProgress => ({
        ...last,
        state: 'failed',
        tokensPerSecond: 0,
        etaSeconds: 0,
        error,
      }));
      unfinished.clear();
      return failed;
    },
  };
}

/** A run tracker. */
export type RunTracker = ReturnType<typeof createRunTracker>;
