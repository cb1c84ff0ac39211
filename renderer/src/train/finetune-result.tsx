/**
 * A finished fine-tune's scores: held-out accuracy and the majority-class baseline as two labelled bars on the
 * same 0–100 % scale, and one sentence that says what the two numbers mean.
 */
import { useTranslation } from 'react-i18next';
import type { FinetuneResult } from '../../../shared/contract/finetune';

/** The result card's body. */
export function FinetuneResultBars({ result }: { result: FinetuneResult }) {
  const { t, i18n } = useTranslation();
  const percent = new Intl.NumberFormat(i18n.language, {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
  const bars = [
    { key: 'score', label: t('finetune.result.score'), value: result.score },
    { key: 'baseline', label: t('finetune.result.baseline'), value: result.baseline },
  ] as const;
  const isBetter = result.score > result.baseline;
  return (
    <div className="finetune-result">
      <dl className="finetune-bars">
        {bars.map((bar) => (
          <div key={bar.key} className={`finetune-bar finetune-bar-${bar.key}`}>
            <dt>{bar.label}</dt>
            <dd>
              <span className="finetune-bar-track" aria-hidden="true">
                <span
                  className="finetune-bar-fill"
                  style={{ width: `${Math.round(bar.value * 1000) / 10}%` }}
                />
              </span>
              <span className="finetune-bar-value" data-testid={`finetune-${bar.key}`}>
                {percent.format(bar.value)}
              </span>
            </dd>
          </div>
        ))}
      </dl>
      <p data-testid="finetune-result-sentence">
        {t(isBetter ? 'finetune.result.better' : 'finetune.result.notBetter', {
          score: percent.format(result.score),
          baseline: percent.format(result.baseline),
        })}
      </p>
      <p className="muted">
        {t('finetune.result.facts', {
          steps: result.steps,
          seconds: Math.round(result.seconds),
        })}
      </p>
    </div>
  );
}
