/** A prompting step: the Decoder page's prompting panel, filled with the step's task, examples and prompt. */
import { useTranslation } from 'react-i18next';
import type { LabApi } from '../../../shared/contract/api';
import { formatExample } from '../../../shared/prompting/prompt-parts';
import type { WalkthroughStep } from '../../../shared/walkthrough/schema';
import { PromptingPanel } from '../prompting/prompting-panel';
import { ErrorMessage, ViewMessage } from '../views/view-card';
import { useStepModel } from './use-step-model';

type PromptingStep = Extract<WalkthroughStep, { kind: 'prompting' }>;

/**
 * The live view of a prompting step (Generate runs the step's model; nothing is trained). Presenting, it
 * generates once as the step opens, so the continuation is on the slide without a click.
 */
export function PromptingStepView(props: { api: LabApi; step: PromptingStep; isPresenting?: boolean }) {
  const { api, step } = props;
  const { t } = useTranslation();
  const model = useStepModel(api, step);
  if (model.error) return <ErrorMessage error={model.error} />;
  // Wait for the step's model: without one the panel would open the built-in GPT instead.
  if (!model.info) return <ViewMessage title={t('views.model.opening')} />;
  return (
    <PromptingPanel
      api={api}
      modelId={model.info.modelId}
      initialShot={step.shot}
      isGeneratedAtOnce={props.isPresenting ?? false}
      initialDraft={{
        task: step.task,
        examples: step.examples.map(formatExample).join('\n'),
        prompt: step.prompt,
      }}
    />
  );
}
