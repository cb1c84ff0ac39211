/**
 * The app's checkpoints folder from `app:info` (asked once: it does not change while the app runs), for the
 * forms whose default output folder lives under it (Train, Fine-tune, slide export).
 */
import { useEffect, useRef, useState } from 'react';
import type { LabApi } from '../../../shared/contract/api';
import type { WireError } from '../../../shared/contract/errors';
import { LabError } from '../../../shared/contract/errors';
import type { CheckpointsFolder } from './train-settings';
import { checkpointsFolder } from './train-settings';

let knownFolder: CheckpointsFolder | null = null;

/** The folder known so far (before a component mounts: its first state). */
export function knownCheckpointsFolder(): CheckpointsFolder | null {
  return knownFolder;
}

/**
 * The checkpoints folder, `null` until `app:info` answers; `onKnown` runs once when it becomes known while the
 * component is mounted (to fill a default path), `onError` when the question fails.
 */
export function useCheckpointsFolder(
  api: LabApi,
  onError: (error: unknown) => void,
  onKnown?: (folder: CheckpointsFolder) => void,
): CheckpointsFolder | null {
  const [folder, setFolder] = useState<CheckpointsFolder | null>(knownFolder);
  // The callbacks of the latest render, read when the answer comes (the question is asked once per mount).
  const callbacks = useRef({ onError, onKnown });
  useEffect(() => {
    callbacks.current = { onError, onKnown };
  });
  useEffect(() => {
    if (knownFolder) return;
    let isCurrent = true;
    api
      .invoke('app:info', {})
      .then((info) => {
        const known = checkpointsFolder(info);
        knownFolder = known;
        if (!isCurrent) return;
        setFolder(known);
        callbacks.current.onKnown?.(known);
      })
      .catch((error: unknown) => isCurrent && callbacks.current.onError(error));
    return () => {
      isCurrent = false;
    };
  }, [api]);
  return folder;
}

/** Reports a run's failure once, not again on every visit to its page (`reported` is the page's memory). */
export function useReportFailureOnce(
  runId: string | null,
  failure: WireError | null | undefined,
  reported: Set<string>,
  report: (error: unknown) => void,
): void {
  useEffect(() => {
    if (!failure || !runId || reported.has(runId)) return;
    reported.add(runId);
    report(new LabError(failure.code, failure.message));
  }, [failure, runId, reported, report]);
}
