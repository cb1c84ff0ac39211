/**
 * The checkpoint of a run that ended (finished or stopped): where it was saved, and "Open in views", which
 * opens it in the engine (`model:open`), shows what was loaded and goes to its family's page with it selected.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LabApi } from '../../../shared/contract/api';
import type { ModelInfo } from '../../../shared/contract/model';
import { useReportError } from '../errors/error-presenter';

/** The card; `onOpenInViews` goes to the family page of the checkpoint it opened. */
export function CheckpointCard({
  api,
  path,
  onOpenInViews,
}: {
  api: LabApi;
  path: string;
  onOpenInViews?: (family: ModelInfo['family'], path: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const report = useReportError();
  const [opened, setOpened] = useState<{ path: string; info: ModelInfo } | 'opening' | null>(null);
  const info = opened !== null && opened !== 'opening' && opened.path === path ? opened.info : null;
  const compact = new Intl.NumberFormat(i18n.language, { notation: 'compact', maximumFractionDigits: 1 });

  const open = () => {
    setOpened('opening');
    api
      .invoke('model:open', { source: { kind: 'checkpoint', path } })
      .then((result) => {
        setOpened({ path, info: result });
        onOpenInViews?.(result.family, path);
      })
      .catch((error: unknown) => {
        setOpened(null);
        report(error);
      });
  };

  return (
    <section className="card train-checkpoint" aria-labelledby="train-checkpoint-heading">
      <h2 id="train-checkpoint-heading" className="card-title">
        {t('train.checkpoint.heading')}
      </h2>
      <p className="train-checkpoint-path">
        <span className="muted">{t('train.checkpoint.saved')}</span>{' '}
        <code data-testid="train-checkpoint-path">{path}</code>
      </p>
      <div className="train-actions">
        <button
          type="button"
          className="button"
          onClick={open}
          disabled={opened === 'opening'}
          data-testid="train-open-checkpoint"
        >
          {opened === 'opening' ? t('train.checkpoint.opening') : t('train.checkpoint.open')}
        </button>
      </div>
      {info ? (
        <div className="train-opened" role="status" data-testid="train-opened">
          <p className="train-opened-title">
            {t('train.checkpoint.opened', { name: info.name, family: info.family.toUpperCase() })}
          </p>
          <p className="muted">
            {t('train.checkpoint.facts', {
              layers: info.config.layers,
              heads: info.config.heads,
              dModel: info.config.dModel,
              parameters: compact.format(info.config.parameters),
              steps: info.training.steps,
            })}
          </p>
          <p className="field-hint">{t('train.checkpoint.hint')}</p>
        </div>
      ) : null}
    </section>
  );
}
