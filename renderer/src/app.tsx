/** The app: the sidebar, the current place, and the engine status React keeps for both. */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LabApi } from '../../shared/contract/api';
import { EngineStatusCard } from './engine/engine-status-card';
import { useEngineStatus } from './engine/use-engine-status';
import { ErrorBoundary } from './errors/error-boundary';
import { useReportError } from './errors/error-presenter';
import { Overview } from './shell/overview';
import { ComparePage } from './places/compare-page';
import { FamilyPage, familyPlaceOf } from './places/family-page';
import { isFamilyPlace } from './places/families';
import { LibraryPage } from './library/library-page';
import type { FamilyPlaceId } from './places/families';
import { PlaceView } from './shell/place-view';
import type { PlaceId } from './shell/places';
import { Sidebar } from './shell/sidebar';
import { TrainPage } from './train/train-page';
import { WalkthroughPage } from './walkthrough/walkthrough-page';

/** What a navigation may carry: a checkpoint folder for a family page to open and select. */
export interface NavigateOptions {
  checkpointPath?: string;
}

/** The whole window. */
export function App({ api }: { api: LabApi }) {
  const { t } = useTranslation();
  const report = useReportError();
  const [place, setPlace] = useState<PlaceId>('overview');
  // The checkpoint the next family page opens (set by "Open in views" on the Train screen).
  const [checkpoint, setCheckpoint] = useState<{ place: FamilyPlaceId; path: string } | null>(null);
  const { status, connection } = useEngineStatus(api);
  const mainRef = useRef<HTMLElement>(null);
  const hasNavigated = useRef(false);

  useEffect(() => {
    document.title = place === 'overview' ? t('app.name') : `${t(`nav.${place}`)} · ${t('app.name')}`;
  }, [place, t]);

  const navigate = (next: PlaceId, options: NavigateOptions = {}) => {
    hasNavigated.current = true;
    const path = options.checkpointPath;
    setCheckpoint(path !== undefined && isFamilyPlace(next) ? { place: next, path } : null);
    setPlace(next);
  };
  useEffect(() => {
    // A new place starts at its top, not at the scroll position of the page before.
    mainRef.current?.scrollTo?.(0, 0);
    // After a navigation, keyboard and screen-reader users continue in the new view, not in the sidebar.
    if (hasNavigated.current) mainRef.current?.focus({ preventScroll: true });
  }, [place]);

  return (
    <div className="layout">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <Sidebar place={place} onNavigate={navigate} status={status} />
      <main id="main" className="content" ref={mainRef} tabIndex={-1}>
        <ErrorBoundary
          key={place}
          onError={report}
          fallback={<p className="muted">{t('errors.internal.body')}</p>}
        >
          {place === 'overview' ? (
            <Overview
              onNavigate={navigate}
              engine={<EngineStatusCard api={api} status={status} connection={connection} />}
            />
          ) : isFamilyPlace(place) ? (
            <FamilyPage
              // A new checkpoint for the page on screen mounts it afresh (the page reads it when it mounts).
              key={checkpoint?.place === place ? checkpoint.path : place}
              api={api}
              place={place}
              {...(checkpoint?.place === place ? { checkpointPath: checkpoint.path } : {})}
            />
          ) : place === 'compare' ? (
            <ComparePage api={api} />
          ) : place === 'train' ? (
            <TrainPage
              api={api}
              status={status}
              onOpenInViews={(family, path) => navigate(familyPlaceOf[family], { checkpointPath: path })}
              onOpenPrompting={() => navigate('decoder')}
            />
          ) : place === 'library' ? (
            <LibraryPage api={api} />
          ) : place === 'walkthrough' ? (
            <WalkthroughPage api={api} onNavigate={(next) => navigate(next)} />
          ) : (
            <PlaceView place={place} />
          )}
        </ErrorBoundary>
      </main>
    </div>
  );
}
