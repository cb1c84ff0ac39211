import { describe, expect, it } from 'vitest';
import type { StepFamily, StepFamilyProblem } from '../../../shared/walkthrough/step-family';
import {
  describeStepFamilyProblem,
  stepFamilyProblem,
  stepModelSource,
} from '../../../shared/walkthrough/step-family';
import type { WalkthroughStep } from '../../../shared/walkthrough/schema';
import { parseWalkthrough } from '../../../shared/walkthrough/parse';

const both = (text: string) => ({ en: text, id: text });

/** The steps of a small walkthrough, with its defaults filled in. */
function steps(): WalkthroughStep[] {
  const base = { title: both('T'), narration: both('N.') };
  const attention = { ...base, kind: 'attention', model: 'bert-tiny', text: 'I love this red car' };
  return parseWalkthrough(
    JSON.stringify({
      format: 'attention-lab-walkthrough',
      version: 1,
      title: both('Lesson'),
      steps: [
        { ...attention, id: 'triptych', view: 'triptych' },
        { ...attention, id: 'cross', view: 'head', attention: 'cross' },
        { ...attention, id: 'target', view: 'head', target: '<X> love <Y>' },
        { ...base, id: 'spans', kind: 'animation', objective: 't5', text: 'I love this red car', seed: 1 },
        {
          ...base,
          id: 'prompt',
          kind: 'prompting',
          model: 'gpt-tiny',
          shot: 'zero',
          task: 'Translate',
          prompt: 'cat --',
        },
      ],
    }),
  ).steps;
}

describe('walkthrough/step-family', () => {
  it('gives a code and its values, not a sentence, for a step on the wrong family', () => {
    const [triptych, cross, target, spans, prompt] = steps();
    const problem = (step: WalkthroughStep | undefined, family: StepFamily) =>
      step ? stepFamilyProblem(step, family) : undefined;
    expect(problem(triptych, 'bert')).toEqual({ code: 'view-needs-t5', family: 'bert', view: 'triptych' });
    expect(problem(cross, 'gpt')).toEqual({ code: 'no-such-attention', family: 'gpt', attention: 'cross' });
    expect(problem(target, 'bert')).toEqual({ code: 'target-needs-t5', family: 'bert' });
    expect(problem(spans, 'gpt')).toEqual({ code: 'animation-needs-family', family: 'gpt', objective: 't5' });
    expect(problem(prompt, 't5')).toEqual({ code: 'prompting-needs-gpt', family: 't5' });
    expect([triptych, cross, target, spans].map((step) => problem(step, 't5'))).toEqual([
      null,
      null,
      null,
      null,
    ]);
    expect(problem(prompt, 'gpt')).toBeNull();
  });

  it('words every problem in English for the engine and the CLI', () => {
    const problems: [StepFamilyProblem, string][] = [
      [
        { code: 'view-needs-t5', family: 'bert', view: 'triptych' },
        'the triptych needs a T5 model, not BERT (encoder-only)',
      ],
      [
        { code: 'no-such-attention', family: 'gpt', attention: 'cross' },
        'GPT (decoder-only) has no cross attention (it has decoder)',
      ],
      [
        { code: 'target-needs-t5', family: 'bert' },
        'only a T5 model reads a target text, not BERT (encoder-only)',
      ],
      [
        { code: 'animation-needs-family', family: 'gpt', objective: 't5' },
        'the t5 animation needs a T5 model, not GPT (decoder-only)',
      ],
      [
        { code: 'prompting-needs-gpt', family: 't5' },
        'prompting needs a GPT model, not T5 (encoder–decoder)',
      ],
    ];
    for (const [problem, sentence] of problems) expect(describeStepFamilyProblem(problem)).toBe(sentence);
  });

  it('names the engine source of a built-in model and of a checkpoint folder', () => {
    expect(stepModelSource('t5-tiny')).toEqual({ kind: 'builtin', id: 't5-tiny' });
    expect(stepModelSource({ checkpoint: '/lab/run' })).toEqual({ kind: 'checkpoint', path: '/lab/run' });
  });
});
