/**
 * One checkpoint of the library table: its summary and its actions — open, rename inline, export to a folder
 * (typed, or chosen in Electron's folder dialog) and delete behind a confirm step. An orphan training history
 * (its checkpoint gone) can be deleted too.
 */
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { LibraryEntry } from '../../../shared/contract/library';
import { formatFixed } from '../i18n/format-number';

/** What a row can ask the page to do; each resolves when done (the page reports failures). */
export interface RowActions {
  open(path: string): void;
  rename(path: string, newName: string): Promise<void>;
  remove(path: string): Promise<void>;
  exportTo(path: string, to: string): Promise<void>;
  /** Electron's folder dialog, or `null` in the browser (type the path instead). */
  chooseFolder: (() => Promise<string | null>) | null;
}

type Mode = 'idle' | 'renaming' | 'exporting' | 'confirmDelete' | 'busy';

function formatBytes(bytes: number, language: string): string {
  const format = new Intl.NumberFormat(language, { maximumFractionDigits: 1 });
  if (bytes < 1024 * 1024) return `${format.format(bytes / 1024)} KB`;
  return `${format.format(bytes / 1024 / 1024)} MB`;
}

/** A row of the table (a folder that is not a valid checkpoint shows its reason instead). */
export function LibraryRow({ entry, actions }: { entry: LibraryEntry; actions: RowActions }) {
  const { t, i18n } = useTranslation();
  const [mode, setMode] = useState<Mode>('idle');
  const [text, setText] = useState('');
  const run = (action: Promise<void>) => {
    setMode('busy');
    void action.then(() => setMode('idle'));
  };
  const submitRename = (event: FormEvent) => {
    event.preventDefault();
    run(actions.rename(entry.path, text));
  };
  const submitExport = (event: FormEvent) => {
    event.preventDefault();
    run(actions.exportTo(entry.path, text));
  };

  const confirmDelete = (
    <span
      className="library-confirm"
      role="group"
      aria-label={t('library.confirmDelete', { name: entry.name })}
    >
      <span>{t('library.confirmDelete', { name: entry.name })}</span>
      <button
        type="button"
        className="button button-danger"
        onClick={() => run(actions.remove(entry.path))}
        data-testid="library-delete-confirm"
      >
        {t('library.delete')}
      </button>
      <button type="button" className="button" onClick={() => setMode('idle')}>
        {t('library.cancel')}
      </button>
    </span>
  );
  const deleteButton = (
    <button
      type="button"
      className="button button-danger"
      disabled={mode === 'busy'}
      onClick={() => setMode('confirmDelete')}
      data-testid="library-delete"
    >
      {t('library.delete')}
    </button>
  );

  if (!entry.valid) {
    // An orphan history (its checkpoint gone) can only be deleted; another folder is the student's own.
    const isOrphan = entry.kind === 'orphanHistory';
    return (
      <tr className="library-invalid" data-testid="library-row" data-name={entry.name}>
        <td className="library-name">{entry.name}</td>
        <td colSpan={5} className="library-error">
          {isOrphan
            ? t('library.orphanHistory', { name: entry.name.replace(/\.history$/, '') })
            : t('library.invalid', { error: entry.error })}
        </td>
        <td className="library-actions">
          {isOrphan ? (mode === 'confirmDelete' ? confirmDelete : deleteButton) : null}
        </td>
      </tr>
    );
  }
  const date = new Date(entry.createdAt);
  return (
    <tr data-testid="library-row" data-name={entry.name}>
      <td className="library-name">
        {mode === 'renaming' ? (
          <form className="library-inline" onSubmit={submitRename}>
            <input
              aria-label={t('library.newName')}
              value={text}
              onChange={(event) => setText(event.target.value)}
              autoFocus
              data-testid="library-rename-input"
            />
            <button type="submit" className="button" data-testid="library-rename-save">
              {t('library.save')}
            </button>
            <button type="button" className="button" onClick={() => setMode('idle')}>
              {t('library.cancel')}
            </button>
          </form>
        ) : (
          <span title={entry.path}>{entry.name}</span>
        )}
      </td>
      <td>{entry.family.toUpperCase()}</td>
      <td className="library-sizes">{entry.sizes}</td>
      <td className="library-number">{entry.steps}</td>
      <td className="library-number">
        {entry.finalLoss === null ? '—' : formatFixed(entry.finalLoss, 3, i18n.language)}
      </td>
      <td className="library-number">
        {Number.isNaN(date.getTime()) ? '—' : date.toLocaleDateString(i18n.language)} ·{' '}
        {formatBytes(entry.bytes, i18n.language)}
      </td>
      <td className="library-actions">
        {mode === 'confirmDelete' ? (
          confirmDelete
        ) : mode === 'exporting' ? (
          <form className="library-inline" onSubmit={submitExport}>
            <input
              aria-label={t('library.exportTo')}
              placeholder={t('library.folderPlaceholder')}
              value={text}
              onChange={(event) => setText(event.target.value)}
              autoFocus
            />
            <button type="submit" className="button">
              {t('library.export')}
            </button>
            <button type="button" className="button" onClick={() => setMode('idle')}>
              {t('library.cancel')}
            </button>
          </form>
        ) : (
          <>
            <button
              type="button"
              className="button"
              onClick={() => actions.open(entry.path)}
              disabled={mode === 'busy'}
            >
              {t('library.open')}
            </button>
            <button
              type="button"
              className="button"
              disabled={mode === 'busy'}
              onClick={() => {
                setText(entry.name);
                setMode('renaming');
              }}
              data-testid="library-rename"
            >
              {t('library.rename')}
            </button>
            <button
              type="button"
              className="button"
              disabled={mode === 'busy'}
              onClick={() => {
                const choose = actions.chooseFolder;
                if (!choose) {
                  setText('');
                  setMode('exporting');
                  return;
                }
                void choose().then((to) => {
                  if (to !== null) run(actions.exportTo(entry.path, to));
                });
              }}
            >
              {t('library.export')}
            </button>
            {deleteButton}
          </>
        )}
      </td>
    </tr>
  );
}
