/**
 * The stage of a walkthrough step: its live view, drawn by the app's own components from the step's data —
 * an attention view, an objective's animation, GPT prompting, or (a text step) the narration itself in large
 * type. A view that fails shows its error in place; the rest of the walkthrough goes on.
 */
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

/** Props of {@link StepStage}. */
export interface StepStageProps {
  api: LabApi;
  step: WalkthroughStep;
  language: WalkthroughLanguage;
  prefs: DisplayPrefs;
  theme: ThemeName;
}

/** The live view of `step`. */
export function StepStage({ api, step, language, prefs, theme }: StepStageProps) {
  const { t } = useTranslation();
  const report = useReportError();
  const view =
    step.kind === 'attention' ? (
      <AttentionStepView api={api} step={step} prefs={prefs} theme={theme} />
    ) : step.kind === 'animation' ? (
      <AnimationStepView api={api} step={step} />
    ) : step.kind === 'prompting' ? (
      <PromptingStepView api={api} step={step} />
    ) : (
      <p className="walkthrough-text-stage" data-testid="walkthrough-text-stage">
        {localize(step.narration, language)}
      </p>
    );
  return (
    <div
      className={`walkthrough-stage walkthrough-stage-${step.kind}`}
      data-testid="walkthrough-stage"
      data-kind={step.kind}
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
