/**
 * Which steps fit which model family: an attention step's view and kind must exist in its model (the triptych
 * and cross-attention only in T5, encoder attention not in GPT, …), and an animation's model must be of its
 * objective's family. Checked once the family is known (built-in models: at once; checkpoints: once opened).
 */
import type { AttentionKind } from '../charts/attention-view';
import type { BuiltinModelId } from '../contract/model';
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

/** Why `step` cannot run on a model of `family` (a sentence for the teacher), or null when it fits. */
export function stepFamilyProblem(step: WalkthroughStep, family: StepFamily): string | null {
  const name = { bert: 'BERT (encoder-only)', t5: 'T5 (encoder–decoder)', gpt: 'GPT (decoder-only)' }[family];
  if (step.kind === 'attention') {
    if (step.view === 'triptych' && family !== 't5') return `the triptych needs a T5 model, not ${name}`;
    if (step.attention && !familyKinds[family].includes(step.attention)) {
      return `${name} has no ${step.attention} attention (it has ${familyKinds[family].join(', ')})`;
    }
    if (step.target !== undefined && family !== 't5')
      return `only a T5 model reads a target text, not ${name}`;
    return null;
  }
  if (step.kind === 'animation') {
    return step.objective === family
      ? null
      : `the ${step.objective} animation needs a ${step.objective.toUpperCase()} model, not ${name}`;
  }
  if (step.kind === 'prompting') return family === 'gpt' ? null : `prompting needs a GPT model, not ${name}`;
  return null;
}
