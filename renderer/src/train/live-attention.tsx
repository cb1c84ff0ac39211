/**
 * Attention over training: while a run is live, the family's own map (BERT's encoder self-attention, T5's
 * cross-attention, GPT's causal self-attention) for the chapter's sentence, read from the run's current weights
 * (`train:attention`) every N steps, with layer and head pickers — watch the heads form as the loss falls.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LabApi } from '../../../shared/contract/api';
import { asLabError } from '../errors/as-lab-error';
import { defaultTarget, defaultText, familySpecs } from '../places/families';
import { familyPlaceOf } from '../places/family-page';
import { AttentionFigure } from '../views/attention-figure';
import { useColorScheme } from '../views/use-color-scheme';
import { LayerHeadPickers, Picker } from '../views/view-controls';
import type { ViewData } from '../views/view-data';
import { viewDataOf } from '../views/view-data';
import type { ViewSettings } from '../views/view-settings';
import { clampSettings, useDisplayPrefs } from '../views/view-settings';
import type { TrainingSnapshot } from './training-store';

/** The refresh intervals offered, in steps. */
export const refreshIntervals = [5, 10, 25, 50, 100] as const;
/** The interval a run starts with. */
export const defaultRefreshInterval = 25;

// The step label above names the map, so the figure needs no title of its own.
const layout = { cellSize: 30, showLegend: false, showTitle: false } as const;

interface Drawn {
  runId: string;
  step: number;
  data: ViewData;
}

/** The live view of run `training` (shown by the Train page while the run is live). */
export function LiveAttention({ api, training }: { api: LabApi; training: TrainingSnapshot }) {
  const { t, i18n } = useTranslation();
  const theme = useColorScheme();
  const [prefs] = useDisplayPrefs();
  const [every, setEvery] = useState<number>(defaultRefreshInterval);
  const [pick, setPick] = useState<{ layer: number; head: number | 'average' }>({ layer: 0, head: 0 });
  const [drawn, setDrawn] = useState<Drawn | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const isAsking = useRef(false);
  const runId = training.runId;
  const step = training.progress?.step ?? 0;
  const family = training.request?.family ?? 'gpt';
  const spec = familySpecs[familyPlaceOf[family]];
  const lastStep = drawn?.runId === runId ? drawn.step : null;

  useEffect(() => {
    // One request at a time: at the first step, then whenever `every` more steps have passed.
    const isDue = lastStep === null ? step >= 1 : step - lastStep >= every;
    if (!runId || !isDue || isAsking.current) return;
    isAsking.current = true;
    const target = spec.family === 't5' ? defaultTarget : undefined;
    api
      .invoke('train:attention', { runId, text: defaultText, ...(target ? { target } : {}) })
      .then((result) => {
        setDrawn({ runId, step, data: viewDataOf(result, defaultText, target) });
        setProblem(null);
      })
      // The run may end between the progress and the answer; the view then simply stops following it.
      .catch((error: unknown) => setProblem(asLabError(error).message))
      .finally(() => {
        isAsking.current = false;
      });
  }, [api, runId, step, every, lastStep, spec.family]);

  const data = drawn?.runId === runId ? drawn.data : null;
  const kind = spec.kinds[0] ?? 'encoder';
  const stack = data?.attention[kind];
  const layers = stack?.layers ?? 1;
  const heads = stack?.heads ?? 1;
  const chosen: ViewSettings = { view: 'head', kind, ...pick, heads: null, padding: 0 };
  const settings = clampSettings(chosen, layers, heads);
  const number = new Intl.NumberFormat(i18n.language);

  return (
    <section className="card train-live" aria-labelledby="train-live-heading" data-testid="train-live">
      <h2 id="train-live-heading" className="card-title">
        {t('train.live.heading')}
      </h2>
      <p className="muted">{t(`train.live.kind.${kind}`)}</p>
      <div className="train-live-controls">
        <LayerHeadPickers
          layer={settings.layer}
          head={settings.head}
          layers={layers}
          heads={heads}
          onChange={(change) => setPick((current) => ({ ...current, ...change }))}
        />
        <Picker
          label={t('train.live.every')}
          value={String(every)}
          options={refreshIntervals.map((n) => ({ value: String(n), label: number.format(n) }))}
          onChange={(value) => setEvery(Number(value))}
          testId="train-live-every"
        />
      </div>
      {data && drawn ? (
        <>
          <p className="train-live-step" data-testid="train-live-step" data-step={drawn.step}>
            {t('train.live.step', { step: number.format(drawn.step) })}
          </p>
          <AttentionFigure
            data={data}
            settings={settings}
            prefs={prefs}
            theme={theme}
            title={t('train.live.title', { step: number.format(drawn.step) })}
            layout={layout}
          />
        </>
      ) : (
        <p className="muted">{problem ?? t('train.live.waiting')}</p>
      )}
    </section>
  );
}
