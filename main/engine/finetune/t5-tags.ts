/**
 * T5 text-to-text tagging with a task prefix and no new layer: the input is `part of speech : <sentence>` and
 * the target is one word per input word naming its coarse part of speech, then `<eos>`. The checkpoint's
 * vocabulary is fixed (and has no `pos`, `noun` or `verb`), so the prefix and the tag words are ordinary words
 * it already has — the tag-token scheme {@link tagWords}: Brown tags are grouped into 13 coarse classes, each
 * written as one vocabulary word (`nn` → `thing`, `vbd` → `action`, `at` → `article`, `,` → `mark`, …).
 *
 * Accuracy is measured with teacher forcing: at each target position the decoder sees the correct earlier tag
 * words and its most likely next token must be the right tag word (any other token counts as wrong).
 */
import * as tf from '@tensorflow/tfjs';
import { LabError } from '../../../shared/contract/errors';
import { createRng } from '../../../shared/random';
import type { Vocabulary } from '../../../shared/text/vocabulary';
import type { BrownDocument } from '../corpus/brown';
import type { T5Batch, TransformerModel } from '../models/model';
import { runFineTuneSteps } from './steps';

/** The task prefix, written with words the vocabulary has. */
export const t5TagPrefix = ['part', 'of', 'speech', ':'];

/** The coarse class word of each Brown base-tag pattern, first match wins. */
const tagWordRules: readonly [RegExp, string][] = [
  [/^np/, 'name'],
  [/^nn|^nr|^fw-nn/, 'thing'],
  [/^(vb|be|do|hv|md)/, 'action'],
  [/^jj/, 'quality'],
  [/^(rb|ql|wrb|rp)/, 'manner'],
  [/^(pp|wp)/, 'person'],
  [/^(at|dt|ap|abn|abx|wdt)/, 'article'],
  [/^in/, 'place'],
  [/^(cc|cs)/, 'and'],
  [/^(cd|od)/, 'number'],
  [/^to$/, 'to'],
  [/^\*$/, 'not'],
  [/^[^a-z]/, 'mark'], // punctuation tags: . , : ( ) -- ' "
];

/** The tag word of a Brown base tag (`other` when no rule matches). */
export function tagWord(tag: string): string {
  return tagWordRules.find(([pattern]) => pattern.test(tag))?.[1] ?? 'other';
}

/** Every tag word, in a fixed order. */
export const tagWords = [...new Set([...tagWordRules.map(([, word]) => word), 'other'])];

/** One `part of speech : …` input and its tag-word target (ending in `<eos>`). */
export interface TextToTextExample {
  input: number[];
  target: number[];
}

/** Examples from every sentence of `documents`, cut so input and target fit `maxLength`. */
export function t5TagExamples(
  documents: readonly BrownDocument[],
  vocab: Vocabulary,
  maxLength: number,
): TextToTextExample[] {
  const missing = [...t5TagPrefix, ...tagWords].filter((word) => !vocab.has(word));
  if (missing.length > 0) {
    throw new LabError(
      'invalid-checkpoint',
      `This T5's vocabulary lacks the words the part-of-speech task writes with: ${missing.join(', ')}.`,
    );
  }
  const room = maxLength - t5TagPrefix.length;
  return documents.flatMap((document) =>
    document.sentences.map((sentence) => {
      const words = sentence.words.slice(0, room);
      const tags = sentence.tags.slice(0, room).map((tag) => vocab.id(tagWord(tag)));
      return {
        input: [...t5TagPrefix, ...words].map((word) => vocab.id(word)),
        target: [...tags, vocab.eosId],
      };
    }),
  );
}

/** A padded T5 batch; `targetWeights` is 1 on real target tokens. */
export function t5Batch(examples: readonly TextToTextExample[], padId: number): T5Batch {
  const inputLength = Math.max(...examples.map((e) => e.input.length));
  const targetLength = Math.max(...examples.map((e) => e.target.length));
  const input = new Int32Array(examples.length * inputLength).fill(padId);
  const target = new Int32Array(examples.length * targetLength).fill(padId);
  const decoderInput = new Int32Array(examples.length * targetLength).fill(padId);
  const targetWeights = new Float32Array(examples.length * targetLength);
  examples.forEach((e, b) => {
    input.set(e.input, b * inputLength);
    target.set(e.target, b * targetLength);
    decoderInput.set([padId, ...e.target.slice(0, -1)], b * targetLength); // shifted right, [PAD] first
    targetWeights.fill(1, b * targetLength, b * targetLength + e.target.length);
  });
  const inputValidLength = Int32Array.from(examples, (e) => e.input.length);
  const batchSize = examples.length;
  return {
    family: 't5',
    batchSize,
    inputLength,
    targetLength,
    input,
    decoderInput,
    inputValidLength,
    target,
    targetWeights,
  };
}

/** Fine-tunes every T5 weight on `train` (random batches, seeded); no weight is added. */
export async function trainTextToText(
  model: TransformerModel,
  train: readonly TextToTextExample[],
  options: {
    steps: number;
    batchSize: number;
    seed: number;
    learningRate: number;
    padId: number;
    signal?: AbortSignal;
  },
  onStep?: (step: number, loss: number) => void,
): Promise<void> {
  const rng = createRng(options.seed);
  const groups = [{ weights: model.weights, peakLearningRate: options.learningRate }];
  const batchOf = () =>
    t5Batch(
      Array.from({ length: options.batchSize }, () => train[rng.int(train.length)]!),
      options.padId,
    );
  await runFineTuneSteps(groups, options.steps, () => model.loss(batchOf()), onStep, options.signal);
}

/** Teacher-forced accuracy on the tag words (the `<eos>` position is not counted). */
export async function textToTextAccuracy(
  model: TransformerModel,
  examples: readonly TextToTextExample[],
  padId: number,
  batchSize = 32,
): Promise<number> {
  let hits = 0;
  let total = 0;
  for (let start = 0; start < examples.length; start += batchSize) {
    const chunk = examples.slice(start, start + batchSize);
    const batch = t5Batch(chunk, padId);
    const best = tf.tidy(() => tf.argMax(model.forward(batch).logits, 2)); // [b, targetLength]
    const predicted = await best.data();
    best.dispose();
    chunk.forEach((e, b) => {
      for (let t = 0; t < e.target.length - 1; t++) {
        total += 1;
        if (predicted[b * batch.targetLength + t] === e.target[t]) hits += 1;
      }
    });
  }
  return total > 0 ? hits / total : 0;
}

/** The most frequent training tag word, scored on the held-out tag positions. */
export function tagWordBaseline(
  train: readonly TextToTextExample[],
  heldOut: readonly TextToTextExample[],
): number {
  const counts = new Map<number, number>();
  for (const e of train) for (const id of e.target.slice(0, -1)) counts.set(id, (counts.get(id) ?? 0) + 1);
  const majority = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
  const positions = heldOut.flatMap((e) => e.target.slice(0, -1));
  return positions.length > 0 ? positions.filter((id) => id === majority).length / positions.length : 0;
}
