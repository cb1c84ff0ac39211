/**
 * Export as slides: the engine draws every step of the walkthrough as a numbered PNG with its narration as the
 * caption (`walkthrough:export`, the same code as `attention-lab walkthrough --out`), in the chosen language,
 * into a folder that defaults to `<lab folder>/slides/<walkthrough>` next to the checkpoints folder.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LabApi } from '../../../shared/contract/api';
import type { Walkthrough, WalkthroughLanguage } from '../../../shared/walkthrough/schema';
import { walkthroughLanguages } from '../../../shared/walkthrough/schema';
import { slideScales } from '../../../shared/walkthrough/export-contract';
import { slideSize } from '../../../shared/walkthrough/slide';
import { asLabError } from '../errors/as-lab-error';
import { useCheckpointsFolder } from '../train/use-checkpoints-folder';
import { slidesFolder, walkthroughSlug } from './walkthrough-files';

type Outcome =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'done'; outDir: string; files: string[] }
  | { kind: 'failed'; message: string };

/** The last part of a path written with either separator. */
const baseName = (path: string) => path.split(/[\\/]/).at(-1) ?? path;

/** The export panel. */
export function ExportSlides({ api, walkthrough }: { api: LabApi; walkthrough: Walkthrough }) {
  const { t, i18n } = useTranslation();
  const folderId = useId();
  const [chosenLanguage, setLanguage] = useState<WalkthroughLanguage | null>(null);
  const [scale, setScale] = useState<(typeof slideScales)[number]>(1);
  // Null while the default folder is used: it follows the walkthrough's title.
  const [typedDir, setTypedDir] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });
  const folder = useCheckpointsFolder(api, (error) =>
    setOutcome({ kind: 'failed', message: asLabError(error).message }),
  );
  const language = chosenLanguage ?? (i18n.language === 'id' ? 'id' : 'en');
  // Indonesian slides go to a folder named after the Indonesian title, so both decks can sit side by side.
  const outDir = typedDir ?? (folder ? slidesFolder(folder, walkthroughSlug(walkthrough, language)) : '');
  const isBusy = outcome.kind === 'busy';

  const exportSlides = () => {
    setOutcome({ kind: 'busy' });
    api
      .invoke('walkthrough:export', { walkthrough, lang: language, outDir: outDir.trim(), scale })
      .then(({ files }) => setOutcome({ kind: 'done', outDir: outDir.trim(), files }))
      .catch((error: unknown) => setOutcome({ kind: 'failed', message: asLabError(error).message }));
  };

  return (
    <div className="export-slides" role="group" aria-labelledby={`${folderId}-heading`}>
      <h3 id={`${folderId}-heading`} className="subheading">
        {t('walkthrough.files.exportHeading')}
      </h3>
      <p className="editor-hint">{t('walkthrough.files.exportHint', { steps: walkthrough.steps.length })}</p>
      <div className="export-row">
        <div className="export-choice" role="group" aria-label={t('walkthrough.files.exportLanguage')}>
          <span className="editor-label">{t('walkthrough.files.exportLanguage')}</span>
          <div className="export-segmented">
            {walkthroughLanguages.map((lang) => (
              <button
                key={lang}
                type="button"
                className="segmented-option"
                aria-pressed={language === lang}
                disabled={isBusy}
                onClick={() => setLanguage(lang)}
                data-testid={`export-language-${lang}`}
              >
                {t(`language.${lang}`)}
              </button>
            ))}
          </div>
        </div>
        <div className="export-choice" role="group" aria-label={t('walkthrough.files.exportSize')}>
          <span className="editor-label">{t('walkthrough.files.exportSize')}</span>
          <div className="export-segmented">
            {slideScales.map((option) => (
              <button
                key={option}
                type="button"
                className="segmented-option"
                aria-pressed={scale === option}
                disabled={isBusy}
                onClick={() => setScale(option)}
                data-testid={`export-scale-${option}`}
              >
                {t('walkthrough.files.exportPixels', {
                  width: slideSize.width * option,
                  height: slideSize.height * option,
                })}
              </button>
            ))}
          </div>
        </div>
        <div className="editor-field editor-field-mono editor-field-wide">
          <label htmlFor={folderId}>{t('walkthrough.files.exportFolder')}</label>
          <input
            id={folderId}
            type="text"
            value={outDir}
            disabled={isBusy}
            spellCheck={false}
            onChange={(event) => setTypedDir(event.target.value)}
            data-testid="export-folder"
          />
        </div>
      </div>
      <div className="export-actions">
        <button
          type="button"
          className="button button-primary"
          disabled={isBusy || outDir.trim() === ''}
          onClick={exportSlides}
          data-testid="export-run"
        >
          {t('walkthrough.files.exportRun', { count: walkthrough.steps.length })}
        </button>
        {isBusy ? (
          <span className="export-busy" role="status" data-testid="export-busy">
            <progress aria-label={t('walkthrough.files.exporting')} />
            {t('walkthrough.files.exporting')}
          </span>
        ) : null}
      </div>
      {outcome.kind === 'done' ? (
        <div className="export-result" role="status" data-testid="export-result">
          <p>{t('walkthrough.files.exported', { count: outcome.files.length, folder: outcome.outDir })}</p>
          <ol className="export-files">
            {outcome.files.map((file) => (
              <li key={file}>
                <code>{baseName(file)}</code>
              </li>
            ))}
          </ol>
        </div>
      ) : null}
      {outcome.kind === 'failed' ? (
        <p className="editor-error" role="alert" data-testid="export-error">
          {t('walkthrough.files.exportFailed', { problem: outcome.message })}
        </p>
      ) : null}
    </div>
  );
}
