/**
 * The snapshot menu of a view: PNG at 1×, 2× or 4× and SVG — the figure with its caption, built by
 * shared/charts/attention-view.ts exactly as the headless `attention-lab snapshot` builds it — a PNG on the
 * clipboard, and the numbers behind the view as JSON. What happened is said in a status line.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttentionFigure } from '../../../shared/charts/attention-view';
import type { LabApi } from '../../../shared/contract/api';
import type { SnapshotFormat } from '../../../shared/contract/snapshot';
import { useReportError } from '../errors/error-presenter';
import type { SaveOutcome } from './snapshot-files';
import { copyPng, mimeTypes, rasteriseSvg, saveSnapshot } from './snapshot-files';

/** The scales a PNG is offered at. */
export const pngScales = [1, 2, 4] as const;

/** Props of {@link SnapshotMenu}: how to build the figure and the numbers when asked (not on every render). */
export interface SnapshotMenuProps {
  api: LabApi;
  figure: () => AttentionFigure;
  numbers: () => object;
  /** File name without extension, e.g. `gpt-tiny-head-decoder-L0-H0`. */
  baseName: string;
  isDisabled?: boolean;
}

/** The export buttons of one view. */
export function SnapshotMenu({ api, figure, numbers, baseName, isDisabled }: SnapshotMenuProps) {
  const { t } = useTranslation();
  const report = useReportError();
  const [status, setStatus] = useState('');
  const [isBusy, setBusy] = useState(false);

  const said = (outcome: SaveOutcome): string =>
    outcome.kind === 'saved'
      ? t('views.snapshot.saved', { path: outcome.path })
      : outcome.kind === 'downloaded'
        ? t('views.snapshot.downloaded', { fileName: outcome.fileName })
        : t('views.snapshot.cancelled');

  const run = (action: () => Promise<string>) => {
    setBusy(true);
    setStatus(t('views.snapshot.working'));
    action()
      .then(setStatus)
      .catch((error: unknown) => {
        setStatus('');
        report(error);
      })
      .finally(() => setBusy(false));
  };
  const png = async (scale: number) => {
    const { svg, width, height } = figure();
    return rasteriseSvg(svg, width, height, scale);
  };
  const save = (format: SnapshotFormat, scale = 1) =>
    run(async () => {
      const suffix = format === 'png' && scale !== 1 ? `@${scale}x` : '';
      const fileName = `${baseName}${suffix}.${format}`;
      const blob =
        format === 'png'
          ? await png(scale)
          : new Blob([format === 'svg' ? figure().svg : JSON.stringify(numbers(), null, 1)], {
              type: mimeTypes[format],
            });
      return said(await saveSnapshot(api, blob, fileName, format));
    });
  const copy = () =>
    run(async () => {
      await copyPng(api, await png(2));
      return t('views.snapshot.copied');
    });

  const disabled = isDisabled || isBusy;
  return (
    <div className="snapshot-menu" role="group" aria-label={t('views.snapshot.label')}>
      <span className="snapshot-label">{t('views.snapshot.label')}</span>
      {pngScales.map((scale) => (
        <button
          key={scale}
          type="button"
          className="button button-small"
          disabled={disabled}
          onClick={() => save('png', scale)}
        >
          {t('views.snapshot.png', { scale })}
        </button>
      ))}
      <button type="button" className="button button-small" disabled={disabled} onClick={() => save('svg')}>
        SVG
      </button>
      <button type="button" className="button button-small" disabled={disabled} onClick={copy}>
        {t('views.snapshot.copy')}
      </button>
      <button type="button" className="button button-small" disabled={disabled} onClick={() => save('json')}>
        {t('views.snapshot.json')}
      </button>
      <span className="snapshot-status" role="status" data-testid="snapshot-status">
        {status}
      </span>
    </div>
  );
}
