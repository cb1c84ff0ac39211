/**
 * The Library place: the checkpoint folders of the user's checkpoints folder (`app:info`) and the shipped
 * models, with open (the model's summary via `model:open`), rename, delete, export and import, and the
 * recently opened checkpoints (kept in localStorage, see recent-checkpoints.ts).
 */
import { useCallback, useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { LabApi, RequestOutput } from '../../../shared/contract/api';
import type { LibraryEntry } from '../../../shared/contract/library';
import type { ModelInfo, ModelSource } from '../../../shared/contract/model';
import { useReportError } from '../errors/error-presenter';
import { PlaceGlyph } from '../shell/place-glyph';
import { LibraryRow } from './library-row';
import type { RowActions } from './library-row';
import { recentCheckpoints, rememberCheckpoint, updateRecentCheckpoint } from './recent-checkpoints';
import './library.css';

type Builtins = RequestOutput<'model:listBuiltin'>['models'];

/** The page. */
export function LibraryPage({ api }: { api: LabApi }) {
  const { t } = useTranslation();
  const report = useReportError();
  const [folder, setFolder] = useState<string | null>(null);
  const [isElectron, setIsElectron] = useState(false);
  const [entries, setEntries] = useState<LibraryEntry[] | null>(null);
  const [builtins, setBuiltins] = useState<Builtins>([]);
  const [recent, setRecent] = useState<string[]>(() => recentCheckpoints());
  const [opened, setOpened] = useState<ModelInfo | 'opening' | null>(null);
  const [importPath, setImportPath] = useState('');
  const [notice, setNotice] = useState<string | null>(null);

  const refresh = useCallback(
    (library: string) =>
      api
        .invoke('library:list', { folder: library })
        .then(({ entries: listed }) => setEntries(listed))
        .catch(report),
    [api, report],
  );
  useEffect(() => {
    api
      .invoke('app:info', {})
      .then((info) => {
        setFolder(info.paths.checkpoints);
        setIsElectron(info.host === 'electron');
        return refresh(info.paths.checkpoints);
      })
      .catch(report);
    api
      .invoke('model:listBuiltin', {})
      .then(({ models }) => setBuiltins(models))
      .catch(report);
  }, [api, report, refresh]);

  const open = (source: ModelSource) => {
    setOpened('opening');
    api
      .invoke('model:open', { source })
      .then((info) => {
        setOpened(info);
        if (source.kind === 'checkpoint') setRecent(rememberCheckpoint(source.path));
      })
      .catch((error: unknown) => {
        setOpened(null);
        report(error);
      });
  };
  const done = (message: string, changed?: string) => {
    setNotice(message);
    // The summary of a folder that was renamed or deleted would show a path that no longer exists.
    if (changed !== undefined)
      setOpened((shown) => (shown !== 'opening' && shown?.path === changed ? null : shown));
    if (folder) void refresh(folder);
  };
  const chooseFolder = isElectron
    ? () =>
        api
          .invoke('dialog:chooseCheckpoint', {})
          .then(({ path }) => path)
          .catch((error: unknown) => {
            report(error);
            return null;
          })
    : null;
  const actions: RowActions = {
    open: (path) => open({ kind: 'checkpoint', path }),
    rename: (path, newName) =>
      api.invoke('library:rename', { path, newName }).then(({ path: renamed }) => {
        setRecent(updateRecentCheckpoint(path, renamed));
        done(t('library.renamed', { name: newName.trim() }), path);
      }, report),
    remove: (path) =>
      api.invoke('library:delete', { path }).then(() => {
        setRecent(updateRecentCheckpoint(path, null));
        done(t('library.deleted', { path }), path);
      }, report),
    exportTo: (path, to) =>
      api
        .invoke('library:export', { path, to: to.trim() })
        .then(({ path: copy }) => done(t('library.exported', { path: copy })), report),
    chooseFolder,
  };
  const importFrom = (from: string) => {
    if (!folder || from.trim() === '') return;
    api
      .invoke('library:import', { from: from.trim(), folder })
      .then(({ path }) => {
        setImportPath('');
        done(t('library.imported', { path }));
      })
      .catch(report);
  };
  const submitImport = (event: FormEvent) => {
    event.preventDefault();
    importFrom(importPath);
  };

  return (
    <article className="library-page">
      <header className="place-header">
        <PlaceGlyph place="library" className="place-header-glyph" />
        <div>
          <p className="kicker">{t('places.library.kicker')}</p>
          <h1 className="place-title">{t('nav.library')}</h1>
        </div>
      </header>
      <p className="place-summary">{t('places.library.summary')}</p>
      {notice ? (
        <p className="library-notice" role="status" data-testid="library-notice">
          {notice}
        </p>
      ) : null}
      {opened === 'opening' ? <p className="muted">{t('library.opening')}</p> : null}
      {opened !== null && opened !== 'opening' ? (
        <section className="card library-opened" role="status" data-testid="library-opened">
          <h2 className="card-title">
            {t('library.opened', { name: opened.name, family: opened.family.toUpperCase() })}
          </h2>
          <p>
            {t('library.facts', {
              layers: opened.config.layers,
              heads: opened.config.heads,
              dModel: opened.config.dModel,
              parameters: opened.config.parameters,
              steps: opened.training.steps,
            })}
          </p>
          <p className="muted">
            <code>{opened.path}</code>
          </p>
        </section>
      ) : null}
      <section className="card" aria-labelledby="library-mine">
        <h2 id="library-mine" className="card-title">
          {t('library.mine')}
        </h2>
        <p className="muted">
          {t('library.folder')} <code data-testid="library-folder">{folder ?? '…'}</code>
        </p>
        {entries === null ? (
          <p className="muted">{t('library.loading')}</p>
        ) : entries.length === 0 ? (
          <p className="muted" data-testid="library-empty">
            {t('library.empty')}
          </p>
        ) : (
          <div className="library-scroll">
            <table className="library-table" data-testid="library-table">
              <thead>
                <tr>
                  <th scope="col">{t('library.columns.name')}</th>
                  <th scope="col">{t('library.columns.family')}</th>
                  <th scope="col">{t('library.columns.sizes')}</th>
                  <th scope="col">{t('library.columns.steps')}</th>
                  <th scope="col">{t('library.columns.loss')}</th>
                  <th scope="col">{t('library.columns.created')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('library.columns.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {entries.map((entry) => (
                  <LibraryRow key={entry.path} entry={entry} actions={actions} />
                ))}
              </tbody>
            </table>
          </div>
        )}
        <form className="library-import" onSubmit={submitImport}>
          <label htmlFor="library-import-path">{t('library.importLabel')}</label>
          <div className="library-inline">
            <input
              id="library-import-path"
              value={importPath}
              placeholder={t('library.folderPlaceholder')}
              onChange={(event) => setImportPath(event.target.value)}
            />
            <button type="submit" className="button" disabled={importPath.trim() === ''}>
              {t('library.import')}
            </button>
            {chooseFolder ? (
              <button
                type="button"
                className="button"
                onClick={() => void chooseFolder().then((from) => from !== null && importFrom(from))}
              >
                {t('library.choose')}
              </button>
            ) : null}
          </div>
        </form>
      </section>
      <div className="library-columns">
        <section className="card" aria-labelledby="library-builtin">
          <h2 id="library-builtin" className="card-title">
            {t('library.builtin')}
          </h2>
          <ul className="library-list">
            {builtins.map((model) => (
              <li key={model.id}>
                <span>
                  <strong>{model.name}</strong> <span className="muted">{model.description}</span>
                </span>
                <button
                  type="button"
                  className="button"
                  disabled={!model.isAvailable}
                  onClick={() => open({ kind: 'builtin', id: model.id })}
                >
                  {t('library.open')}
                </button>
              </li>
            ))}
          </ul>
        </section>
        <section className="card" aria-labelledby="library-recent">
          <h2 id="library-recent" className="card-title">
            {t('library.recent')}
          </h2>
          {recent.length === 0 ? (
            <p className="muted">{t('library.noRecent')}</p>
          ) : (
            <ul className="library-list" data-testid="library-recent">
              {recent.map((path) => (
                <li key={path}>
                  <code>{path}</code>
                  <button type="button" className="button" onClick={() => actions.open(path)}>
                    {t('library.open')}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </article>
  );
}
