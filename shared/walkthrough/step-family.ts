/**
 * Which steps fit which model family: an attention step's view and kind must exist in its model (the triptych
 * and cross-attention only in T5, encoder attention not in GPT, …), and an animation's model must be of its
 * objective's family. Checked once the family is known (built-in models: at once; checkpoints: once opened).
 * A misfit is a {@link StepFamilyProblem} (a code and its values): the app words it in the teacher's language,
 * the engine and CLI in English with {@link describeStepFamilyProblem}.
 */
import type { AttentionKind } from '../charts/attention-view';
import type { BuiltinModelId, ModelSource } from '../contract/model';
import type { StepModel, WalkthroughStep } from './schema';

/** A model family. */
export type StepFamily = 'bert' | 't5' | 'gpt';

const builtinFamilies: Record<BuiltinModelId, StepFamily> = {
  'bert-tiny': 'bert',
  't5-tiny': 't5',
  'gpt-tiny': 'gpt',
};

/** The kinds of attention each family has. */
export const familyKinds: Record<StepFamily, readonly AttentionKind[]> = {
  bert: ['encoder'],
  gpt: ['decoder'],
  t5: ['encoder', 'cross', 'decoder'],
};

/** The family of a built-in model, or null for a checkpoint folder (known only once it is opened). */
export function builtinFamily(model: StepModel): StepFamily | null {
  return typeof model === 'string' ? builtinFamilies[model] : null;
}

/** The engine's source for a step's model: a built-in id or a checkpoint folder. */
export function stepModelSource(model: StepModel): ModelSource {
  return typeof model === 'string'
    ? { kind: 'builtin', id: model }
    : { kind: 'checkpoint', path: model.checkpoint };
}

/** Why a step cannot run on a model of `family`: a code and the values a sentence about it needs. */
export type StepFamilyProblem =
  | { code: 'view-needs-t5'; family: StepFamily; view: 'triptych' }
  | { code: 'no-such-attention'; family: StepFamily; attention: AttentionKind }
  | { code: 'target-needs-t5'; family: StepFamily }
  | { code: 'animation-needs-family'; family: StepFamily; objective: StepFamily }
  | { code: 'prompting-needs-gpt'; family: StepFamily };

/** Why `step` cannot run on a model of `family`, or null when it fits. */
export function stepFamilyProblem(step: WalkthroughStep, family: StepFamily): StepFamilyProblem | null {
  if (step.kind === 'attention') {
    if (step.view === 'triptych' && family !== 't5')
      return { code: 'view-needs-t5', family, view: step.view };
    if (step.attention && !familyKinds[family].includes(step.attention)) {
      return { code: 'no-such-attention', family, attention: step.attention };
    }
    if (step.target !== undefined && family !== 't5') return { code: 'target-needs-t5', family };
    return null;
  }
  if (step.kind === 'animation') {
    return step.objective === family
      ? null
      : { code: 'animation-needs-family', family, objective: step.objective };
  }
  if (step.kind === 'prompting') return family === 'gpt' ? null : { code: 'prompting-needs-gpt', family };
  return null;
}

/** A family's English name, as the engine and CLI write it. */
const englishFamily: Record<StepFamily, string> = {
  bert: 'BERT (encoder-only)',
  t5: 'T5 (encoder–decoder)',
  gpt: 'GPT (decoder-only)',
};

/** `problem` as an English sentence for the engine and CLI (the app translates the code itself). */
export function describeStepFamilyProblem(problem: StepFamilyProblem): string {
  const name = englishFamily[problem.family];
  switch (problem.code) {
    case 'view-needs-t5':
      return `the ${problem.view} needs a T5 model, not ${name}`;
    case 'no-such-attention':
      return `${name} has no ${problem.attention} attention (it has ${familyKinds[problem.family].join(', ')})`;
    case 'target-needs-t5':
      return `only a T5 model reads a target text, not ${name}`;
    case 'animation-needs-family':
      return `the ${problem.objective} animation needs a ${problem.objective.toUpperCase()} model, not ${name}`;
    case 'prompting-needs-gpt':
      return `prompting needs a GPT model, not ${name}`;
  }
}
