/**
 * T5 text-to-text from a user's `input,target` CSV, with no new layer (as `t5-pos`): the encoder reads the input
 * words, the decoder learns to write the target words and `<eos>`. The input is used as written, so a task
 * prefix is whatever the student put in the CSV (e.g. `plural : cat` → `cats`).
 *
 * Accuracy is exact match of the generated target: greedy decoding (the most likely token each step, starting
 * from `[PAD]`) until `<eos>`, compared token by token with the target and its `<eos>`. The baseline always
 * answers the most frequent training target.
 *
 * Target words must be in the checkpoint's vocabulary, or the CSV is refused (`invalid-argument`, naming the
 * first such line and word). The model can only write words it knows: an unknown target word would become
 * `[UNK]`, a model answering `[UNK]` would count as exactly right, and accuracy would look better than it is.
 * Refusing (rather than quietly dropping those rows) tells the student at once which word to change. Unknown
 * input words are fine: they are read as `[UNK]`, as in pretraining.
 */
import * as tf from '@tensorflow/tfjs';
import { LabError } from '../../../shared/contract/errors';
import { splitWords } from '../../../shared/text/tokenize';
import type { Vocabulary } from '../../../shared/text/vocabulary';
import type { TransformerModel } from '../models/model';
import type { TextPairRow } from './csv';
import type { TextToTextExample } from './t5-tags';
import { t5Batch } from './t5-tags';

/** Most unknown target words an error message lists. */
const maxListed = 3;

/** Throws `invalid-argument` naming the first line whose target has a word `vocab` lacks (see the module doc). */
function assertTargetsKnown(
  rows: readonly TextPairRow[],
  targets: readonly string[][],
  vocab: Vocabulary,
): void {
  const unknown = new Map<string, number>(); // word → the first line it is in
  rows.forEach((row, i) => {
    for (const word of targets[i] ?? [])
      if (!vocab.has(word) && !unknown.has(word)) unknown.set(word, row.line);
  });
  const [first] = unknown;
  if (!first) return;
  const listed = [...unknown.keys()].slice(0, maxListed).map((word) => `"${word}"`);
  const more = unknown.size > maxListed ? ` and ${unknown.size - maxListed} more` : '';
  throw new LabError(
    'invalid-argument',
    `CSV line ${first[1]}: the target word "${first[0]}" is not in this T5's vocabulary, so the model can never write it (it would become [UNK] and could count as right). Unknown target words: ${listed.join(', ')}${more}. Use words the model knows in the targets, or leave those rows out.`,
  );
}

/**
 * Examples from CSV rows: input words (cut to `maxLength`), target words (cut to leave room for `<eos>`).
 * Throws `invalid-argument` when a target has a word the vocabulary lacks.
 */
export function textPairExamples(
  rows: readonly TextPairRow[],
  vocab: Vocabulary,
  maxLength: number,
): TextToTextExample[] {
  const targets = rows.map((row) => splitWords(row.target).slice(0, maxLength - 1));
  assertTargetsKnown(rows, targets, vocab);
  return rows.map((row, i) => ({
    input: splitWords(row.input)
      .slice(0, maxLength)
      .map((word) => vocab.id(word)),
    target: [...(targets[i] ?? []).map((word) => vocab.id(word)), vocab.eosId],
  }));
}

/** The target ids of each example decoded greedily (ending at `<eos>` or after `maxTokens`). */
export async function greedyTargets(
  model: TransformerModel,
  examples: readonly TextToTextExample[],
  padId: number,
  eosId: number,
  maxTokens: number,
): Promise<number[][]> {
  const decoded: number[][] = examples.map(() => []);
  const isDone = examples.map(() => false);
  // Every row decodes together: the batch's decoder input grows by one column a step (no key/value cache).
  for (let t = 0; t < maxTokens && isDone.includes(false); t++) {
    const batch = t5Batch(
      examples.map((e, b) => ({ input: e.input, target: [...(decoded[b] ?? []), eosId] })),
      padId,
    );
    const best = tf.tidy(() => {
      const logits = model.forward(batch).logits; // [b, t + 1, V]
      return tf.argMax(tf.slice(logits, [0, t, 0], [-1, 1, -1]), 2); // [b, 1]
    });
    const next = await best.data();
    best.dispose();
    examples.forEach((_, b) => {
      if (isDone[b]) return;
      const id = next[b] ?? eosId;
      decoded[b]?.push(id);
      if (id === eosId) isDone[b] = true;
    });
  }
  return decoded;
}

/** Share of `examples` whose greedily generated target equals the target exactly. */
export async function exactMatchAccuracy(
  model: TransformerModel,
  examples: readonly TextToTextExample[],
  vocab: Vocabulary,
  batchSize = 32,
): Promise<number> {
  let hits = 0;
  for (let start = 0; start < examples.length; start += batchSize) {
    const chunk = examples.slice(start, start + batchSize);
    // A longer output cannot match, so decoding stops one token after the longest target.
    const longest = Math.max(...chunk.map((e) => e.target.length));
    const generated = await greedyTargets(model, chunk, vocab.padId, vocab.eosId, longest);
    chunk.forEach((e, b) => {
      const output = generated[b] ?? [];
      if (output.length === e.target.length && output.every((id, i) => id === e.target[i])) hits += 1;
    });
  }
  return examples.length > 0 ? hits / examples.length : 0;
}

/** Share of held-out examples whose target is the most frequent training target. */
export function majorityTargetBaseline(
  train: readonly TextToTextExample[],
  heldOut: readonly TextToTextExample[],
): number {
  const key = (e: TextToTextExample) => e.target.join(' ');
  const counts = new Map<string, number>();
  for (const e of train) counts.set(key(e), (counts.get(key(e)) ?? 0) + 1);
  const majority = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
  return heldOut.length > 0 ? heldOut.filter((e) => key(e) === majority).length / heldOut.length : 0;
}
