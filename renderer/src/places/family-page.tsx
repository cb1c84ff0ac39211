/**
 * A model family's page (Encoder = BERT, Encoder–Decoder = T5, Decoder = GPT): the chooser of the model, the
 * text, the view controls and the view of the model's real attention for that text, with snapshots — then the
 * animation of the family's pretraining objective. What you typed and chose is kept while you visit other pages.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LabApi } from '../../../shared/contract/api';
import { ObjectiveAnimation } from '../animations/objective-animation';
import { PromptingPanel } from '../prompting/prompting-panel';
import { PlaceGlyph } from '../shell/place-glyph';
import { useColorScheme } from '../views/use-color-scheme';
import { ErrorMessage, ViewCard, ViewMessage } from '../views/view-card';
import { DisplayControls, ViewControls } from '../views/view-controls';
import type { ViewData } from '../views/view-data';
import type { ViewSettings } from '../views/view-settings';
import { clampSettings, useDisplayPrefs } from '../views/view-settings';
import type { FamilyPlaceId } from './families';
import { defaultTarget, defaultText, familySpecs } from './families';
import { ModelChooser } from './model-chooser';
import './places.css';
import { TextFields } from './text-fields';
import { useAttention } from './use-attention';
import type { Family } from './use-model';
import { useModel } from './use-model';

interface PageMemory {
  text: string;
  target: string;
  settings: ViewSettings;
}

/** What each page was left with (for this session). */
const memory = new Map<FamilyPlaceId, PageMemory>();

/** The page of each family. */
export const familyPlaceOf: Record<Family, FamilyPlaceId> = {
  bert: 'encoder',
  t5: 'encoderDecoder',
  gpt: 'decoder',
};

/** Layers and heads the pickers offer for a view of `data`. */
export function pickerRange(
  data: ViewData | null,
  settings: ViewSettings,
): { layers: number; heads: number } {
  const kinds = settings.view === 'triptych' ? (['encoder', 'cross', 'decoder'] as const) : [settings.kind];
  const stacks = kinds.map((kind) => data?.attention[kind]).filter((stack) => stack !== undefined);
  if (stacks.length === 0) return { layers: 1, heads: 1 };
  return {
    layers: Math.min(...stacks.map((stack) => stack.layers)),
    heads: Math.min(...stacks.map((stack) => stack.heads)),
  };
}

/** The page of one family; `checkpointPath` (from "Open in views" on the Train screen) opens and selects it. */
export function FamilyPage({
  api,
  place,
  checkpointPath,
}: {
  api: LabApi;
  place: FamilyPlaceId;
  checkpointPath?: string;
}) {
  const { t } = useTranslation();
  const spec = familySpecs[place];
  const isT5 = spec.family === 't5';
  const remembered = memory.get(place);
  const [text, setText] = useState(remembered?.text ?? defaultText);
  const [target, setTarget] = useState(remembered?.target ?? defaultTarget);
  const [chosen, setSettings] = useState<ViewSettings>(
    () =>
      remembered?.settings ?? {
        view: 'head',
        kind: spec.kinds[0] ?? 'encoder',
        layer: 0,
        head: 0,
        heads: null,
        padding: 0,
      },
  );
  const [prefs, setPrefs] = useDisplayPrefs();
  const theme = useColorScheme();
  const model = useModel(api, spec.family, spec.builtin, checkpointPath);
  const attention = useAttention(api, model.info?.modelId ?? null, text, isT5 ? target : undefined);
  const range = pickerRange(attention.data, chosen);
  const settings = clampSettings(chosen, range.layers, range.heads);
  const change = (update: Partial<ViewSettings>) => setSettings((current) => ({ ...current, ...update }));

  useEffect(() => {
    memory.set(place, { text, target, settings: chosen });
  }, [place, text, target, chosen]);

  const modelProblem = model.error ? (
    <ErrorMessage error={model.error} />
  ) : model.wrongFamily ? (
    <ViewMessage
      tone="error"
      title={t('views.model.wrongFamilyTitle')}
      body={t('views.model.wrongFamily', {
        family: t(`views.family.${model.wrongFamily}`),
        place: t(`nav.${familyPlaceOf[model.wrongFamily]}`),
      })}
    />
  ) : null;

  return (
    <article className={`family-page${prefs.isLargeType ? ' is-large' : ''}`} data-testid={`family-${place}`}>
      <header className="place-header">
        <PlaceGlyph place={place} className="place-header-glyph" />
        <div>
          <p className="kicker">{t(`places.${place}.kicker`)}</p>
          <h1 className="place-title">{t(`nav.${place}`)}</h1>
        </div>
      </header>
      <p className="place-summary">{t(`places.${place}.summary`)}</p>
      <p className="place-description">{t(`places.${place}.description`)}</p>
      <section className="card view-inputs" aria-label={t('views.inputs')}>
        <ModelChooser api={api} model={model} />
        <TextFields text={text} onText={setText} {...(isT5 ? { target, onTarget: setTarget } : {})} />
      </section>
      <ViewControls
        views={spec.views}
        kinds={spec.kinds}
        settings={settings}
        layers={range.layers}
        heads={range.heads}
        isT5={isT5}
        onChange={change}
        display={<DisplayControls prefs={prefs} onChange={setPrefs} />}
      />
      <ViewCard
        api={api}
        model={model.info}
        modelProblem={modelProblem}
        isModelOpening={model.isOpening}
        data={attention.data}
        error={attention.error}
        isEmpty={attention.isEmpty}
        isPending={attention.isPending}
        settings={settings}
        prefs={prefs}
        theme={theme}
        onOpenHead={(layer, column) =>
          change({ view: 'head', layer, head: column.kind === 'head' ? column.head : 'average' })
        }
        onHeadsChange={(heads) => change({ heads: heads.length === range.heads ? null : heads })}
      />
      <section className="family-animation" aria-label={t('views.animation')}>
        <ObjectiveAnimation
          objective={spec.family}
          api={api}
          {...(model.info ? { modelId: model.info.modelId } : {})}
        />
      </section>
      {spec.family === 'gpt' && (
        <section className="family-prompting" aria-label={t('prompting.title')}>
          <PromptingPanel api={api} {...(model.info ? { modelId: model.info.modelId } : {})} />
        </section>
      )}
    </article>
  );
}
