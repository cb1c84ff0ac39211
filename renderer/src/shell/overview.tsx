/** The first screen: what the lab is, the chapter's example sentence, where to go, and the engine. */
import { useTranslation } from 'react-i18next';
import type { ReactNode } from 'react';
import { PlaceGlyph } from './place-glyph';
import type { FeaturePlaceId } from './places';
import { featurePlaces } from './places';

const exampleTokens = ['I', 'love', 'this', 'red', 'car'];

/** The overview; `engine` is the engine card, placed beside the places. */
export function Overview(props: { onNavigate: (place: FeaturePlaceId) => void; engine: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="overview">
      <header className="hero">
        <h1 className="hero-title">{t('app.name')}</h1>
        <p className="hero-tagline">{t('app.tagline')}</p>
        <p className="hero-companion">{t('app.companion')}</p>
        <figure className="example">
          <figcaption className="sidebar-label">{t('overview.exampleLabel')}</figcaption>
          <ol className="tokens">
            {exampleTokens.map((token) => (
              <li key={token} className="token">
                {token}
              </li>
            ))}
          </ol>
        </figure>
      </header>
      <div className="overview-columns">
        <section aria-labelledby="explore-heading" className="explore">
          <h2 id="explore-heading" className="section-title">
            {t('overview.exploreHeading')}
          </h2>
          <p className="muted section-intro">{t('overview.exploreIntro')}</p>
          <ul className="place-cards">
            {featurePlaces.map((place) => (
              <li key={place}>
                <button
                  type="button"
                  className="place-card"
                  onClick={() => props.onNavigate(place)}
                  aria-label={t('overview.open', { place: t(`nav.${place}`) })}
                >
                  <PlaceGlyph place={place} className="place-card-glyph" />
                  <span className="place-card-text">
                    <span className="place-card-title">{t(`nav.${place}`)}</span>
                    <span className="place-card-kicker">{t(`places.${place}.kicker`)}</span>
                    <span className="place-card-summary">{t(`places.${place}.summary`)}</span>
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </section>
        {props.engine}
      </div>
    </div>
  );
}
