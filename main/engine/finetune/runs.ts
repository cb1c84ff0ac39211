/**
 * The engine's fine-tuning runs behind the `finetune:` channels: each holds the engine's {@link JobLock} (one
 * heavy job at a time, training included), goes in the background, and reports every step and change of state
 * as a `finetune:onProgress` event. Cancel aborts the run between two steps, before anything is saved, so a
 * cancelled run leaves no checkpoint; a failure ends the run with state `failed` and the typed error.
 */
import { join } from 'node:path';
import { LabError, toWireError } from '../../../shared/contract/errors';
import type {
  FinetuneProgress,
  FinetuneStartRequest,
  FinetuneState,
  FinetuneTask,
} from '../../../shared/contract/finetune';
import type { ModelSource } from '../../../shared/contract/model';
import { JobLock } from '../job-lock';
import { reportEngineError } from '../server';
import { builtinCheckpointsRoot } from '../session/builtin';
import type { FineTuneOptions, FineTuneResult } from './run';
import { runFineTune } from './run';

/** What the runs need from outside (tests may replace them). */
export interface FineTuneRunsDeps {
  /** The engine's heavy-job slot, shared with training. */
  lock: JobLock;
  /** Runs one fine-tune (default {@link runFineTune}). */
  run: (options: FineTuneOptions) => Promise<FineTuneResult>;
  /** The folder of a checkpoint source. */
  checkpointDir: (source: ModelSource) => string;
}

interface Run {
  id: string;
  progress: FinetuneProgress;
  abort: AbortController;
  /** Past the last cancel check and saving: the run is heading to `done` whatever is asked. */
  saving: boolean;
  emit(progress: FinetuneProgress): void;
}

/** The CLI's task string of a request's task: `brown-genre`, …, or `csv:<path>`. */
export function taskName(task: FinetuneTask): string {
  return typeof task === 'string' ? task : `csv:${task.csv}`;
}

const isFinished = (state: FinetuneState): boolean =>
  state === 'done' || state === 'cancelled' || state === 'failed';

/** Starts and cancels fine-tuning runs (one heavy job at a time). */
export class FineTuneRuns {
  private readonly runs = new Map<string, Run>();
  private counter = 0;
  private readonly deps: FineTuneRunsDeps;

  constructor(deps: Partial<FineTuneRunsDeps> = {}) {
    this.deps = {
      lock: new JobLock(),
      run: runFineTune,
      checkpointDir: (source) =>
        source.kind === 'builtin' ? join(builtinCheckpointsRoot(), source.id) : source.path,
      ...deps,
    };
  }

  /**
   * Takes the engine's job slot (`busy` when a training or fine-tuning run holds it) and starts the run in the
   * background; `finished` resolves with its final state. Loading, examples and errors in them are reported
   * through `emit` (state `preparing`, then `failed` with the error).
   */
  start(
    request: FinetuneStartRequest,
    emit: (progress: FinetuneProgress) => void,
  ): { runId: string; finished: Promise<FinetuneState> } {
    this.counter += 1;
    const id = `finetune-${Date.now().toString(36)}-${this.counter}`;
    const release = this.deps.lock.acquire('A fine-tuning run');
    const run: Run = {
      id,
      emit,
      abort: new AbortController(),
      saving: false,
      progress: {
        runId: id,
        state: 'preparing',
        step: 0,
        totalSteps: request.steps,
        loss: null,
        etaSeconds: 0,
        result: null,
        checkpoint: null,
        error: null,
      },
    };
    this.runs.set(id, run);
    // The loop starts on the next turn, so the answer with the run id goes out before its first event.
    const finished = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => this.loop(run, request))
      .finally(release);
    return { runId: id, finished };
  }

  /**
   * Cancels run `runId` before its next step (nothing is saved). Answers the state the run ends in: `done`
   * when it is already saving its checkpoint, which a cancel no longer stops.
   */
  cancel(runId: string): { runId: string; state: FinetuneState } {
    const run = this.runs.get(runId);
    if (!run) throw new LabError('not-found', `There is no fine-tuning run ${runId}.`);
    if (isFinished(run.progress.state)) return { runId, state: run.progress.state };
    if (run.saving) return { runId, state: 'done' };
    run.abort.abort();
    return { runId, state: 'cancelled' };
  }

  /** Cancels whatever runs (engine shutdown). */
  cancelAll(): void {
    for (const run of this.runs.values()) run.abort.abort();
  }

  private report(run: Run, change: Partial<FinetuneProgress>): void {
    run.progress = { ...run.progress, ...change };
    run.emit(run.progress);
  }

  private async loop(run: Run, request: FinetuneStartRequest): Promise<FinetuneState> {
    this.report(run, {});
    const startedAt = performance.now();
    let firstStepAt = 0;
    const onStep = (step: number, loss: number): void => {
      const now = performance.now();
      if (step === 1) firstStepAt = now;
      // Seconds per step from step 1 on (step 1 alone also carries the loading time).
      const perStep = step > 1 ? (now - firstStepAt) / (step - 1) : now - startedAt;
      const etaSeconds = ((request.steps - step) * perStep) / 1000;
      this.report(run, { state: 'running', step, loss, etaSeconds });
    };
    try {
      const result = await this.deps.run({
        checkpoint: this.deps.checkpointDir(request.checkpoint),
        task: taskName(request.task),
        steps: request.steps,
        seed: request.seed,
        outDir: request.outDir,
        onStep,
        signal: run.abort.signal,
        onSaving: () => {
          run.saving = true;
        },
      });
      this.report(run, { state: 'done', etaSeconds: 0, result, checkpoint: request.outDir });
    } catch (error) {
      if (run.abort.signal.aborted) this.report(run, { state: 'cancelled', etaSeconds: 0 });
      else this.report(run, { state: 'failed', etaSeconds: 0, error: toWireError(error, reportEngineError) });
    }
    return run.progress.state;
  }
}
