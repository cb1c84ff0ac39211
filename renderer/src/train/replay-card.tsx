/**
 * Replay training: a slider over the checkpoints a run saved in its history (`train:history`), labelled with
 * each step and its loss, with play / pause, the text to attend over (the chapter's sentence; for T5 also a
 * target) and the kind, layer and head — watch a previous-token or an induction head form. It follows the
 * current or last run's checkpoint folder, or any checkpoint folder typed in.
 */
import { useEffect, useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { LabApi } from '../../../shared/contract/api';
import type { TrainHistoryEntry } from '../../../shared/contract/train';
import { formatFixed } from '../i18n/format-number';
import { defaultTarget, defaultText } from '../places/families';
import type { Family } from '../places/use-model';
import { ErrorMessage } from '../views/view-card';
import { AttentionPanel } from './attention-panel';
import type { TrainingSnapshot } from './training-store';
import { isLive } from './training-store';
import { useHistory } from './use-history';
import { useStepAttention } from './use-step-attention';

/** How long each step stays on screen while playing (after it is drawn). */
const playInterval = 800;
/** The text is asked for once typing pauses this long. */
const typingPause = 300;

/** The card (the Train page shows it below the live attention). */
export function ReplayCard({ api, training }: { api: LabApi; training: TrainingSnapshot }) {
  const { t, i18n } = useTranslation();
  const ids = { path: useId(), slider: useId(), ticks: useId(), text: useId(), target: useId() };
  const runPath = training.progress?.checkpoint ?? '';
  const [seenRun, setSeenRun] = useState(runPath);
  const [draft, setDraft] = useState(runPath);
  const [path, setPath] = useState(runPath);
  const [reloads, setReloads] = useState(0);
  const [index, setIndex] = useState<number | null>(null); // null: the last step
  const [isPlaying, setPlaying] = useState(false);
  const [text, setText] = useState(defaultText);
  const [target, setTarget] = useState(defaultTarget);
  const [asked, setAsked] = useState({ text: defaultText, target: defaultTarget });
  const [known, setKnown] = useState<{ folder: string; family: Family } | null>(null);
  if (runPath !== seenRun) {
    // A new run: follow its checkpoint folder (adjusting state while rendering, as React recommends).
    setSeenRun(runPath);
    setDraft(runPath);
    setPath(runPath);
    setIndex(null);
    setKnown(null);
  }

  // A live run saves as it goes: ask again after each checkpoint interval, and when it ends (a run saving
  // only at its end — "Checkpoint every" 0 — is asked at its start and its end, not on every step).
  const checkpointEvery = training.request?.checkpointEvery ?? 0;
  const every = checkpointEvery > 0 ? checkpointEvery : Math.max(1, training.request?.steps ?? 1);
  const isRunFolder = path === runPath && runPath !== '';
  const runKey = isRunFolder
    ? `${training.runId}:${training.progress?.state}:${isLive(training) ? Math.floor((training.progress?.step ?? 0) / every) : ''}`
    : '';
  const { history, error: historyError } = useHistory(api, path.trim(), `${reloads}:${runKey}`);
  const steps: readonly TrainHistoryEntry[] = history?.steps ?? [];
  const last = steps.length - 1;
  const at = Math.max(0, Math.min(index ?? last, last));
  const entry = steps[at] ?? null;

  // The family of the folder: the run's for its own folder, else known once a step has opened (until then no
  // target is sent: only T5 takes one).
  const folderFamily =
    known?.folder === path ? known.family : isRunFolder ? training.request?.family : undefined;
  const step = useStepAttention(
    api,
    entry?.path ?? null,
    entry?.savedAt ?? 0,
    asked.text,
    folderFamily === 't5' ? asked.target : undefined,
  );
  const shownFamily = step.isCurrent ? step.shown?.family : undefined;
  if (shownFamily && (known?.folder !== path || known.family !== shownFamily)) {
    setKnown({ folder: path, family: shownFamily });
  }
  const isT5 = (folderFamily ?? shownFamily) === 't5';
  // While a step loads, the last map drawn stays — if it is one of this history's (not a previous run's, whose
  // steps may have the same paths but were saved at another time).
  const shownStep =
    steps.find((candidate) => candidate.path === step.shown?.path && candidate.savedAt === step.shown.savedAt)
      ?.step ?? null;
  const shown = shownStep === null ? null : step.shown;
  if (isPlaying && step.error) setPlaying(false); // a step that cannot be drawn stops playing: it would wait forever

  useEffect(() => {
    const timer = setTimeout(() => setAsked({ text, target }), typingPause);
    return () => clearTimeout(timer);
  }, [text, target]);
  useEffect(() => {
    // Playing moves on once the step is drawn (and has been seen a moment); it stops at the last step.
    if (!isPlaying || !step.isCurrent) return;
    const timer = setTimeout(() => {
      if (at >= last) setPlaying(false);
      else setIndex(at + 1);
    }, playInterval);
    return () => clearTimeout(timer);
  }, [isPlaying, step.isCurrent, at, last]);

  const number = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 0 });
  const loss = (value: number) => formatFixed(value, 3, i18n.language);
  const describe = (point: TrainHistoryEntry): string => {
    const parts = [
      t('train.replay.step', { step: number.format(point.step) }),
      point.loss === null ? t('train.replay.untrained') : t('train.replay.loss', { loss: loss(point.loss) }),
    ];
    if (point.valLoss !== null) parts.push(t('train.replay.valLoss', { loss: loss(point.valLoss) }));
    return parts.join(' · ');
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setPath(draft.trim());
    setIndex(null);
    setReloads((n) => n + 1);
  };
  const play = () => {
    if (isPlaying) return setPlaying(false);
    if (at >= last) setIndex(0);
    setPlaying(true);
  };
  const skipped = history?.skipped ?? [];

  return (
    <section
      className="card train-replay"
      aria-labelledby="train-replay-heading"
      data-testid="train-replay"
      // When the newest step was saved: a new run into the same folder changes it (its paths stay the same).
      data-saved-at={steps.length > 0 ? Math.max(...steps.map((point) => point.savedAt)) : ''}
    >
      <h2 id="train-replay-heading" className="card-title">
        {t('train.replay.heading')}
      </h2>
      <p className="muted">{t('train.replay.summary')}</p>
      <form className="train-replay-path" onSubmit={submit}>
        <span className="train-field train-field-wide">
          <label htmlFor={ids.path}>{t('train.replay.path')}</label>
          <input
            id={ids.path}
            value={draft}
            spellCheck={false}
            placeholder={t('train.replay.pathPlaceholder')}
            onChange={(event) => setDraft(event.target.value)}
            data-testid="replay-path"
          />
        </span>
        <button type="submit" className="button button-small" data-testid="replay-load">
          {t('train.replay.load')}
        </button>
      </form>
      {historyError ? <ErrorMessage error={historyError} /> : null}
      {path.trim() === '' ? <p className="muted">{t('train.replay.noPath')}</p> : null}
      {history && steps.length === 0 ? (
        <p className="muted" data-testid="replay-empty">
          {t('train.replay.none')}
        </p>
      ) : null}
      {skipped.length > 0 ? (
        <p className="field-hint" data-testid="replay-skipped">
          {t('train.replay.skipped', { reasons: skipped.map((s) => s.reason).join(' ') })}
        </p>
      ) : null}
      {entry ? (
        <>
          <div className="train-replay-scrubber">
            <button
              type="button"
              className="button button-small"
              onClick={play}
              aria-pressed={isPlaying}
              disabled={steps.length < 2}
              data-testid="replay-play"
            >
              {isPlaying ? t('animation.pause') : t('animation.play')}
            </button>
            <span className="train-replay-slider">
              <label htmlFor={ids.slider} data-testid="replay-position">
                {describe(entry)}
              </label>
              <input
                id={ids.slider}
                type="range"
                min={0}
                max={last}
                step={1}
                value={at}
                list={ids.ticks}
                aria-valuetext={describe(entry)}
                onChange={(event) => {
                  setPlaying(false);
                  setIndex(Number(event.target.value));
                }}
                data-testid="replay-slider"
              />
              {/* A tick under the slider for each saved checkpoint. */}
              <datalist id={ids.ticks}>
                {steps.map((point, position) => (
                  <option key={point.path} value={position} />
                ))}
              </datalist>
            </span>
          </div>
          <div className="train-replay-texts">
            <span className="train-field">
              <label htmlFor={ids.text}>{t('train.replay.text')}</label>
              <input
                id={ids.text}
                value={text}
                onChange={(event) => setText(event.target.value)}
                data-testid="replay-text"
              />
            </span>
            {isT5 ? (
              <span className="train-field">
                <label htmlFor={ids.target}>{t('train.replay.target')}</label>
                <input
                  id={ids.target}
                  value={target}
                  onChange={(event) => setTarget(event.target.value)}
                  data-testid="replay-target"
                />
              </span>
            ) : null}
          </div>
          {step.error ? <ErrorMessage error={step.error} /> : null}
          <AttentionPanel
            // A new family starts from its own kind of attention (T5: cross-attention).
            key={shown?.family ?? folderFamily ?? 'gpt'}
            family={shown?.family ?? folderFamily ?? 'gpt'}
            data={shown?.data ?? null}
            title={t('train.replay.title', { step: number.format(shownStep ?? entry.step) })}
            above={
              <p
                className="train-live-step"
                data-testid="replay-drawn"
                data-step={shownStep ?? ''}
                aria-busy={!step.isCurrent}
              >
                {shownStep === null ? '' : t('train.replay.drawn', { step: number.format(shownStep) })}
                {step.isCurrent ? '' : ` ${t('train.replay.loading')}`}
              </p>
            }
            placeholder={<p className="muted">{t('train.replay.loading')}</p>}
          />
        </>
      ) : null}
    </section>
  );
}
