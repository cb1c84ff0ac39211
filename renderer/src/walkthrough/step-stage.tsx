/**
 * The stage of a walkthrough step: its live view, drawn by the app's own components from the step's data —
 * an attention view, an objective's animation, GPT prompting, or (a text step) the narration itself in large
 * type. A view that fails shows its error in place; the rest of the walkthrough goes on.
 */
import { useRef } from 'react';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { ThemeName } from '../../../shared/charts/color';
import type { LabApi } from '../../../shared/contract/api';
import type { WalkthroughLanguage, WalkthroughStep } from '../../../shared/walkthrough/schema';
import { localize } from '../../../shared/walkthrough/parse';
import { ErrorBoundary } from '../errors/error-boundary';
import { useReportError } from '../errors/error-presenter';
import { ViewMessage } from '../views/view-card';
import type { DisplayPrefs } from '../views/view-settings';
import { AnimationStepView } from './animation-step';
import { AttentionStepView } from './attention-step';
import { PromptingStepView } from './prompting-step';
import { useElementHeight } from './use-element-height';

/** Room an attention view's card takes around its figure (padding, gaps), in CSS pixels. */
const cardChrome = 56;
/** How far a cell figure may zoom in on a presenter's screen when there is room (large type from the back). */
const presenterZoom = 2.4;

/** Props of {@link StepStage}. */
export interface StepStageProps {
  api: LabApi;
  step: WalkthroughStep;
  language: WalkthroughLanguage;
  prefs: DisplayPrefs;
  theme: ThemeName;
  /** Presenter mode: the stage has a fixed height (one screen) and its view fits it. */
  isPresenting?: boolean;
}

/** The live view of `step`. */
export function StepStage({ api, step, language, prefs, theme, isPresenting = false }: StepStageProps) {
  const { t } = useTranslation();
  const report = useReportError();
  const stageRef = useRef<HTMLDivElement>(null);
  const height = useElementHeight(stageRef, isPresenting);
  const fit = height > 0 ? { maxHeight: Math.max(120, height - cardChrome), maxZoom: presenterZoom } : {};
  const view =
    step.kind === 'attention' ? (
      <AttentionStepView api={api} step={step} prefs={prefs} theme={theme} {...fit} />
    ) : step.kind === 'animation' ? (
      <AnimationStepView api={api} step={step} theme={theme} />
    ) : step.kind === 'prompting' ? (
      <PromptingStepView api={api} step={step} isPresenting={isPresenting} />
    ) : (
      <p className="walkthrough-text-stage" data-testid="walkthrough-text-stage">
        {localize(step.narration, language)}
      </p>
    );
  return (
    <div
      ref={stageRef}
      className={`walkthrough-stage walkthrough-stage-${step.kind}`}
      data-testid="walkthrough-stage"
      data-kind={step.kind}
      // Presenting: the animation's frame may take the stage's height less its inputs and controls (CSS).
      style={height > 0 ? ({ '--stage-height': `${height}px` } as CSSProperties) : undefined}
    >
      <ErrorBoundary
        onError={report}
        fallback={<ViewMessage tone="error" title={t('errors.internal.body')} />}
      >
        {view}
      </ErrorBoundary>
    </div>
  );
}
