/**
 * The Fine-tune section of the Train place: the form, the live run and its result, and the saved checkpoint with
 * "Open in views". A GPT is not fine-tuned here: it adapts by prompting, on the Decoder page. Also the switch
 * between pretraining and fine-tuning at the top of the page.
 * Expected failures (a refused start, a run that failed, such as a CSV error naming its line) reach the error
 * presenter with the engine's own message.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LabApi } from '../../../shared/contract/api';
import { LabError } from '../../../shared/contract/errors';
import type { ModelInfo } from '../../../shared/contract/model';
import { useReportError } from '../errors/error-presenter';
import { CheckpointCard } from './checkpoint-card';
import { FinetuneForm } from './finetune-form';
import { FinetunePanel } from './finetune-panel';
import type { FinetuneField, FinetuneSettings, LastRun } from './finetune-settings';
import {
  defaultFinetuneOutDir,
  defaultFinetuneSettings,
  finetuneOutDirAfterRun,
  toFinetuneInput,
} from './finetune-settings';
import { isFinetuneLive, useFinetune } from './finetune-store';
import { knownCheckpointsFolder, useCheckpointsFolder, useReportFailureOnce } from './use-checkpoints-folder';
import { useTraining } from './training-store';

/** What the Train place shows: the pretraining form or the fine-tuning one. */
export type TrainMode = 'pretrain' | 'finetune';

/** The "Pretrain | Fine-tune" switch. */
export function TrainModeSwitch({
  mode,
  onChange,
}: {
  mode: TrainMode;
  onChange: (mode: TrainMode) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="segmented train-mode" role="group" aria-label={t('finetune.mode.label')}>
      {(['pretrain', 'finetune'] as const).map((option) => (
        <button
          key={option}
          type="button"
          className="segmented-option"
          aria-pressed={mode === option}
          onClick={() => onChange(option)}
          data-testid={`train-mode-${option}`}
        >
          {t(`finetune.mode.${option}`)}
        </button>
      ))}
    </div>
  );
}

// The form and the checkpoints folder survive a visit to another page, like the run does.
let rememberedSettings: FinetuneSettings | null = null;
const reportedFailures = new Set<string>();

/** The section; `onOpenInViews` goes to a family page with the fine-tuned checkpoint selected. */
export function FinetuneSection({
  api,
  onOpenInViews,
  onOpenPrompting,
}: {
  api: LabApi;
  onOpenInViews?: (family: ModelInfo['family'], path: string) => void;
  /** Goes to the Decoder page, where GPT is prompted. */
  onOpenPrompting?: () => void;
}) {
  const { t } = useTranslation();
  const report = useReportError();
  const { store, finetune } = useFinetune(api);
  const { training } = useTraining(api);
  const [settings, setSettings] = useState<FinetuneSettings>(
    () => rememberedSettings ?? defaultFinetuneSettings(new Date(), knownCheckpointsFolder()),
  );
  const folder = useCheckpointsFolder(api, report, (known) =>
    setSettings((current) =>
      current.outDir === ''
        ? { ...current, outDir: defaultFinetuneOutDir(current.task, new Date(), known) }
        : current,
    ),
  );
  const [invalid, setInvalid] = useState<readonly FinetuneField[]>([]);
  const isLive = isFinetuneLive(finetune);
  const state = finetune.progress?.state;
  const failure = state === 'failed' ? finetune.progress?.error : null;
  // When a run ends, a default output folder it used is renewed, so the next run does not overwrite it.
  const [renewedFor, setRenewedFor] = useState<string | null>(null);
  const ranInto = finetune.request?.outDir;
  if ((state === 'done' || state === 'cancelled' || state === 'failed') && ranInto && finetune.runId) {
    if (renewedFor !== finetune.runId) {
      setRenewedFor(finetune.runId);
      const outDir = finetuneOutDirAfterRun(settings, ranInto, new Date(), folder);
      if (outDir !== settings.outDir) setSettings({ ...settings, outDir });
    }
  }
  // The last training run's checkpoint, offered when it is a BERT or a T5 that has ended.
  const trainedFamily = training.request?.family;
  const trainedPath = training.progress?.checkpoint ?? null;
  const hasTrainingEnded = training.progress?.state === 'done' || training.progress?.state === 'cancelled';
  const lastRun: LastRun | null =
    hasTrainingEnded && trainedPath && (trainedFamily === 'bert' || trainedFamily === 't5')
      ? { path: trainedPath, family: trainedFamily }
      : null;

  useEffect(() => {
    rememberedSettings = settings;
  }, [settings]);
  useReportFailureOnce(finetune.runId, failure, reportedFailures, report);

  const start = () => {
    const { input, invalid: fields } = toFinetuneInput(settings, lastRun);
    setInvalid(fields);
    if (!input) {
      const names = fields.map((field) => t(`finetune.fields.${field}`));
      report(new LabError('invalid-argument', t('finetune.form.invalid', { fields: names.join(', ') })));
      return;
    }
    store.start(input).catch(report);
  };
  const saved = state === 'done' ? (finetune.progress?.checkpoint ?? null) : null;

  const actions = (
    <>
      <button
        type="button"
        className="button button-primary"
        onClick={start}
        disabled={isLive}
        data-testid="finetune-start"
      >
        {finetune.runId === '' ? t('finetune.controls.starting') : t('finetune.controls.start')}
      </button>
      <button
        type="button"
        className="button button-danger"
        onClick={() => void store.cancel().catch(report)}
        disabled={!isLive || !finetune.runId || finetune.isSending}
        data-testid="finetune-cancel"
      >
        {t('finetune.controls.cancel')}
      </button>
    </>
  );

  return (
    <div className="train-columns">
      <div className="train-side">
        <FinetuneForm
          settings={settings}
          invalid={invalid}
          isDisabled={isLive}
          lastRun={lastRun}
          folder={folder}
          onChange={setSettings}
          actions={actions}
        />
        <div className="card finetune-gpt">
          <p className="field-hint">{t('finetune.gpt')}</p>
          {onOpenPrompting ? (
            <button type="button" className="button" onClick={onOpenPrompting}>
              {t('finetune.gptLink')}
            </button>
          ) : null}
        </div>
      </div>
      <div className="train-side">
        <FinetunePanel
          finetune={finetune}
          plannedSteps={Math.max(1, Math.round(Number(settings.steps)) || 1)}
        />
        {saved ? (
          <CheckpointCard api={api} path={saved} {...(onOpenInViews ? { onOpenInViews } : {})} />
        ) : null}
      </div>
    </div>
  );
}

let rememberedMode: TrainMode = 'pretrain';

/** The Train place's mode, remembered across visits to other pages. */
export function useTrainMode(): [TrainMode, (mode: TrainMode) => void] {
  const [mode, setMode] = useState<TrainMode>(rememberedMode);
  return [
    mode,
    (next) => {
      rememberedMode = next;
      setMode(next);
    },
  ];
}
