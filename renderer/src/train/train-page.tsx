/**
 * The Train place: set up a run (family, size, corpus, steps, learning rate, batch size, seed, output folder),
 * start, pause, resume or stop it, and follow it live (curves and attention); when it ends, its checkpoint opens
 * in the family's views.
 * Expected failures (sizes the engine refuses, a corpus too small, a run already going) reach the error
 * presenter with the engine's own message.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LabApi } from '../../../shared/contract/api';
import type { EngineStatus } from '../../../shared/contract/engine';
import { LabError } from '../../../shared/contract/errors';
import type { ModelInfo } from '../../../shared/contract/model';
import { useReportError } from '../errors/error-presenter';
import { PlaceGlyph } from '../shell/place-glyph';
import { CheckpointCard } from './checkpoint-card';
import { FinetuneSection, TrainModeSwitch, useTrainMode } from './finetune-section';
import { LiveAttention } from './live-attention';
import { ReplayCard } from './replay-card';
import { RunPanel } from './run-panel';
import { TrainForm } from './train-form';
import type { SettingsField, TrainSettings } from './train-settings';
import {
  defaultOutDir,
  defaultSettings,
  fieldLabelKey,
  outDirAfterRun,
  toStartInput,
} from './train-settings';
import { knownCheckpointsFolder, useCheckpointsFolder, useReportFailureOnce } from './use-checkpoints-folder';
import { isLive, useTraining } from './training-store';
import './train.css';

// The form survives a visit to another page, like the run does.
let rememberedSettings: TrainSettings | null = null;
// A failed run is reported once, not again on every visit to the page.
const reportedFailures = new Set<string>();

/** The page; `onOpenInViews` goes to a family page with a run's checkpoint selected. */
export function TrainPage({
  api,
  status,
  onOpenInViews,
  onOpenPrompting,
}: {
  api: LabApi;
  status: EngineStatus | null;
  onOpenInViews?: (family: ModelInfo['family'], path: string) => void;
  /** Goes to the Decoder page (GPT prompting). */
  onOpenPrompting?: () => void;
}) {
  const { t } = useTranslation();
  const report = useReportError();
  const { store, training } = useTraining(api);
  const [settings, setSettings] = useState<TrainSettings>(
    () => rememberedSettings ?? defaultSettings(new Date(), knownCheckpointsFolder()),
  );
  const folder = useCheckpointsFolder(api, report, (known) =>
    setSettings((current) =>
      current.outDir === ''
        ? { ...current, outDir: defaultOutDir(current.family, new Date(), known) }
        : current,
    ),
  );
  const [invalid, setInvalid] = useState<readonly SettingsField[]>([]);
  const [mode, setMode] = useTrainMode();
  const isRunLive = isLive(training);
  const state = training.progress?.state;
  const failure = state === 'failed' ? training.progress?.error : null;
  // When a run ends, a default output folder it used is renewed, so the next run does not overwrite it.
  const [renewedFor, setRenewedFor] = useState<string | null>(null);
  const ranInto = training.request?.outDir;
  if ((state === 'done' || state === 'cancelled' || state === 'failed') && ranInto && training.runId) {
    if (renewedFor !== training.runId) {
      setRenewedFor(training.runId);
      const outDir = outDirAfterRun(settings, ranInto, new Date(), folder);
      if (outDir !== settings.outDir) setSettings({ ...settings, outDir });
    }
  }

  useEffect(() => {
    rememberedSettings = settings;
  }, [settings]);
  // A run that fails after it started (e.g. a file that vanished) is reported like a refused start.
  useReportFailureOnce(training.runId, failure, reportedFailures, report);

  const start = () => {
    const { input, invalid: fields } = toStartInput(settings);
    setInvalid(fields);
    if (!input) {
      const names = fields.map((field) => t(fieldLabelKey(field)));
      report(new LabError('invalid-argument', t('train.form.invalid', { fields: names.join(', ') })));
      return;
    }
    store.start(input).catch(report);
  };
  const send = (action: () => Promise<void>) => () => void action().catch(report);
  const checkpoint = training.progress?.checkpoint ?? null;
  const hasEnded = state === 'done' || state === 'cancelled';

  const actions = (
    <>
      <button
        type="button"
        className="button button-primary"
        onClick={start}
        disabled={isRunLive}
        data-testid="train-start"
      >
        {training.runId === '' ? t('train.controls.starting') : t('train.controls.start')}
      </button>
      {state === 'paused' ? (
        <button
          type="button"
          className="button"
          onClick={send(store.resume)}
          disabled={training.isSending}
          data-testid="train-resume"
        >
          {t('train.controls.resume')}
        </button>
      ) : (
        <button
          type="button"
          className="button"
          onClick={send(store.pause)}
          disabled={state !== 'running' || training.isSending}
          data-testid="train-pause"
        >
          {t('train.controls.pause')}
        </button>
      )}
      <button
        type="button"
        className="button button-danger"
        onClick={send(store.cancel)}
        disabled={!isRunLive || !training.runId || training.isSending}
        data-testid="train-stop"
      >
        {t('train.controls.stop')}
      </button>
    </>
  );

  return (
    <article className="train-page">
      <header className="place-header">
        <PlaceGlyph place="train" className="place-header-glyph" />
        <div>
          <p className="kicker" data-testid="train-kicker">
            {mode === 'finetune' ? t('train.header.finetuneKicker') : t('places.train.kicker')}
          </p>
          <h1 className="place-title">{t('nav.train')}</h1>
        </div>
      </header>
      <p className="place-summary">
        {mode === 'finetune' ? t('train.header.finetuneSummary') : t('places.train.summary')}
      </p>
      <TrainModeSwitch mode={mode} onChange={setMode} />
      {mode === 'finetune' ? (
        <FinetuneSection
          api={api}
          {...(onOpenInViews ? { onOpenInViews } : {})}
          {...(onOpenPrompting ? { onOpenPrompting } : {})}
        />
      ) : null}
      <div className="train-columns" hidden={mode === 'finetune'}>
        <TrainForm
          settings={settings}
          invalid={invalid}
          isDisabled={isRunLive}
          folder={folder}
          onChange={setSettings}
          actions={actions}
        />
        <div className="train-side">
          <RunPanel
            training={training}
            status={status}
            plannedSteps={Math.max(1, Math.round(Number(settings.run.steps)) || 1)}
          />
          {isRunLive && training.runId ? <LiveAttention api={api} training={training} /> : null}
          <ReplayCard api={api} training={training} />
          {hasEnded && checkpoint ? (
            <CheckpointCard api={api} path={checkpoint} {...(onOpenInViews ? { onOpenInViews } : {})} />
          ) : null}
        </div>
      </div>
    </article>
  );
}
