/**
 * Which model a family page shows: the built-in one or a checkpoint folder opened in this session, with the
 * model's sizes and training at a glance. "Open checkpoint folder…" asks the host for a native folder dialog;
 * a host without one (the browser) answers `unsupported`, and a path field appears instead.
 */
import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { LabApi } from '../../../shared/contract/api';
import type { ModelInfo } from '../../../shared/contract/model';
import { asLabError } from '../errors/as-lab-error';
import { formatFixed } from '../i18n/format-number';
import { useReportError } from '../errors/error-presenter';
import { folderName } from '../views/view-data';
import type { ModelState } from './use-model';

/** "2 layers × 4 heads · d 128 · 1.2 M parameters · 2,000 steps, loss 4.21". */
function ModelFacts({ info }: { info: ModelInfo }) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language);
  const { config, training } = info;
  const parameters = new Intl.NumberFormat(i18n.language, { notation: 'compact', maximumFractionDigits: 1 });
  const facts = [
    t('views.model.shape', { layers: config.layers, heads: config.heads }),
    t('views.model.parameters', { amount: parameters.format(config.parameters) }),
    t('views.model.context', { tokens: config.maxLength }),
    training.finalLoss === null
      ? t('views.model.untrained')
      : t('views.model.trained', {
          steps: number.format(training.steps),
          loss: formatFixed(training.finalLoss, 2, i18n.language),
        }),
  ];
  return <p className="model-facts">{facts.join(' · ')}</p>;
}

/** The chooser. */
export function ModelChooser({ api, model }: { api: LabApi; model: ModelState }) {
  const { t } = useTranslation();
  const report = useReportError();
  const selectId = useId();
  const pathId = useId();
  const [isPathShown, setPathShown] = useState(false);
  const [path, setPath] = useState('');

  const chooseFolder = () => {
    api
      .invoke('dialog:chooseCheckpoint', {})
      .then((choice) => {
        if (choice.path) model.openCheckpoint(choice.path);
      })
      .catch((error: unknown) => {
        if (asLabError(error).code === 'unsupported') setPathShown(true);
        else report(error);
      });
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (path.trim() !== '') model.openCheckpoint(path);
  };
  const label = (choice: ModelState['choices'][number]) =>
    choice.source.kind === 'builtin'
      ? t(`views.model.builtin.${choice.source.id}`)
      : t('views.model.checkpoint', { name: folderName(choice.source.path) });

  return (
    <div className="model-chooser">
      <div className="model-row">
        <span className="picker">
          <label htmlFor={selectId}>{t('views.model.label')}</label>
          <select
            id={selectId}
            value={model.current.key}
            onChange={(event) => model.choose(event.target.value)}
            data-testid="model-picker"
          >
            {model.choices.map((choice) => (
              <option key={choice.key} value={choice.key}>
                {label(choice)}
              </option>
            ))}
          </select>
        </span>
        <button type="button" className="button button-small" onClick={chooseFolder}>
          {t('views.model.openFolder')}
        </button>
        {model.isOpening ? <span className="muted model-opening">{t('views.model.opening')}</span> : null}
      </div>
      {isPathShown ? (
        <form className="model-path" onSubmit={submit}>
          <label htmlFor={pathId}>{t('views.model.pathLabel')}</label>
          <input
            id={pathId}
            type="text"
            value={path}
            spellCheck={false}
            placeholder={t('views.model.pathPlaceholder')}
            onChange={(event) => setPath(event.target.value)}
            data-testid="checkpoint-path"
          />
          <button type="submit" className="button button-small">
            {t('views.model.open')}
          </button>
        </form>
      ) : null}
      {model.info ? <ModelFacts info={model.info} /> : null}
    </div>
  );
}
