/**
 * A walkthrough as data: the file a teacher duplicates, edits and shares. Each step names the live view it
 * shows (an attention view, an objective animation, GPT prompting or a text step that links to a screen), the
 * model, the text, the layer and head, and its title, narration and speaker notes in English and Bahasa
 * Indonesia. The app, the presenter mode and `attention-lab walkthrough` all read files through
 * {@link parseWalkthrough}, so a malformed file gets the same clear error everywhere.
 */
import { z } from 'zod';
import { attentionKinds, attentionViews } from '../charts/attention-view';
import { builtinModelIdSchema } from '../contract/model';
import { absolutePathSchema, seedSchema } from '../contract/train';
import { shots } from '../prompting/prompt-parts';

/** The file format's name and version (written in every file). */
export const walkthroughFormat = 'attention-lab-walkthrough';
export const walkthroughVersion = 1;
/** The languages a walkthrough speaks. */
export const walkthroughLanguages = ['en', 'id'] as const;
/** One of {@link walkthroughLanguages}. */
export type WalkthroughLanguage = (typeof walkthroughLanguages)[number];

/** Most steps in one walkthrough (a lesson, not a book). */
export const maxWalkthroughSteps = 60;
/** Largest walkthrough file read (bytes). */
export const maxWalkthroughBytes = 1_000_000;

const text = (max: number) => z.string().trim().min(1).max(max);
/** A text in both languages. */
export const localizedSchema = z.object({ en: text(4000), id: text(4000) }).strict();
export type Localized = z.infer<typeof localizedSchema>;

/** The model a step runs: a built-in checkpoint, or a checkpoint folder on this computer. */
export const stepModelSchema = z.union([
  builtinModelIdSchema,
  z.object({ checkpoint: absolutePathSchema }).strict(),
]);
export type StepModel = z.infer<typeof stepModelSchema>;

/** Places a step may link to ("try it in the lab"). */
export const stepLinkSchema = z.enum([
  'encoder',
  'encoderDecoder',
  'decoder',
  'compare',
  'train',
  'library',
  'scaling',
]);

const stepBase = {
  /** Stable within the file (letters, digits, dashes): names the slide file and the URL hash. */
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'use lowercase letters, digits and dashes (at most 64)'),
  title: localizedSchema,
  narration: localizedSchema,
  /** Speaker notes: for the teacher, not projected. */
  notes: localizedSchema.optional(),
  /** A screen of the lab where the class can explore further. */
  link: stepLinkSchema.optional(),
};

const sentence = text(500);

/** An attention view of a model for a text (as the family pages and `attention-lab snapshot` draw it). */
const attentionStepSchema = z
  .object({
    ...stepBase,
    kind: z.literal('attention'),
    model: stepModelSchema,
    text: sentence,
    /** T5: the decoder's text. */
    target: sentence.optional(),
    view: z.enum(attentionViews),
    attention: z.enum(attentionKinds).optional(),
    layer: z.number().int().min(0).max(95).default(0),
    head: z.union([z.number().int().min(0).max(127), z.literal('average')]).default('average'),
    /** A word whose row the step points at (the chapter's "love"). */
    focus: z.string().trim().min(1).max(100).optional(),
  })
  .strict();

/** An objective's animation (BERT masking, T5 span corruption, GPT's shifted targets) on the trainer's data. */
const animationStepSchema = z
  .object({
    ...stepBase,
    kind: z.literal('animation'),
    objective: z.enum(['bert', 't5', 'gpt']),
    model: stepModelSchema.optional(),
    text: sentence,
    seed: seedSchema,
    noiseDensity: z.number().gt(0).lt(1).optional(),
    meanSpanLength: z.number().min(1).max(10).optional(),
    /** The frame a slide shows (`last` by default: the whole story). */
    frame: z.union([z.literal('first'), z.literal('last'), z.number().int().min(0).max(200)]).default('last'),
  })
  .strict();

/** GPT prompting laid out as in the chapter's figure: task description, examples, prompt. */
const promptingStepSchema = z
  .object({
    ...stepBase,
    kind: z.literal('prompting'),
    model: stepModelSchema,
    shot: z.enum(shots),
    task: text(500),
    examples: z
      .array(z.object({ input: text(200), output: text(200) }).strict())
      .max(8)
      .default([]),
    prompt: text(500),
  })
  .strict();

/** Narration only, with a link to a screen (the scaling placeholder, the summary, an exercise). */
const textStepSchema = z.object({ ...stepBase, kind: z.literal('text') }).strict();

/** One step. */
export const walkthroughStepSchema = z.discriminatedUnion('kind', [
  attentionStepSchema,
  animationStepSchema,
  promptingStepSchema,
  textStepSchema,
]);
export type WalkthroughStep = z.output<typeof walkthroughStepSchema>;
export type WalkthroughStepInput = z.input<typeof walkthroughStepSchema>;

/** A whole walkthrough file. */
export const walkthroughSchema = z
  .object({
    format: z.literal(walkthroughFormat),
    version: z.literal(walkthroughVersion),
    title: localizedSchema,
    steps: z.array(walkthroughStepSchema).min(1).max(maxWalkthroughSteps),
  })
  .strict()
  .superRefine((walkthrough, ctx) => {
    const seen = new Set<string>();
    walkthrough.steps.forEach((step, index) => {
      if (seen.has(step.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['steps', index, 'id'],
          message: `step id "${step.id}" is used twice`,
        });
      }
      seen.add(step.id);
    });
  });
export type Walkthrough = z.output<typeof walkthroughSchema>;
export type WalkthroughInput = z.input<typeof walkthroughSchema>;
