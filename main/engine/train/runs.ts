/**
 * The engine's training runs behind the `train:` channels: one run at a time, started in the background once
 * its corpus and model are ready, controlled by run id, reporting every step and every change of state as a
 * `train:onProgress` event. A failure ends the run with state `failed` and the typed error; the engine lives on.
 * Unless asked not to, a run also keeps a history of its checkpoints (history.ts) for replaying its attention.
 */
import { LabError, toWireError } from '../../../shared/contract/errors';
import type { TrainProgress, TrainStartRequest, TrainState } from '../../../shared/contract/train';
import type { Vocabulary } from '../../../shared/text/vocabulary';
import type { TrainingRecord } from '../checkpoint';
import type { TransformerModel } from '../models/model';
import { saveCheckpoint } from '../checkpoint';
import type { PreparedRun } from './prepare';
import { reportEngineError } from '../server';
import { prepareRun } from './prepare';
import { RunControl } from './control';
import { defaultAdamWOptions } from './adamw';
import { defaultWarmupSteps } from './schedule';
import type { StepProgress, TrainerOptions } from './trainer';
import { train } from './trainer';
import { assertHistoryReplaceable, clearHistory, saveHistoryEntry } from './history';
import { plannedHistorySteps } from './history-folder';

/** A point of the loss curve kept in the checkpoint's training record. */
export type LossPoint = NonNullable<TrainingRecord['losses']>[number];

/** Writes the checkpoint of a run into `dir` (atomically: an interrupted save leaves the previous one). */
export type CheckpointSaver = (
  dir: string,
  run: PreparedRun,
  request: TrainStartRequest,
  losses: readonly LossPoint[],
) => Promise<void>;

/** How a run was trained so far (hyper-parameters and loss curve), as its checkpoints record it. */
export const runRecord = (
  run: PreparedRun,
  request: TrainStartRequest,
  losses: readonly LossPoint[],
): TrainingRecord => ({
  steps: losses.at(-1)?.step ?? 0,
  seed: request.seed,
  corpus: request.corpus.kind === 'brown' ? 'brown' : request.corpus.path,
  losses: [...losses],
  hyperparameters: {
    steps: request.steps,
    batchSize: request.batchSize,
    learningRate: request.learningRate,
    warmupSteps: request.warmupSteps ?? defaultWarmupSteps(request.steps),
    weightDecay: request.weightDecay,
    clipNorm: request.clipNorm,
  },
  documents: run.documents,
});

/** The real saver: the model, its vocabulary and {@link runRecord}. */
export const saveRunCheckpoint: CheckpointSaver = (dir, run, request, losses) =>
  saveCheckpoint(dir, run.model, run.vocab, runRecord(run, request, losses));

/** What the runs need from outside (tests may replace both). */
export interface TrainingRunsDeps {
  save: CheckpointSaver;
  prepare: (request: TrainStartRequest) => Promise<PreparedRun>;
}

interface Run {
  id: string;
  emit(progress: TrainProgress): void;
  state: TrainState;
  control: RunControl;
  progress: TrainProgress;
  /** The model and vocabulary while the loop runs (`null` before and after: the model is then disposed). */
  prepared: PreparedRun | null;
}

/** The loop's settings for a request. */
export function trainerOptions(request: TrainStartRequest): TrainerOptions {
  return {
    steps: request.steps,
    schedule: {
      peak: request.learningRate,
      warmupSteps: request.warmupSteps ?? defaultWarmupSteps(request.steps),
      floorRatio: 0.1,
      decay: 'cosine',
    },
    adamw: { ...defaultAdamWOptions, weightDecay: request.weightDecay },
    clipNorm: request.clipNorm,
    evalEvery: request.evalEvery,
    checkpointEvery: request.checkpointEvery,
  };
}

const isFinished = (state: TrainState): boolean =>
  state === 'done' || state === 'cancelled' || state === 'failed';

/** Starts and controls training runs (one at a time). */
export class TrainingRuns {
  private readonly runs = new Map<string, Run>();
  private active: Run | null = null;
  private counter = 0;

  private readonly deps: TrainingRunsDeps;

  constructor(deps: Partial<TrainingRunsDeps> = {}) {
    this.deps = { save: saveRunCheckpoint, prepare: prepareRun, ...deps };
  }

  /**
   * Prepares a run (corpus, vocabulary, model — errors here reject the request) and starts its loop in the
   * background; resolves with the run id and, through `finished`, when the loop ends. Every step and change
   * of state goes to `emit`.
   */
  async start(
    request: TrainStartRequest,
    emit: (progress: TrainProgress) => void,
  ): Promise<{ runId: string; finished: Promise<TrainState> }> {
    if (this.active) {
      throw new LabError(
        'busy',
        `Training run ${this.active.id} is still going: wait for it or cancel it first.`,
      );
    }
    this.counter += 1;
    const id = `run-${Date.now().toString(36)}-${this.counter}`;
    const progress: TrainProgress = {
      runId: id,
      state: 'preparing',
      step: 0,
      totalSteps: request.steps,
      loss: null,
      valLoss: null,
      valLossStep: null,
      learningRate: 0,
      tokensPerSecond: 0,
      etaSeconds: 0,
      elapsedSeconds: 0,
      checkpoint: null,
      error: null,
    };
    const run: Run = { id, emit, state: 'preparing', control: new RunControl(), progress, prepared: null };
    this.active = run;
    this.runs.set(run.id, run);
    let prepared: PreparedRun | undefined;
    try {
      this.report(run, {});
      prepared = await this.deps.prepare(request);
      // The untrained model is the first checkpoint: a folder that cannot be written fails now, not at
      // the end of a long run, and a cancelled run always leaves a loadable checkpoint.
      await assertHistoryReplaceable(request.outDir);
      await this.deps.save(request.outDir, prepared, request, []);
      // An earlier run's history into the same folder would replay another model.
      await clearHistory(request.outDir);
      if (request.keepHistory) {
        await saveHistoryEntry(
          request.outDir,
          prepared.model,
          prepared.vocab,
          runRecord(prepared, request, []),
        );
      }
    } catch (error) {
      prepared?.model.dispose();
      this.active = null;
      run.state = 'failed';
      this.report(run, { error: toWireError(error, reportEngineError) });
      throw error;
    }
    run.progress.checkpoint = request.outDir;
    const finished = this.loop(run, prepared, request);
    return { runId: run.id, finished };
  }

  /** Pauses run `runId` after its current step. */
  pause(runId: string): { runId: string; state: TrainState } {
    const run = this.live(runId);
    run.control.pause();
    return { runId, state: 'paused' };
  }

  /** Resumes a paused run. */
  resume(runId: string): { runId: string; state: TrainState } {
    const run = this.live(runId);
    run.control.resume();
    return { runId, state: 'running' };
  }

  /** Cancels a run after its current step (a checkpoint being written is finished first). */
  cancel(runId: string): { runId: string; state: TrainState } {
    const run = this.find(runId);
    if (isFinished(run.state)) return { runId, state: run.state };
    run.control.cancel();
    return { runId, state: 'cancelled' };
  }

  /**
   * The model of run `runId` as it is now, with its vocabulary and step: only between two steps of a live
   * run (the engine answers requests when the loop yields), so callers use it at once and keep no tensors.
   */
  liveModel(runId: string): { model: TransformerModel; vocab: Vocabulary; step: number } {
    const run = this.find(runId);
    if (!run.prepared) {
      const why = run.state === 'preparing' ? 'is still preparing' : `already ended (${run.state})`;
      throw new LabError('invalid-argument', `Training run ${runId} ${why}: its model is not in memory.`);
    }
    return { model: run.prepared.model, vocab: run.prepared.vocab, step: run.progress.step };
  }

  /** Cancels whatever runs (engine shutdown). */
  cancelAll(): void {
    this.active?.control.cancel();
  }

  private find(runId: string): Run {
    const run = this.runs.get(runId);
    if (!run) throw new LabError('not-found', `There is no training run ${runId}.`);
    return run;
  }

  private live(runId: string): Run {
    const run = this.find(runId);
    if (isFinished(run.state))
      throw new LabError('invalid-argument', `Training run ${runId} already ended (${run.state}).`);
    return run;
  }

  private report(run: Run, change: Partial<TrainProgress>): void {
    run.progress = { ...run.progress, ...change, state: run.state };
    run.emit(run.progress);
  }

  private async loop(run: Run, prepared: PreparedRun, request: TrainStartRequest): Promise<TrainState> {
    const losses: LossPoint[] = [];
    // Keep about a thousand points of the curve (and every validation point) in the checkpoint, and the
    // point of each step the history keeps (its entry records the loss at its own step).
    const every = Math.max(1, Math.ceil(request.steps / 1000));
    const historySteps = new Set(
      request.keepHistory ? plannedHistorySteps(request.steps, request.checkpointEvery) : [],
    );
    const onProgress = (p: StepProgress): void => {
      if (p.valLoss !== null) losses.push({ step: p.step, loss: p.loss, valLoss: p.valLoss });
      else if (p.step % every === 0 || historySteps.has(p.step)) losses.push({ step: p.step, loss: p.loss });
      this.report(run, {
        step: p.step,
        loss: p.loss,
        ...(p.valLoss === null ? {} : { valLoss: p.valLoss, valLossStep: p.step }),
        learningRate: p.learningRate,
        tokensPerSecond: p.tokensPerSecond,
        etaSeconds: p.etaSeconds,
        elapsedSeconds: p.elapsedSeconds,
      });
    };
    run.state = 'running';
    run.prepared = prepared;
    this.report(run, {});
    try {
      const outcome = await train(
        prepared.model,
        prepared.source,
        prepared.validation,
        trainerOptions(request),
        {
          onProgress,
          onPause: (isPaused) => {
            run.state = isPaused ? 'paused' : 'running';
            this.report(run, {});
          },
          saveCheckpoint: async (step) => {
            await this.deps.save(request.outDir, prepared, request, losses);
            if (!historySteps.has(step)) return;
            const record = runRecord(prepared, request, losses);
            await saveHistoryEntry(request.outDir, prepared.model, prepared.vocab, record);
          },
        },
        run.control,
      );
      // A cancel that came after the last step's check (during its save) was answered `cancelled`: keep to
      // that answer (the checkpoint holds every step, as a cancelled run's holds its last saved one).
      run.state = run.control.isCancelled ? 'cancelled' : outcome.state;
      this.report(run, { etaSeconds: 0 });
    } catch (error) {
      run.state = 'failed';
      this.report(run, { error: toWireError(error, reportEngineError) });
    } finally {
      run.prepared = null;
      prepared.model.dispose();
      this.active = null;
    }
    return run.state;
  }
}
