/**
 * The model a walkthrough step names, opened in the engine: a built-in id or `{ checkpoint }` folder. A model
 * of the wrong family for the step (a BERT checkpoint for the triptych) is refused with a clear message instead
 * of being run. The engine keeps models it opened, so stepping back and forth reopens nothing.
 */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LabApi } from '../../../shared/contract/api';
import { LabError } from '../../../shared/contract/errors';
import type { ModelInfo } from '../../../shared/contract/model';
import type { StepModel, WalkthroughStep } from '../../../shared/walkthrough/schema';
import { stepFamilyProblem, stepModelSource } from '../../../shared/walkthrough/step-family';
import { asLabError } from '../errors/as-lab-error';
import { stepProblemText } from './step-problem-text';

/** The open model of a step (none named: nothing opens). */
export interface StepModelState {
  /** The model, once open and of a family the step can run on. */
  info: ModelInfo | null;
  error: LabError | null;
  isOpening: boolean;
}

/** Opens the model of `step` whenever it changes. */
export function useStepModel(api: LabApi, step: Exclude<WalkthroughStep, { kind: 'text' }>): StepModelState {
  const { t } = useTranslation();
  const key = step.model === undefined ? '' : JSON.stringify(step.model);
  const [opened, setOpened] = useState<{ key: string; info: ModelInfo | null; error: LabError | null }>();
  useEffect(() => {
    if (key === '') return;
    let isCurrent = true;
    const source = stepModelSource(JSON.parse(key) as StepModel);
    api.invoke('model:open', { source }).then(
      (info) => isCurrent && setOpened({ key, info, error: null }),
      (error: unknown) => isCurrent && setOpened({ key, info: null, error: asLabError(error) }),
    );
    return () => {
      isCurrent = false;
    };
  }, [api, key]);
  const current = opened?.key === key ? opened : null;
  const found = current?.info ? stepFamilyProblem(step, current.info.family) : null;
  const problem = found ? stepProblemText(t, found) : null; // a string: the memo below keeps its error
  const wrongFamily = useMemo(
    () => (problem ? new LabError('invalid-argument', t('walkthrough.wrongModel', { problem })) : null),
    [problem, t],
  );
  return {
    info: wrongFamily ? null : (current?.info ?? null),
    error: wrongFamily ?? current?.error ?? null,
    isOpening: key !== '' && !current,
  };
}
