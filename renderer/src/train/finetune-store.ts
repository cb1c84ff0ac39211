/**
 * The fine-tuning run the Fine-tune section shows, kept outside React so that it survives a visit to another
 * page: the latest `finetune:onProgress`, the loss points seen so far, start and cancel. One store per LabApi.
 */
import { useSyncExternalStore } from 'react';
import type { LabApi } from '../../../shared/contract/api';
import type { FinetuneProgress, FinetuneStartInput } from '../../../shared/contract/finetune';
import type { LossPoint } from './training-store';
import { appendPoint } from './training-store';

/** What the section shows of a run. */
export interface FinetuneSnapshot {
  /** `''` while `finetune:start` is on its way, `null` before any run. */
  runId: string | null;
  request: FinetuneStartInput | null;
  progress: FinetuneProgress | null;
  losses: readonly LossPoint[];
  isSending: boolean;
}

/** A run that has not ended yet. */
export function isFinetuneLive(snapshot: FinetuneSnapshot): boolean {
  const state = snapshot.progress?.state;
  return snapshot.runId !== null && (state === undefined || state === 'preparing' || state === 'running');
}

/** The state and its controls. */
export interface FinetuneStore {
  subscribe: (listener: () => void) => () => void;
  snapshot: () => FinetuneSnapshot;
  start: (input: FinetuneStartInput) => Promise<void>;
  cancel: () => Promise<void>;
}

const empty: FinetuneSnapshot = { runId: null, request: null, progress: null, losses: [], isSending: false };

/** Creates the store of `api` (the section uses {@link useFinetune}). */
export function createFinetuneStore(api: LabApi): FinetuneStore {
  let state = empty;
  const listeners = new Set<() => void>();
  const set = (next: Partial<FinetuneSnapshot>) => {
    state = { ...state, ...next };
    for (const listener of listeners) listener();
  };
  // Events that arrive while `finetune:start` is on its way, kept until its run id is known.
  let early: FinetuneProgress[] = [];
  const adopt = (progress: FinetuneProgress) =>
    set({ progress, losses: appendPoint(state.losses, progress.step, progress.loss) });

  api.on('finetune:onProgress', (progress) => {
    if (state.runId === '') early.push(progress);
    else if (progress.runId === state.runId) adopt(progress);
  });

  return {
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    snapshot: () => state,
    start: async (input) => {
      early = [];
      set({ ...empty, runId: '', request: input, isSending: true });
      try {
        const { runId } = await api.invoke('finetune:start', input);
        set({ runId, isSending: false });
        for (const progress of early) if (progress.runId === runId) adopt(progress);
      } catch (error) {
        set({ runId: null, isSending: false });
        throw error;
      } finally {
        early = [];
      }
    },
    cancel: async () => {
      const runId = state.runId;
      if (!runId) return;
      set({ isSending: true });
      try {
        await api.invoke('finetune:cancel', { runId });
      } finally {
        set({ isSending: false });
      }
    },
  };
}

const stores = new WeakMap<LabApi, FinetuneStore>();

/** The store of `api` and its current snapshot, re-rendering on every change. */
export function useFinetune(api: LabApi): { store: FinetuneStore; finetune: FinetuneSnapshot } {
  let store = stores.get(api);
  if (!store) {
    store = createFinetuneStore(api);
    stores.set(api, store);
  }
  const finetune = useSyncExternalStore(store.subscribe, store.snapshot);
  return { store, finetune };
}
