/**
 * The live fine-tune: its state, a progress bar with the time left, the last loss and the loss curve; when it
 * is done, its held-out accuracy against the majority-class baseline.
 */
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFixed } from '../i18n/format-number';
import { useElementWidth } from '../views/use-element-width';
import type { FinetuneSnapshot } from './finetune-store';
import { FinetuneResultBars } from './finetune-result';
import { LossChart } from './loss-chart';
import { formatDuration, ProgressRow } from './run-panel';

/** The panel; `plannedSteps` spans the chart before a run starts. */
export function FinetunePanel({
  finetune,
  plannedSteps,
}: {
  finetune: FinetuneSnapshot;
  plannedSteps: number;
}) {
  const { t, i18n } = useTranslation();
  const frameRef = useRef<HTMLDivElement>(null);
  const width = useElementWidth(frameRef);
  const { progress } = finetune;
  const state = progress?.state ?? (finetune.runId === null ? 'idle' : 'preparing');
  const number = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 0 });
  const totalSteps = progress?.totalSteps ?? plannedSteps;
  const step = progress?.step ?? 0;
  const isLive = state === 'preparing' || state === 'running';

  return (
    <section className="card train-run finetune-run" aria-labelledby="finetune-run-heading">
      <header className="card-header">
        <h2 id="finetune-run-heading" className="card-title">
          {t('finetune.run.heading')}
        </h2>
        <span className={`pill train-pill-${state}`} data-testid="finetune-state">
          <span className="pill-dot" aria-hidden="true" />
          {t(`finetune.state.${state}`)}
        </span>
      </header>
      <ProgressRow
        step={step}
        totalSteps={totalSteps}
        label={t('finetune.run.progress')}
        testId="finetune-progress"
        time={
          isLive && progress && step > 0
            ? `${t('train.stats.eta')} ${formatDuration(progress.etaSeconds)}`
            : progress?.result
              ? `${t('train.stats.elapsed')} ${formatDuration(progress.result.seconds)}`
              : '—'
        }
      />
      <dl className="train-stats">
        <div>
          <dt>{t('train.stats.step')}</dt>
          <dd data-testid="finetune-step">{`${number.format(step)} / ${number.format(totalSteps)}`}</dd>
        </div>
        <div>
          <dt>{t('train.stats.loss')}</dt>
          <dd>
            {progress?.loss === null || progress?.loss === undefined
              ? '—'
              : formatFixed(progress.loss, 3, i18n.language)}
          </dd>
        </div>
      </dl>
      <div className="train-chart-frame" ref={frameRef}>
        {width > 0 ? (
          <LossChart
            losses={finetune.losses}
            valLosses={[]}
            totalSteps={totalSteps}
            width={Math.floor(width)}
            height={220}
            isLogScale={false}
            language={i18n.language}
            labels={{
              title: t('finetune.run.chartTitle'),
              step: t('train.chart.step'),
              loss: t('train.chart.loss'),
              trainLoss: t('train.chart.trainLoss'),
              valLoss: '',
            }}
          />
        ) : null}
      </div>
      {state === 'preparing' ? <p className="muted">{t('finetune.run.preparing')}</p> : null}
      {progress?.result ? (
        <section
          className="finetune-result-card"
          aria-labelledby="finetune-result-heading"
          data-testid="finetune-result"
        >
          <h3 id="finetune-result-heading" className="subheading">
            {t('finetune.result.heading')}
          </h3>
          <FinetuneResultBars result={progress.result} />
        </section>
      ) : null}
    </section>
  );
}
