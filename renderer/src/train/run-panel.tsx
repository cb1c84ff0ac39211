/**
 * The live run: its state, the backend in use, the progress bar with the time left, the numbers of the last
 * step and the loss chart.
 */
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EngineStatus } from '../../../shared/contract/engine';
import { formatFixed } from '../i18n/format-number';
import { useElementWidth } from '../views/use-element-width';
import { LossChart } from './loss-chart';
import type { TrainingSnapshot } from './training-store';

/** "1:05" or "1:02:03". */
export function formatDuration(seconds: number): string {
  const total = Math.max(0, Math.round(seconds));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const rest = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${rest}` : `${minutes}:${rest}`;
}

/** A run's progress bar and, beside it, the time left or taken (`—` before the run). */
export function ProgressRow(props: {
  step: number;
  totalSteps: number;
  label: string;
  testId: string;
  time: string;
}) {
  return (
    <div className="train-progress-row">
      <progress
        className="train-progress"
        max={props.totalSteps}
        value={props.step}
        aria-label={props.label}
        data-testid={props.testId}
      />
      <span className="train-time muted">{props.time}</span>
    </div>
  );
}

/** The panel. */
export function RunPanel(props: {
  training: TrainingSnapshot;
  status: EngineStatus | null;
  /** The steps the form asks for: the chart's span before a run starts. */
  plannedSteps: number;
}) {
  const { training, status, plannedSteps } = props;
  const { t, i18n } = useTranslation();
  const frameRef = useRef<HTMLDivElement>(null);
  const width = useElementWidth(frameRef);
  const [isLogScale, setLogScale] = useState(false);
  const { progress } = training;
  const state = progress?.state ?? (training.runId === null ? 'idle' : 'preparing');
  const number = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 0 });
  const totalSteps = progress?.totalSteps ?? training.request?.steps ?? plannedSteps;
  const step = progress?.step ?? 0;
  const isFinished = state === 'done' || state === 'cancelled' || state === 'failed';
  const loss = (value: number | null | undefined) =>
    value === null || value === undefined ? '—' : formatFixed(value, 3, i18n.language);

  const stats: Array<[string, string, string]> = [
    ['step', t('train.stats.step'), `${number.format(step)} / ${number.format(totalSteps)}`],
    ['loss', t('train.stats.loss'), loss(progress?.loss)],
    ['val-loss', t('train.stats.valLoss'), loss(progress?.valLoss)],
    ['tokens', t('train.stats.tokensPerSecond'), progress ? number.format(progress.tokensPerSecond) : '—'],
    ['lr', t('train.stats.learningRate'), progress ? progress.learningRate.toExponential(1) : '—'],
  ];

  return (
    <section className="card train-run" aria-labelledby="train-run-heading">
      <header className="card-header">
        <h2 id="train-run-heading" className="card-title">
          {t('train.chart.heading')}
        </h2>
        <div className="train-run-badges">
          <span className="train-backend" data-testid="train-backend" title={status?.device ?? undefined}>
            {t('train.stats.backend')} <code className="backend-name">{status?.backend ?? '—'}</code>
          </span>
          <span className={`pill train-pill-${state}`} data-testid="train-state">
            <span className="pill-dot" aria-hidden="true" />
            {t(`train.state.${state}`)}
          </span>
        </div>
      </header>
      <ProgressRow
        step={step}
        totalSteps={totalSteps}
        label={t('train.progress')}
        testId="train-progress"
        time={
          progress
            ? isFinished
              ? `${t('train.stats.elapsed')} ${formatDuration(progress.elapsedSeconds)}`
              : `${t('train.stats.eta')} ${formatDuration(progress.etaSeconds)}`
            : '—'
        }
      />
      <dl className="train-stats">
        {stats.map(([key, label, value]) => (
          <div key={key}>
            <dt>{label}</dt>
            <dd data-testid={`train-stat-${key}`}>{value}</dd>
          </div>
        ))}
      </dl>
      <div className="train-chart-frame" ref={frameRef}>
        {width > 0 ? (
          <LossChart
            losses={training.losses}
            valLosses={training.valLosses}
            totalSteps={totalSteps}
            width={Math.floor(width)}
            height={260}
            isLogScale={isLogScale}
            language={i18n.language}
            labels={{
              title: t('train.chart.title'),
              step: t('train.chart.step'),
              loss: t('train.chart.loss'),
              trainLoss: t('train.chart.trainLoss'),
              valLoss: t('train.chart.valLoss'),
            }}
          />
        ) : null}
      </div>
      <div className="train-chart-footer">
        <label className="toggle">
          <input
            type="checkbox"
            checked={isLogScale}
            onChange={(event) => setLogScale(event.target.checked)}
          />
          {t('train.chart.logScale')}
        </label>
        {training.losses.length === 0 ? <span className="muted">{t('train.chart.empty')}</span> : null}
      </div>
    </section>
  );
}
