/**
 * A walkthrough step's wrong-model problem (shared/walkthrough/step-family.ts) in the interface language: the
 * sentence comes from `walkthrough.problem.<code>`, with the family, view and attention names the views use.
 */
import type { TFunction } from 'i18next';
import type { StepFamilyProblem } from '../../../shared/walkthrough/step-family';
import { familyKinds } from '../../../shared/walkthrough/step-family';

/** `problem` in the interface language (walkthrough.problem.<code>, with the views' family and kind names). */
export function stepProblemText(t: TFunction, problem: StepFamilyProblem): string {
  const kinds = (kind: string) => t(`views.kind.${kind}`);
  return t(`walkthrough.problem.${problem.code}`, {
    family: t(`views.family.${problem.family}`),
    ...(problem.code === 'view-needs-t5' ? { view: t(`views.name.${problem.view}`) } : {}),
    ...(problem.code === 'no-such-attention'
      ? { attention: kinds(problem.attention), kinds: familyKinds[problem.family].map(kinds).join(', ') }
      : {}),
    ...(problem.code === 'animation-needs-family' ? { objective: problem.objective.toUpperCase() } : {}),
  });
}
