/**
 * A horizontal colour legend in the page (where several figures share one scale, as on the Compare page): the
 * scale's gradient with its ticks — the same stops and ticks the figures' own legends use — and the swatch of
 * masked cells, so masked never reads as "little weight".
 */
import { useTranslation } from 'react-i18next';
import type { ColormapName, ThemeName } from '../../../shared/charts/color';
import { legendModel, maskedStyle } from '../../../shared/charts/color';

/** The legend of weights 0 to 1 on `colormap`. */
export function ColorLegend({ colormap, theme }: { colormap: ColormapName; theme: ThemeName }) {
  const { t } = useTranslation();
  const model = legendModel(colormap, [0, 1], theme);
  const masked = maskedStyle(theme);
  const gradient = `linear-gradient(to right, ${model.stops.map((s) => `${s.color} ${s.offset * 100}%`).join(', ')})`;
  const hatch = `repeating-linear-gradient(45deg, ${masked.hatch} 0 2px, ${masked.fill} 2px ${masked.spacing}px)`;
  return (
    <div className="color-legend" role="img" aria-label={t('views.legend.label', { colormap })}>
      <span className="color-legend-title">{t('views.legend.weight')}</span>
      <span className="color-legend-scale">
        <span className="color-legend-bar" style={{ background: gradient }} />
        <span className="color-legend-ticks">
          {model.ticks.map((tick) => (
            <span key={tick.t}>{tick.label}</span>
          ))}
        </span>
      </span>
      <span className="color-legend-masked">
        <span className="color-legend-swatch" style={{ background: hatch }} />
        {t('views.legend.masked')}
      </span>
    </div>
  );
}
