/** An animation step: the objective's own animation, started on the step's sentence, seed, noise and frame. */
import type { ThemeName } from '../../../shared/charts/color';
import type { LabApi } from '../../../shared/contract/api';
import type { WalkthroughStep } from '../../../shared/walkthrough/schema';
import { ObjectiveAnimation } from '../animations/objective-animation';
import { ErrorMessage } from '../views/view-card';
import { useStepModel } from './use-step-model';

type AnimationStep = Extract<WalkthroughStep, { kind: 'animation' }>;

/** The live view of an animation step (with the step's model when it names one), in the page's theme. */
export function AnimationStepView(props: { api: LabApi; step: AnimationStep; theme?: ThemeName }) {
  const { api, step, theme } = props;
  const model = useStepModel(api, step);
  return (
    <>
      {model.error && <ErrorMessage error={model.error} />}
      <ObjectiveAnimation
        objective={step.objective}
        api={api}
        initialText={step.text}
        initialSeed={step.seed}
        startFrame={step.frame}
        {...(theme ? { theme } : {})}
        {...(model.info ? { modelId: model.info.modelId } : {})}
        {...(step.noiseDensity === undefined ? {} : { noiseDensity: step.noiseDensity })}
        {...(step.meanSpanLength === undefined ? {} : { meanSpanLength: step.meanSpanLength })}
      />
    </>
  );
}
