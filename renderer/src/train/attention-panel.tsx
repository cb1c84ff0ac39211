/**
 * The attention map of the Train page's cards (live attention and the replay): kind, layer and head pickers
 * above one head view drawn by the views' {@link AttentionFigure}. The picks survive new data (a new step),
 * clamped to what the data has.
 */
import { useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttentionKind } from '../../../shared/charts/attention-view';
import { familySpecs } from '../places/families';
import { familyPlaceOf } from '../places/family-page';
import type { Family } from '../places/use-model';
import { AttentionFigure } from '../views/attention-figure';
import { useColorScheme } from '../views/use-color-scheme';
import { LayerHeadPickers, Picker } from '../views/view-controls';
import type { ViewData } from '../views/view-data';
import type { ViewSettings } from '../views/view-settings';
import { clampSettings, useDisplayPrefs } from '../views/view-settings';

/**
 * Cells as large as a short sentence allows (about 360 figure pixels of map, 24 to 60 per cell), so that its
 * words, "<bos>" too, stand upright above their columns; the figure then zooms to fit the card. With its title
 * and colour legend.
 */
function layoutFor(data: ViewData | null) {
  const tokens = Math.max(1, data?.tokens.input.length ?? 1, data?.tokens.target?.length ?? 1);
  return {
    cellSize: Math.max(24, Math.min(60, Math.round(360 / tokens))),
    showLegend: true,
    showTitle: true,
  };
}

/** The pickers and the figure; `above` goes between them (a step label), `controls` after the pickers. */
export function AttentionPanel(props: {
  family: Family;
  data: ViewData | null;
  /** The figure's accessible title. */
  title: string;
  /** A line describing the kind shown (e.g. "Causal self-attention of the current weights…"). */
  describe?: (kind: AttentionKind) => string;
  controls?: ReactNode;
  above?: ReactNode;
  /** Shown in place of the figure while there is no data. */
  placeholder: ReactNode;
}) {
  const { t } = useTranslation();
  const theme = useColorScheme();
  const [prefs] = useDisplayPrefs();
  const kinds = familySpecs[familyPlaceOf[props.family]].kinds;
  const [pick, setPick] = useState<{ kind: AttentionKind; layer: number; head: number | 'average' }>({
    kind: kinds[0] ?? 'encoder',
    layer: 0,
    head: 0,
  });
  const kind = kinds.includes(pick.kind) ? pick.kind : (kinds[0] ?? 'encoder');
  const stack = props.data?.attention[kind];
  const chosen: ViewSettings = {
    view: 'head',
    kind,
    layer: pick.layer,
    head: pick.head,
    heads: null,
    padding: 0,
  };
  const settings = clampSettings(chosen, stack?.layers ?? 1, stack?.heads ?? 1);
  const layout = useMemo(() => layoutFor(props.data), [props.data]);

  return (
    <>
      {props.describe ? <p className="muted">{props.describe(kind)}</p> : null}
      <div className="train-live-controls">
        {kinds.length > 1 ? (
          <Picker
            label={t('views.attention')}
            value={kind}
            options={kinds.map((k) => ({ value: k, label: t(`views.kind.${k}`) }))}
            onChange={(value) => {
              const next = kinds.find((k) => k === value);
              if (next) setPick((current) => ({ ...current, kind: next }));
            }}
            testId="kind-picker"
          />
        ) : null}
        <LayerHeadPickers
          layer={settings.layer}
          head={settings.head}
          layers={stack?.layers ?? 1}
          heads={stack?.heads ?? 1}
          onChange={(change) => setPick((current) => ({ ...current, ...change }))}
        />
        {props.controls}
      </div>
      {props.data ? (
        <>
          {props.above}
          <AttentionFigure
            data={props.data}
            settings={settings}
            prefs={prefs}
            theme={theme}
            title={props.title}
            layout={layout}
          />
        </>
      ) : (
        props.placeholder
      )}
    </>
  );
}
