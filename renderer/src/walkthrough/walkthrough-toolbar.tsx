/**
 * The walkthrough's file actions: save it as a JSON file to share (the host's save dialog, or a download in the
 * browser), open a file (read as UTF-8, checked by `parseWalkthrough`; a bad file is refused with a message that
 * names the mistake and the current walkthrough stays), duplicate it, and export it as numbered PNG slides.
 */
import { useRef, useState } from 'react';
import type { ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { LabApi } from '../../../shared/contract/api';
import {
  duplicateWalkthrough,
  parseWalkthrough,
  serializeWalkthrough,
} from '../../../shared/walkthrough/parse';
import type { Walkthrough } from '../../../shared/walkthrough/schema';
import { maxWalkthroughBytes } from '../../../shared/walkthrough/schema';
import { asLabError } from '../errors/as-lab-error';
import type { SaveOutcome } from '../views/snapshot-files';
import { mimeTypes, saveSnapshot } from '../views/snapshot-files';
import { ExportSlides } from './export-slides';
import { readWalkthroughText, walkthroughFileName } from './walkthrough-files';
import './walkthrough-editor.css';

/** The toolbar; `onLoad` makes a walkthrough (opened or duplicated) the current one. */
export function WalkthroughToolbar(props: {
  api: LabApi;
  walkthrough: Walkthrough;
  onLoad: (walkthrough: Walkthrough) => void;
}) {
  const { api, walkthrough, onLoad } = props;
  const { t, i18n } = useTranslation();
  const fileInput = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState('');
  const [problem, setProblem] = useState('');
  const [isBusy, setBusy] = useState(false);
  const [isExportShown, setExportShown] = useState(false);
  const megabytes = (bytes: number) =>
    new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 }).format(bytes / 1_000_000);

  const said = (outcome: SaveOutcome): string =>
    outcome.kind === 'saved'
      ? t('walkthrough.files.saved', { path: outcome.path })
      : outcome.kind === 'downloaded'
        ? t('walkthrough.files.downloaded', { fileName: outcome.fileName })
        : t('walkthrough.files.cancelled');

  const save = () => {
    setBusy(true);
    setProblem('');
    setStatus(t('walkthrough.files.saving'));
    const blob = new Blob([serializeWalkthrough(walkthrough)], { type: mimeTypes.json });
    saveSnapshot(api, blob, walkthroughFileName(walkthrough), 'json')
      .then((outcome) => setStatus(said(outcome)))
      .catch((error: unknown) => {
        setStatus('');
        setProblem(t('walkthrough.files.saveFailed', { problem: asLabError(error).message }));
      })
      .finally(() => setBusy(false));
  };

  const open = async (file: File): Promise<void> => {
    const read = await readWalkthroughText(file);
    if (read.kind === 'too-large') {
      throw new Error(
        t('walkthrough.files.tooLarge', { size: megabytes(read.bytes), max: megabytes(maxWalkthroughBytes) }),
      );
    }
    if (read.kind === 'not-utf8') throw new Error(t('walkthrough.files.notUtf8'));
    onLoad(parseWalkthrough(read.text)); // throws a LabError naming the line, or the step and field
    setStatus(t('walkthrough.files.opened', { fileName: file.name }));
  };
  const chosen = (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    setBusy(true);
    setProblem('');
    setStatus('');
    open(file)
      .catch((error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        setProblem(t('walkthrough.files.openFailed', { fileName: file.name, problem: message }));
      })
      .finally(() => {
        input.value = ''; // the same file may be chosen again after fixing it
        setBusy(false);
      });
  };

  const duplicate = () => {
    setProblem('');
    const copy = duplicateWalkthrough(walkthrough, {
      en: t('walkthrough.files.copyTitle', { title: walkthrough.title.en, lng: 'en' }),
      id: t('walkthrough.files.copyTitle', { title: walkthrough.title.id, lng: 'id' }),
    });
    onLoad(copy);
    setStatus(t('walkthrough.files.duplicated', { title: copy.title[i18n.language === 'id' ? 'id' : 'en'] }));
  };

  return (
    <div className="walkthrough-toolbar">
      <div className="toolbar-buttons" role="group" aria-label={t('walkthrough.files.label')}>
        <button
          type="button"
          className="button"
          disabled={isBusy}
          onClick={save}
          data-testid="walkthrough-save"
        >
          {t('walkthrough.files.save')}
        </button>
        <button
          type="button"
          className="button"
          disabled={isBusy}
          onClick={() => fileInput.current?.click()}
          data-testid="walkthrough-open"
        >
          {t('walkthrough.files.open')}
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          hidden
          aria-label={t('walkthrough.files.open')}
          onChange={chosen}
          data-testid="walkthrough-file-input"
        />
        <button
          type="button"
          className="button"
          disabled={isBusy}
          onClick={duplicate}
          data-testid="walkthrough-duplicate"
        >
          {t('walkthrough.files.duplicate')}
        </button>
        <button
          type="button"
          className="button"
          aria-expanded={isExportShown}
          onClick={() => setExportShown((shown) => !shown)}
          data-testid="walkthrough-export-toggle"
        >
          {t('walkthrough.files.export')}
        </button>
      </div>
      <p className="toolbar-status" role="status" data-testid="walkthrough-files-status">
        {status}
      </p>
      {problem ? (
        <p className="editor-error toolbar-problem" role="alert" data-testid="walkthrough-files-error">
          {problem}
        </p>
      ) : null}
      {isExportShown ? <ExportSlides api={api} walkthrough={walkthrough} /> : null}
    </div>
  );
}
