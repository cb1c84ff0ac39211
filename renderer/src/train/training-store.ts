/**
 * The training run the Train screen shows, kept outside React so that it survives a visit to another page: the
 * latest `train:onProgress`, the loss and validation-loss points seen so far, and the controls. One store per
 * LabApi, subscribed once for the page's lifetime.
 */
import { useSyncExternalStore } from 'react';
import type { LabApi } from '../../../shared/contract/api';
import type { TrainProgress, TrainStartInput } from '../../../shared/contract/train';

/** One point of a curve. */
export interface LossPoint {
  step: number;
  loss: number;
}

/** What the screen shows of a run. */
export interface TrainingSnapshot {
  runId: string | null;
  /** The request the run was started with. */
  request: TrainStartInput | null;
  progress: TrainProgress | null;
  losses: readonly LossPoint[];
  valLosses: readonly LossPoint[];
  /** A request is on its way (start, pause, resume, stop). */
  isSending: boolean;
}

/** A run that still owns the engine's trainer. */
export function isLive(snapshot: TrainingSnapshot): boolean {
  const state = snapshot.progress?.state;
  return (
    snapshot.runId !== null &&
    (state === undefined || state === 'preparing' || state === 'running' || state === 'paused')
  );
}

/** Appends `point` unless a point of that step is already there (progress repeats on changes of state). */
export function appendPoint(
  points: readonly LossPoint[],
  step: number,
  loss: number | null,
): readonly LossPoint[] {
  if (loss === null || !Number.isFinite(loss)) return points;
  const last = points[points.length - 1];
  if (last && last.step >= step) return points;
  return [...points, { step, loss }];
}

/** The state and its controls. */
export interface TrainingStore {
  subscribe: (listener: () => void) => () => void;
  snapshot: () => TrainingSnapshot;
  start: (input: TrainStartInput) => Promise<void>;
  pause: () => Promise<void>;
  resume: () => Promise<void>;
  cancel: () => Promise<void>;
}

const empty: TrainingSnapshot = {
  runId: null,
  request: null,
  progress: null,
  losses: [],
  valLosses: [],
  isSending: false,
};

/** Creates the store of `api` (the page uses {@link useTraining}). */
export function createTrainingStore(api: LabApi): TrainingStore {
  let state = empty;
  const listeners = new Set<() => void>();
  const set = (next: Partial<TrainingSnapshot>) => {
    state = { ...state, ...next };
    for (const listener of listeners) listener();
  };

  api.on('train:onProgress', (progress) => {
    // Events of another window's run, or of a run this page has moved past, are not ours to draw.
    if (progress.runId !== state.runId && state.runId !== null) return;
    set({
      runId: progress.runId,
      progress,
      losses: appendPoint(state.losses, progress.step, progress.loss),
      valLosses:
        progress.valLossStep === null
          ? state.valLosses
          : appendPoint(state.valLosses, progress.valLossStep, progress.valLoss),
    });
  });

  const control = async (channel: 'train:pause' | 'train:resume' | 'train:cancel') => {
    const runId = state.runId;
    if (runId === null) return;
    set({ isSending: true });
    try {
      await api.invoke(channel, { runId });
    } finally {
      set({ isSending: false });
    }
  };

  return {
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    snapshot: () => state,
    start: async (input) => {
      // A sentinel id: progress of the new run is adopted once its id is known, not before.
      set({ ...empty, runId: '', request: input, isSending: true });
      try {
        const { runId } = await api.invoke('train:start', input);
        set({ runId, isSending: false });
      } catch (error) {
        set({ runId: null, isSending: false });
        throw error;
      }
    },
    pause: () => control('train:pause'),
    resume: () => control('train:resume'),
    cancel: () => control('train:cancel'),
  };
}

const stores = new WeakMap<LabApi, TrainingStore>();

/** The store of `api` and its current snapshot, re-rendering on every change. */
export function useTraining(api: LabApi): { store: TrainingStore; training: TrainingSnapshot } {
  let store = stores.get(api);
  if (!store) {
    store = createTrainingStore(api);
    stores.set(api, store);
  }
  const training = useSyncExternalStore(store.subscribe, store.snapshot);
  return { store, training };
}
