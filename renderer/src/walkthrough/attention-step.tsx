/**
 * An attention step: the step's model reads the step's text (and T5 target) and the family pages' own
 * `<ViewCard>` draws the view the step names — layer, head, kind — with the step's word focused.
 */
import type { AttentionKind } from '../../../shared/charts/attention-view';
import type { ThemeName } from '../../../shared/charts/color';
import type { LabApi } from '../../../shared/contract/api';
import type { WalkthroughStep } from '../../../shared/walkthrough/schema';
import { pickerRange } from '../places/family-page';
import { useAttention } from '../places/use-attention';
import { ErrorMessage, ViewCard } from '../views/view-card';
import type { ViewData } from '../views/view-data';
import type { DisplayPrefs, ViewSettings } from '../views/view-settings';
import { clampSettings } from '../views/view-settings';
import { useStepModel } from './use-step-model';

type AttentionStep = Extract<WalkthroughStep, { kind: 'attention' }>;

/** Each family's own attention (what a step without `attention` shows). */
const ownKind: Record<ViewData['family'], AttentionKind> = { bert: 'encoder', gpt: 'decoder', t5: 'cross' };

/** The view settings a step asks for, for the model's data. */
export function stepSettings(step: AttentionStep, data: ViewData | null): ViewSettings {
  const chosen: ViewSettings = {
    view: step.view === 'grid' ? 'overview' : step.view,
    kind: step.attention ?? (data ? ownKind[data.family] : 'encoder'),
    layer: step.layer,
    head: step.head,
    heads: null,
    padding: 0,
  };
  const range = pickerRange(data, chosen);
  return clampSettings(chosen, range.layers, range.heads);
}

/** The live view of an attention step. */
export function AttentionStepView(props: {
  api: LabApi;
  step: AttentionStep;
  prefs: DisplayPrefs;
  theme: ThemeName;
  /** Presenter mode: the figure fits this height and may zoom in this far (see `AttentionFigure`). */
  maxHeight?: number;
  maxZoom?: number;
}) {
  const { api, step, prefs, theme } = props;
  const model = useStepModel(api, step);
  const attention = useAttention(api, model.info?.modelId ?? null, step.text, step.target);
  const settings = stepSettings(step, attention.data);
  // A model of the wrong family never runs (see useStepModel): its problem stands in for the figure.
  const modelProblem = model.error ? <ErrorMessage error={model.error} /> : null;
  return (
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
      {...(step.focus ? { focusWord: step.focus } : {})}
      {...(props.maxHeight ? { maxHeight: props.maxHeight } : {})}
      {...(props.maxZoom ? { maxZoom: props.maxZoom } : {})}
    />
  );
}
