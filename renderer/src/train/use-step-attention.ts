/**
 * The attention of one saved step of a run: its checkpoint opened in the engine (`model:open`, which finds a
 * model already open) and `attention:compute` for the text. Each answer is kept per folder, save time and text,
 * so going back to a step draws at once (and a new run into the same folder, whose steps have the same paths,
 * is not drawn from the old run's answers); while a step loads, the last answer stays on screen. Nothing is closed: the
 * engine's own cache frees the models used least recently.
 */
import { useEffect, useRef, useState } from 'react';
import type { LabApi } from '../../../shared/contract/api';
import type { LabError } from '../../../shared/contract/errors';
import { asLabError } from '../errors/as-lab-error';
import type { Family } from '../places/use-model';
import type { ViewData } from '../views/view-data';
import { viewDataOf } from '../views/view-data';

/** One step's answer. */
export interface StepView {
  /** The checkpoint folder of the step. */
  path: string;
  /** When that folder's weights were written (the history entry's `savedAt`). */
  savedAt: number;
  family: Family;
  data: ViewData;
}

/** What to draw for the step asked for. */
export interface StepAttention {
  /** The answer for this step and text, or else the last answer that arrived (`null` before any). */
  shown: StepView | null;
  /** `shown` is this step's, for this text. */
  isCurrent: boolean;
  error: LabError | null;
}

/** Most answers kept (a history has at most 50 steps; a few texts each). */
const maxCached = 200;

const keyOf = (path: string, savedAt: number, text: string, target: string | undefined): string =>
  `${path}\n${savedAt}\n${text}\n${target ?? ''}`;

/**
 * The attention of the checkpoint folder `path` (`null`: none asked), saved at `savedAt`, for `text` (and T5's
 * `target`).
 */
export function useStepAttention(
  api: LabApi,
  path: string | null,
  savedAt: number,
  text: string,
  target: string | undefined,
): StepAttention {
  const [cache, setCache] = useState<ReadonlyMap<string, StepView>>(() => new Map());
  const [latest, setLatest] = useState<StepView | null>(null);
  const [failure, setFailure] = useState<{ key: string; error: LabError } | null>(null);
  // Keys answered or on their way: each is asked once (a failed one may be asked again).
  const asked = useRef(new Set<string>());
  const key = path === null ? null : keyOf(path, savedAt, text, target);

  useEffect(() => {
    if (path === null || key === null || asked.current.has(key)) return;
    asked.current.add(key);
    const load = async (): Promise<StepView> => {
      const info = await api.invoke('model:open', { source: { kind: 'checkpoint', path } });
      const result = await api.invoke('attention:compute', {
        modelId: info.modelId,
        text,
        ...(target !== undefined ? { target } : {}),
      });
      return { path, savedAt, family: info.family, data: viewDataOf(result, text, target) };
    };
    load()
      .then((view) => {
        setCache((previous) => {
          const next = new Map(previous).set(key, view);
          for (const old of next.keys()) {
            if (next.size <= maxCached) break;
            next.delete(old);
            asked.current.delete(old);
          }
          return next;
        });
        setLatest(view);
      })
      .catch((error: unknown) => {
        asked.current.delete(key);
        setFailure({ key, error: asLabError(error) });
      });
  }, [api, key, path, savedAt, text, target]);

  const current = key === null ? undefined : cache.get(key);
  return {
    shown: current ?? latest,
    isCurrent: current !== undefined,
    error: current === undefined && failure?.key === key ? failure.error : null,
  };
}
