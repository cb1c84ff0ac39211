/**
 * The live view of each walkthrough step drawn headlessly, as the app draws it: attention views through the
 * snapshot figure (shared/charts/attention-view.ts), one frame of an objective's animation (enriched with the
 * model's attention and guesses, as in the app) and GPT prompting with the model's greedy continuation.
 * Models are opened once each, through the same handlers the app asks.
 */
import type { ObjectiveAnimation } from '../../../shared/animations/animation';
import {
  buildAnimation,
  sentenceVocabulary,
  withNoModelNote,
  withSentenceVocabularyNote,
} from '../../../shared/animations/animation';
import type { AskModel } from '../../../shared/animations/enrich';
import { enrichAnimation } from '../../../shared/animations/enrich';
import type { Frame } from '../../../shared/animations/frame';
import { renderFrameSvg } from '../../../shared/animations/render-svg';
import type { AttentionKind } from '../../../shared/charts/attention-view';
import { attentionFigure, defaultKind, withDisplayTokens } from '../../../shared/charts/attention-view';
import { LabError } from '../../../shared/contract/errors';
import { parseInput, parseOutput } from '../../../shared/contract/validate';
import { assemblePrompt } from '../../../shared/prompting/prompt-parts';
import { displayToken } from '../../../shared/text/vocabulary';
import type { StepModel, WalkthroughLanguage, WalkthroughStep } from '../../../shared/walkthrough/schema';
import { promptingFigure } from '../../../shared/walkthrough/prompting-figure';
import type { SlideFigure } from '../../../shared/walkthrough/slide';
import {
  describeStepFamilyProblem,
  stepFamilyProblem,
  stepModelSource,
} from '../../../shared/walkthrough/step-family';
import { attendText } from '../infer/attend';
import { generateText } from '../infer/generate';
import type { EngineContext } from '../server';
import { createModelHandlers } from '../session/handlers';
import type { OpenModel } from '../session/open-models';
import { OpenModels } from '../session/open-models';

/** The greedy continuation a prompting slide shows (as the app's default sampling). */
const promptingSampling = { maxTokens: 6, temperature: 0, seed: 0 };

/** "Step 3 (id "t5-span")": where a problem is, for error messages. */
export function stepPlace(step: WalkthroughStep, index: number): string {
  return `Step ${index + 1} (id "${step.id}")`;
}

/** Draws the figures of walkthrough steps, opening each model once; `close()` frees them. */
export class StepFigures {
  private readonly models = new OpenModels({ capacity: 8 });
  private readonly handlers = createModelHandlers(this.models);
  private readonly context: EngineContext = { emit: () => undefined };
  private readonly ask: AskModel = async (channel, input) => {
    const handler = this.handlers[channel] as (input: unknown, context: EngineContext) => Promise<unknown>;
    return parseOutput(channel, await handler(parseInput(channel, input), this.context));
  };

  constructor(private readonly language: WalkthroughLanguage) {}

  /** The figure of step `index`, or undefined for a text step. */
  async figure(step: WalkthroughStep, index: number): Promise<SlideFigure | undefined> {
    if (step.kind === 'text') return undefined;
    const open = step.model ? await this.open(step, index, step.model) : undefined;
    if (step.kind === 'animation') return this.animation(step, open);
    if (!open) throw new Error('attention and prompting steps always name a model');
    if (step.kind === 'prompting') {
      const prompt = assemblePrompt(step, step.shot);
      const result = generateText(open.model, open.vocab, { prompt, ...promptingSampling });
      const continuation = result.generated.map((token) => displayToken(token.token)).join(' ');
      return promptingFigure(step, this.language, continuation);
    }
    return this.attention(step, index, open);
  }

  /** Frees every model. */
  close(): void {
    this.models.dispose();
  }

  private async open(step: WalkthroughStep, index: number, model: StepModel): Promise<OpenModel> {
    try {
      const input = parseInput('model:open', { source: stepModelSource(model) });
      const info = await this.handlers['model:open'](input, this.context);
      const problem = stepFamilyProblem(step, info.family);
      if (problem) throw new LabError('wrong-model-family', `${describeStepFamilyProblem(problem)}.`);
      return this.models.get(info.modelId);
    } catch (error) {
      if (!(error instanceof LabError)) throw error;
      throw new LabError(error.code, `${stepPlace(step, index)}: ${error.message}`);
    }
  }

  private attention(step: Extract<WalkthroughStep, { kind: 'attention' }>, index: number, open: OpenModel) {
    const family = open.info.family;
    const request = { text: step.text, ...(step.target !== undefined ? { target: step.target } : {}) };
    const data = withDisplayTokens(attendText(open.model, open.vocab, request));
    const kinds: AttentionKind[] =
      step.view === 'triptych' ? ['encoder', 'cross', 'decoder'] : [step.attention ?? defaultKind(family)];
    for (const kind of kinds) {
      const stack = data.attention[kind];
      if (!stack || step.view === 'grid' || step.view === 'mask') continue;
      if (step.layer >= stack.layers || (typeof step.head === 'number' && step.head >= stack.heads)) {
        throw new LabError(
          'invalid-argument',
          `${stepPlace(step, index)}: ${open.info.name} has ${stack.layers} layers × ${stack.heads} heads of ${kind} attention (numbered from 0); layer ${step.layer}, head ${step.head} does not exist.`,
        );
      }
    }
    return attentionFigure(data, {
      view: step.view,
      layer: step.layer,
      head: step.head,
      ...(step.attention ? { kind: step.attention } : {}),
      caption: request,
      language: this.language,
    });
  }

  private async animation(
    step: Extract<WalkthroughStep, { kind: 'animation' }>,
    open: OpenModel | undefined,
  ) {
    const options = {
      ...(step.noiseDensity === undefined ? {} : { noiseDensity: step.noiseDensity }),
      ...(step.meanSpanLength === undefined ? {} : { meanSpanLength: step.meanSpanLength }),
    };
    const vocab = open?.vocab ?? sentenceVocabulary(step.text);
    const animation: ObjectiveAnimation = buildAnimation(
      step.objective,
      step.text,
      vocab,
      step.seed,
      options,
    );
    const frames: Frame[] = open
      ? await enrichAnimation(animation, vocab, this.ask, { modelId: open.info.modelId })
      : withSentenceVocabularyNote(withNoModelNote(animation.frames));
    const last = frames.length - 1;
    const at = step.frame === 'first' ? 0 : step.frame === 'last' ? last : Math.min(step.frame, last);
    const frame = frames[at];
    if (!frame) throw new Error('An animation has at least one frame');
    const { svg, width, height } = renderFrameSvg(frame, {
      language: this.language,
      seed: step.seed,
      step: at,
      total: frames.length,
    });
    return { svg, width, height };
  }
}
