/**
 * The model a page shows: the family's built-in checkpoint, opened in the engine on the first visit, or a
 * checkpoint folder the user opens. A model of another family is refused with a clear message; while a model
 * opens, the last one stays in place.
 */
import { useEffect, useState } from 'react';
import type { LabApi } from '../../../shared/contract/api';
import type { LabError } from '../../../shared/contract/errors';
import type { BuiltinModelId, ModelInfo, ModelSource } from '../../../shared/contract/model';
import { asLabError } from '../errors/as-lab-error';
import { rememberCheckpoint } from '../library/recent-checkpoints';

/** A model family. */
export type Family = ModelInfo['family'];

/** A model the chooser lists: the built-in one, or a checkpoint opened in this session. */
export interface ModelChoice {
  key: string;
  source: ModelSource;
}

/** The key of a source (for the chooser and for telling answers apart). */
export function sourceKey(source: ModelSource): string {
  return source.kind === 'builtin' ? `builtin:${source.id}` : `checkpoint:${source.path}`;
}

/** Where opening stands. */
export interface ModelState {
  choices: readonly ModelChoice[];
  current: ModelChoice;
  /** The open model (the previous one while another opens). */
  info: ModelInfo | null;
  error: LabError | null;
  /** A family mismatch, named (the page explains it in the user's language). */
  wrongFamily: Family | null;
  isOpening: boolean;
  choose: (key: string) => void;
  openCheckpoint: (path: string) => void;
}

interface Opened {
  key: string;
  info: ModelInfo | null;
  error: LabError | null;
  wrongFamily: Family | null;
}

/** The chooser's entry for a checkpoint folder. */
function checkpointChoice(path: string): ModelChoice {
  const source: ModelSource = { kind: 'checkpoint', path: path.trim() };
  return { key: sourceKey(source), source };
}

/**
 * Opens the built-in model of `family` and any checkpoint the user picks; `checkpointPath` (read when the page
 * mounts, as it does on every navigation) is listed and selected from the start, so the built-in model is not
 * opened first.
 */
export function useModel(
  api: LabApi,
  family: Family,
  builtin: BuiltinModelId,
  checkpointPath?: string,
): ModelState {
  const [choices, setChoices] = useState<ModelChoice[]>(() => {
    const source: ModelSource = { kind: 'builtin', id: builtin };
    const first = { key: sourceKey(source), source };
    return checkpointPath ? [first, checkpointChoice(checkpointPath)] : [first];
  });
  const [currentKey, setCurrentKey] = useState(() => choices.at(-1)?.key ?? '');
  const [opened, setOpened] = useState<Opened | null>(null);
  const current = choices.find((choice) => choice.key === currentKey) ?? choices[0];
  if (!current) throw new Error('The model chooser has no model');

  useEffect(() => {
    let isCurrent = true;
    const { key, source } = current;
    api
      .invoke('model:open', { source })
      .then((info) => {
        if (!isCurrent) return;
        const isRightFamily = info.family === family;
        // A checkpoint folder opened here (or from the Train page's "Open in views") joins the Library's recent list.
        if (isRightFamily && source.kind === 'checkpoint') rememberCheckpoint(source.path);
        setOpened((previous) =>
          isRightFamily
            ? { key, info, error: null, wrongFamily: null }
            : { key, info: previous?.info ?? null, error: null, wrongFamily: info.family },
        );
      })
      .catch((error: unknown) => {
        if (isCurrent) setOpened({ key, info: null, error: asLabError(error), wrongFamily: null });
      });
    return () => {
      isCurrent = false;
    };
  }, [api, current, family]);

  const openCheckpoint = (path: string) => {
    const choice = checkpointChoice(path);
    setChoices((list) => (list.some(({ key }) => key === choice.key) ? list : [...list, choice]));
    setCurrentKey(choice.key);
  };
  const isOpening = opened?.key !== current.key;
  return {
    choices,
    current,
    info: opened?.info ?? null,
    error: isOpening ? null : (opened?.error ?? null),
    wrongFamily: isOpening ? null : (opened?.wrongFamily ?? null),
    isOpening,
    choose: setCurrentKey,
    openCheckpoint,
  };
}
