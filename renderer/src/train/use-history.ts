/**
 * The saved steps of a checkpoint's training history (`train:history`), reloaded whenever `refreshKey`
 * changes (a live run saves more as it goes). The last answer stays while the next loads, so a slider over
 * the steps does not jump.
 */
import { useEffect, useState } from 'react';
import type { LabApi } from '../../../shared/contract/api';
import type { LabError } from '../../../shared/contract/errors';
import type { TrainHistory } from '../../../shared/contract/train';
import { asLabError } from '../errors/as-lab-error';

/** The history of one checkpoint folder, as far as it is known. */
export interface HistoryState {
  /** `null` until the first answer for this folder. */
  history: TrainHistory | null;
  error: LabError | null;
  isLoading: boolean;
}

interface Answer {
  path: string;
  key: string;
  history: TrainHistory | null;
  error: LabError | null;
}

/** The history of the checkpoint folder `path` (nothing is asked while it is empty). */
export function useHistory(api: LabApi, path: string, refreshKey: string): HistoryState {
  const [answer, setAnswer] = useState<Answer | null>(null);
  const key = `${path}\n${refreshKey}`;

  useEffect(() => {
    if (path === '') return;
    let isCurrent = true;
    api
      .invoke('train:history', { checkpoint: path })
      .then((history) => {
        if (isCurrent) setAnswer({ path, key, history, error: null });
      })
      .catch((error: unknown) => {
        if (isCurrent) setAnswer({ path, key, history: null, error: asLabError(error) });
      });
    return () => {
      isCurrent = false;
    };
  }, [api, path, key]);

  const isThisFolder = answer !== null && answer.path === path && path !== '';
  return {
    history: isThisFolder ? answer.history : null,
    error: isThisFolder && answer.key === key ? answer.error : null,
    isLoading: path !== '' && answer?.key !== key,
  };
}
