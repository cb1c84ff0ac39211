/** A place a later version fills: its title, what it is about (from the chapter) and what you will do there. */
import { useTranslation } from 'react-i18next';
import { PlaceGlyph } from './place-glyph';
import type { FeaturePlaceId } from './places';

const points = ['point1', 'point2', 'point3'] as const;

/** The reserved view of one place. */
export function PlaceView({ place }: { place: FeaturePlaceId }) {
  const { t } = useTranslation();
  return (
    <article className="place-view">
      <header className="place-header">
        <PlaceGlyph place={place} className="place-header-glyph" />
        <div>
          <p className="kicker">{t(`places.${place}.kicker`)}</p>
          <h1 className="place-title">{t(`nav.${place}`)}</h1>
        </div>
      </header>
      <p className="place-summary">{t(`places.${place}.summary`)}</p>
      <p className="place-description">{t(`places.${place}.description`)}</p>
      <section className="card place-plan" aria-labelledby="plan-heading">
        <h2 id="plan-heading" className="card-title">
          {t('placeView.whatYouWillDo')}
        </h2>
        <ul className="plan-list">
          {points.map((point) => (
            <li key={point}>{t(`places.${place}.${point}`)}</li>
          ))}
        </ul>
        <p className="muted reserved-note">{t('placeView.reserved')}</p>
      </section>
    </article>
  );
}
