/** The navigation shell: the app's name, one entry per place in groups, the language switch and the engine's state. */
import { useTranslation } from 'react-i18next';
import type { EngineStatus } from '../../../shared/contract/engine';
import { EngineStatePill } from '../engine/engine-status-card';
import { LanguageSwitch } from './language-switch';
import { PlaceGlyph } from './place-glyph';
import type { PlaceId } from './places';
import { placeGroups } from './places';

/** The sidebar. */
export function Sidebar(props: {
  place: PlaceId;
  onNavigate: (place: PlaceId) => void;
  status: EngineStatus | null;
}) {
  const { t } = useTranslation();
  return (
    <aside className="sidebar">
      <div className="brand">
        <PlaceGlyph place="decoder" className="brand-mark" />
        <span className="brand-name">{t('app.name')}</span>
      </div>
      <nav className="nav" aria-label={t('nav.label')}>
        {placeGroups.map((group) => (
          <div className="nav-group" key={group.labelKey ?? 'top'}>
            {group.labelKey ? <p className="sidebar-label">{t(group.labelKey)}</p> : null}
            <ul>
              {group.places.map((place) => (
                <li key={place}>
                  <button
                    type="button"
                    className="nav-item"
                    aria-current={props.place === place ? 'page' : undefined}
                    onClick={() => props.onNavigate(place)}
                  >
                    <PlaceGlyph place={place} className="nav-glyph" />
                    <span>{t(`nav.${place}`)}</span>
                  </button>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </nav>
      <div className="sidebar-footer">
        <LanguageSwitch />
        <div className="sidebar-engine">
          <span className="sidebar-label">{t('engine.heading')}</span>
          <span className="sidebar-engine-line">
            <EngineStatePill status={props.status} />
            {props.status?.backend ? <code className="backend-name">{props.status.backend}</code> : null}
          </span>
        </div>
      </div>
    </aside>
  );
}
