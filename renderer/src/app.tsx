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
import { FamilyPage } from './places/family-page';
import { isFamilyPlace } from './places/families';
import { PlaceView } from './shell/place-view';
import type { PlaceId } from './shell/places';
import { Sidebar } from './shell/sidebar';
import { TrainPage } from './train/train-page';

/** The whole window. */
export function App({ api }: { api: LabApi }) {
  const { t } = useTranslation();
  const report = useReportError();
  const [place, setPlace] = useState<PlaceId>('overview');
  const { status, connection } = useEngineStatus(api);
  const mainRef = useRef<HTMLElement>(null);
  const hasNavigated = useRef(false);

  useEffect(() => {
    document.title = place === 'overview' ? t('app.name') : `${t(`nav.${place}`)} · ${t('app.name')}`;
  }, [place, t]);

  const navigate = (next: PlaceId) => {
    hasNavigated.current = true;
    setPlace(next);
  };
  useEffect(() => {
    // After a navigation, keyboard and screen-reader users continue in the new view, not in the sidebar.
    if (hasNavigated.current) mainRef.current?.focus();
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
            <FamilyPage api={api} place={place} />
          ) : place === 'compare' ? (
            <ComparePage api={api} />
          ) : place === 'train' ? (
            <TrainPage api={api} status={status} />
          ) : (
            <PlaceView place={place} />
          )}
        </ErrorBoundary>
      </main>
    </div>
  );
}
