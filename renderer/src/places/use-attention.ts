/**
 * The attention of the open model for the text being typed: asked for after a short pause in typing
 * (debounced), each request numbered so an answer that arrives after a newer request was sent is dropped.
 * The last good answer stays on screen while the next one is on its way, so views never blank between keys.
 * The engine is a separate process: a training run there slows answers down but never blocks this page.
 */
import { useEffect, useRef, useState } from 'react';
import type { LabApi } from '../../../shared/contract/api';
import type { LabError } from '../../../shared/contract/errors';
import { asLabError } from '../errors/as-lab-error';
import type { ViewData } from '../views/view-data';
import { viewDataOf } from '../views/view-data';

/**
 * Pause in typing before the engine is asked, in milliseconds: short enough that a tiny model's view follows
 * within 100 ms of the last key (the round trip through the engine and the redraw take ~30–60 ms), long enough
 * to skip most keys of a fast typist's word; answers to superseded requests are dropped anyway.
 */
export const typingDelayMs = 50;

/** The attention for a text, and where the request stands. */
export interface AttentionState {
  /** The last answer (possibly for an older text while `isPending`). */
  data: ViewData | null;
  error: LabError | null;
  isPending: boolean;
  /** The text is empty: nothing to ask. */
  isEmpty: boolean;
  /** Milliseconds from sending the last answered request to its answer. */
  latencyMs: number | null;
}

interface Answer {
  key: string;
  modelId: string;
  data: ViewData | null;
  error: LabError | null;
  latencyMs: number | null;
}

/** Requests attention for `text` (and T5's `target`) from `modelId` whenever they change. */
export function useAttention(
  api: LabApi,
  modelId: string | null,
  text: string,
  target: string | undefined,
  delayMs = typingDelayMs,
): AttentionState {
  const [answer, setAnswer] = useState<Answer | null>(null);
  const sequence = useRef(0);
  const isEmpty = text.trim() === '';
  const key = JSON.stringify([modelId, text, target ?? null]);

  useEffect(() => {
    if (!modelId || isEmpty) return;
    const number = ++sequence.current;
    const timer = setTimeout(() => {
      const sent = performance.now();
      const input = { modelId, text, ...(target !== undefined ? { target } : {}) };
      api.invoke('attention:compute', input).then(
        (result) => {
          if (number !== sequence.current) return; // a newer request is on its way
          const latencyMs = performance.now() - sent;
          setAnswer({ key, modelId, data: viewDataOf(result, text, target), error: null, latencyMs });
        },
        (error: unknown) => {
          if (number !== sequence.current) return;
          setAnswer((last) => ({
            key,
            modelId,
            data: last?.modelId === modelId ? last.data : null,
            error: asLabError(error),
            latencyMs: null,
          }));
        },
      );
    }, delayMs);
    return () => clearTimeout(timer);
  }, [api, modelId, text, target, isEmpty, key, delayMs]);

  const isCurrent = answer?.key === key;
  // A different model's answer is never shown for this one (its tokens and layers may differ).
  const isSameModel = answer?.modelId === modelId;
  return {
    data: isSameModel ? (answer?.data ?? null) : null,
    error: isCurrent ? (answer?.error ?? null) : null,
    isPending: Boolean(modelId) && !isEmpty && !isCurrent,
    isEmpty,
    latencyMs: answer?.latencyMs ?? null,
  };
}
