/**
 * The walkthrough editor's draft: the walkthrough as the teacher is typing it (possibly invalid: an empty
 * narration, a layer that is not a number — kept as NaN), the step operations (move, delete, duplicate) and the
 * check against the file's own zod schema, whose issues are keyed by field path (`steps.2.text`).
 */
import type { z } from 'zod';
import type { Walkthrough, WalkthroughStep } from '../../../shared/walkthrough/schema';
import { walkthroughSchema } from '../../../shared/walkthrough/schema';

/** A walkthrough being edited: the schema's shape, not yet checked. */
export type Draft = Walkthrough;

/** One problem with the draft, by field path joined with dots (`title.id`, `steps.3.layer`). */
export type DraftIssues = ReadonlyMap<string, z.core.$ZodIssue>;

/** The draft checked: the walkthrough when valid, else the first issue of each field. */
export function checkDraft(draft: Draft): { walkthrough: Walkthrough | null; issues: DraftIssues } {
  const result = walkthroughSchema.safeParse(draft);
  if (result.success) return { walkthrough: result.data, issues: new Map() };
  const issues = new Map<string, z.core.$ZodIssue>();
  for (const issue of result.error.issues) {
    const path = issue.path.map(String).join('.');
    if (!issues.has(path)) issues.set(path, issue);
    if (issue.code === 'custom' && issue.path.at(-1) === 'id') flagFirstUse(draft, issue, issues);
  }
  return { walkthrough: null, issues };
}

/** The schema flags the second step of a repeated id; the first is flagged too, whichever is being edited. */
function flagFirstUse(draft: Draft, issue: z.core.$ZodIssue, issues: Map<string, z.core.$ZodIssue>): void {
  const repeated = draft.steps[Number(issue.path[1])]?.id;
  const first = draft.steps.findIndex((step) => step.id === repeated);
  const path = `steps.${first}.id`;
  if (first >= 0 && !issues.has(path)) issues.set(path, { ...issue, path: ['steps', first, 'id'] });
}

/** Whether any issue lies inside step `index`. */
export function stepHasIssues(issues: DraftIssues, index: number): boolean {
  const prefix = `steps.${index}.`;
  return [...issues.keys()].some((path) => path.startsWith(prefix) || path === `steps.${index}`);
}

/** The draft with step `index` replaced. */
export function withStep(draft: Draft, index: number, step: WalkthroughStep): Draft {
  return { ...draft, steps: draft.steps.map((current, i) => (i === index ? step : current)) };
}

/** The draft with step `index` moved by `delta` places (clamped to the list). */
export function moveStep(draft: Draft, index: number, delta: -1 | 1): Draft {
  const target = index + delta;
  const step = draft.steps[index];
  if (!step || target < 0 || target >= draft.steps.length) return draft;
  const steps = draft.steps.filter((_, i) => i !== index);
  steps.splice(target, 0, step);
  return { ...draft, steps };
}

/** The draft without step `index` (the last step stays: a walkthrough has at least one). */
export function deleteStep(draft: Draft, index: number): Draft {
  if (draft.steps.length <= 1) return draft;
  return { ...draft, steps: draft.steps.filter((_, i) => i !== index) };
}

/** `love-copy`, `love-copy-2`, …: an id not yet used, within the schema's 64 characters. */
export function freshStepId(id: string, used: ReadonlySet<string>): string {
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? '-copy' : `-copy-${n}`;
    const candidate = `${id.slice(0, 64 - suffix.length)}${suffix}`;
    if (!used.has(candidate)) return candidate;
  }
}

/** The draft with a copy of step `index` (fresh id) right after it. */
export function duplicateStep(draft: Draft, index: number): Draft {
  const step = draft.steps[index];
  if (!step) return draft;
  const copy = { ...structuredClone(step), id: freshStepId(step.id, new Set(draft.steps.map((s) => s.id))) };
  const steps = [...draft.steps];
  steps.splice(index + 1, 0, copy);
  return { ...draft, steps };
}
