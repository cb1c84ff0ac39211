/**
 * BERT, T5 and GPT side by side on the same sentence, each with its characteristic map: BERT's encoder
 * self-attention (the full square), T5's cross-attention (target rows × input columns) and GPT's causal
 * self-attention (the lower triangle) — under one layer and head picker.
 */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { defaultKind } from '../../../shared/charts/attention-view';
import type { LabApi } from '../../../shared/contract/api';
import type { ThemeName } from '../../../shared/charts/color';
import { ColorLegend } from '../views/color-legend';
import { useColorScheme } from '../views/use-color-scheme';
import { ErrorMessage, ViewCard } from '../views/view-card';
import { DisplayControls, LayerHeadPickers } from '../views/view-controls';
import type { DisplayPrefs, ViewSettings } from '../views/view-settings';
import { clampSettings, useDisplayPrefs } from '../views/view-settings';
import { defaultTarget, defaultText, familySpecs } from './families';
import type { FamilyPlaceId } from './families';
import { TextFields } from './text-fields';
import './places.css';
import { useAttention } from './use-attention';
import { useModel } from './use-model';

const columns: readonly FamilyPlaceId[] = ['encoder', 'encoderDecoder', 'decoder'];

/** Small cells and no title (the column has one) or legend (the page shows one for all three). */
const compactLayout = {
  bert: { cellSize: 30, showLegend: false, showTitle: false },
  t5: { cellSize: 30, showLegend: false, showTitle: false },
  gpt: { cellSize: 30, showLegend: false, showTitle: false },
} as const;

/** The layers and heads of a model's map. */
type Range = { layers: number; heads: number };

/** One family's column. */
function CompareColumn(props: {
  api: LabApi;
  place: FamilyPlaceId;
  text: string;
  target: string;
  pick: { layer: number; head: number | 'average' };
  prefs: DisplayPrefs;
  theme: ThemeName;
  onRange: (place: FamilyPlaceId, range: Range) => void;
}) {
  const { t } = useTranslation();
  const { api, place, prefs, theme } = props;
  const spec = familySpecs[place];
  const model = useModel(api, spec.family, spec.builtin);
  const attention = useAttention(
    api,
    model.info?.modelId ?? null,
    props.text,
    spec.family === 't5' ? props.target : undefined,
  );
  const kind = defaultKind(spec.family);
  const stack = attention.data?.attention[kind];
  const requested: ViewSettings = { view: 'head', kind, ...props.pick, heads: null, padding: 0 };
  const settings = stack ? clampSettings(requested, stack.layers, stack.heads) : requested;
  const { onRange } = props;
  const [layers, heads] = [stack?.layers, stack?.heads];
  useEffect(() => {
    if (layers !== undefined && heads !== undefined) onRange(place, { layers, heads });
  }, [onRange, place, layers, heads]);
  return (
    <div className="compare-column" data-testid={`compare-${spec.family}`}>
      <h2 className="compare-heading">{t(`views.family.${spec.family}`)}</h2>
      <p className="compare-kind">{t(`views.compare.${kind}`)}</p>
      <ViewCard
        api={api}
        model={model.info}
        modelProblem={model.error ? <ErrorMessage error={model.error} /> : null}
        isModelOpening={model.isOpening}
        data={attention.data}
        error={attention.error}
        isEmpty={attention.isEmpty}
        isPending={attention.isPending}
        settings={settings}
        prefs={prefs}
        theme={theme}
        layout={compactLayout[spec.family]}
      />
    </div>
  );
}

/** The Compare page. */
export function ComparePage({ api }: { api: LabApi }) {
  const { t } = useTranslation();
  const [text, setText] = useState(defaultText);
  const [target, setTarget] = useState(defaultTarget);
  const [pick, setPick] = useState<{ layer: number; head: number | 'average' }>({ layer: 0, head: 0 });
  const [prefs, setPrefs] = useDisplayPrefs();
  // Each column reports its model's layers and heads: the pickers offer what every model has.
  const [ranges, setRanges] = useState<Partial<Record<FamilyPlaceId, Range>>>({});
  const theme = useColorScheme();
  const onRange = useCallback((place: FamilyPlaceId, range: Range) => {
    setRanges((current) => {
      const known = current[place];
      return known?.layers === range.layers && known.heads === range.heads
        ? current
        : { ...current, [place]: range };
    });
  }, []);
  const known = Object.values(ranges);
  const layers = known.length > 0 ? Math.min(...known.map((r) => r.layers)) : 1;
  const heads = known.length > 0 ? Math.min(...known.map((r) => r.heads)) : 1;
  return (
    <article className={`compare-page${prefs.isLargeType ? ' is-large' : ''}`} data-testid="compare-page">
      <header>
        <p className="kicker">{t('views.compare.kicker')}</p>
        <h1 className="place-title">{t('nav.compare')}</h1>
        <p className="place-summary">{t('views.compare.summary')}</p>
      </header>
      <section className="card view-inputs" aria-label={t('views.inputs')}>
        <TextFields text={text} onText={setText} target={target} onTarget={setTarget} />
      </section>
      <div className="view-controls">
        <div className="view-pickers">
          <LayerHeadPickers
            layer={Math.min(pick.layer, layers - 1)}
            head={pick.head === 'average' ? 'average' : Math.min(pick.head, heads - 1)}
            layers={layers}
            heads={heads}
            onChange={(change) => setPick((current) => ({ ...current, ...change }))}
          />
          <DisplayControls prefs={prefs} onChange={setPrefs} />
        </div>
        <ColorLegend colormap={prefs.colormap} theme={theme} />
      </div>
      <div className="compare-columns">
        {columns.map((place) => (
          <CompareColumn
            key={place}
            api={api}
            place={place}
            text={text}
            target={target}
            pick={pick}
            prefs={prefs}
            theme={theme}
            onRange={onRange}
          />
        ))}
      </div>
    </article>
  );
}
