/**
 * Seeded batch makers for the three objectives, built from the shared objective functions (the renderer's
 * animations call the very same ones):
 * - GPT: a chunk of at most maxLength − 1 words → `<bos> chunk` / `chunk <eos>` (shiftForNextToken), padded;
 * - BERT: `[CLS] chunk [SEP]` (or a next-sentence pair `[CLS] A [SEP] B [SEP]`), masked by maskTokens,
 *   labels −1 wherever nothing is predicted;
 * - T5: span corruption (corruptSpans) of a chunk sized so the input fits maxLength and the target a quarter of
 *   it, as in the PyTorch anchor (shared/bench/torch_ref.py); the decoder reads the target shifted right
 *   behind [PAD] (T5's start token).
 * Training batches come from the chunks in a seeded shuffled order, epoch after epoch; validation batches are
 * fixed (chunks spread evenly over the held-out documents, corrupted with a fixed seed) so every evaluation
 * sees the same data.
 */
import { LabError } from '../../../shared/contract/errors';
import { maskTokens, makeSentencePair, packSentencePair } from '../../../shared/objectives/bert-masking';
import { shiftForNextToken } from '../../../shared/objectives/gpt-shift';
import { corruptSpans, randomNoiseSpans } from '../../../shared/objectives/t5-span-corruption';
import type { Rng } from '../../../shared/random';
import { createRng, shuffle } from '../../../shared/random';
import type { TokenId, Vocabulary } from '../../../shared/text/vocabulary';
import { assertCorpusFits } from '../corpus/text-file';
import type { ModelFamily } from '../models/config';
import type { BertBatch, GptBatch, ModelBatch, T5Batch } from '../models/model';
import type { EncodedDocument } from './packing';
import { countTokens, packSentences } from './packing';
import type { BatchSource } from './trainer';

/** What every batch of a run looks like. */
export interface BatchPlan {
  family: ModelFamily;
  batchSize: number;
  /** The model's sequence length (T5: the encoder's). */
  maxLength: number;
  /** BERT only: sentence pairs with the next-sentence label. */
  nextSentence?: boolean;
}

/** T5's target (decoder) length: a quarter of the input, as in the PyTorch anchor (at least 4). */
export function t5TargetLength(maxLength: number): number {
  return Math.max(4, Math.floor(maxLength / 4));
}

/** Input and target lengths after corrupting `n` tokens with `spans` (one sentinel per span, one final). */
function corruptedLengths(n: number, spans: ReadonlyArray<readonly [number, number]>) {
  const noise = spans.reduce((sum, [start, end]) => sum + end - start, 0);
  return { input: n - noise + spans.length, target: noise + spans.length + 1 };
}

/**
 * The chunk length for T5: the largest n whose corruption fits `maxLength` and the target length in each of
 * 32 seeded draws. (The span count varies a little from draw to draw, so a rare row may still overflow; the
 * objective then retries it one token shorter.)
 */
export function t5ChunkLength(maxLength: number): number {
  const targetLength = t5TargetLength(maxLength);
  let best = 1;
  for (let n = 2; n <= maxLength + targetLength; n++) {
    const rng = createRng(n);
    const fits = Array.from({ length: 32 }, () => corruptedLengths(n, randomNoiseSpans(n, rng))).every(
      (lengths) => lengths.input <= maxLength && lengths.target <= targetLength,
    );
    if (!fits) break;
    best = n;
  }
  return best;
}

/** One family's rules: how long a chunk may be, how a chunk becomes a row, how rows become a batch. */
interface Objective<Row> {
  chunkTokens: number;
  row(chunk: readonly TokenId[], rng: Rng): Row;
  collate(rows: readonly Row[]): ModelBatch;
}

/** Copies `values` into row `r` of a [rows, width] array (the rest keeps its fill). */
function put(array: Int32Array | Float32Array, r: number, width: number, values: readonly number[]): void {
  if (values.length > width) throw new RangeError(`A row of ${values.length} does not fit ${width}`);
  array.set(values, r * width);
}

function gptObjective(vocab: Vocabulary, length: number): Objective<{ input: TokenId[]; target: TokenId[] }> {
  return {
    chunkTokens: length - 1,
    row: (chunk) => shiftForNextToken(chunk, vocab),
    collate(rows): GptBatch {
      const n = rows.length * length;
      const batch = {
        input: new Int32Array(n),
        target: new Int32Array(n),
        targetWeights: new Float32Array(n),
      };
      batch.input.fill(vocab.padId);
      batch.target.fill(vocab.padId);
      rows.forEach((row, r) => {
        put(batch.input, r, length, row.input);
        put(batch.target, r, length, row.target);
        put(
          batch.targetWeights,
          r,
          length,
          row.target.map(() => 1),
        );
      });
      return { family: 'gpt', batchSize: rows.length, length, ...batch };
    },
  };
}

interface BertRow {
  input: TokenId[];
  labels: number[];
  segments: number[];
  isNext?: boolean;
}

function bertObjective(
  vocab: Vocabulary,
  length: number,
  pairs: EncodedDocument[] | null,
): Objective<BertRow> {
  const mask = (ids: TokenId[], segments: number[], rng: Rng, isNext?: boolean): BertRow => {
    const masked = maskTokens(ids, vocab, rng);
    return {
      input: masked.input,
      labels: masked.labels,
      segments,
      ...(isNext === undefined ? {} : { isNext }),
    };
  };
  return {
    chunkTokens: length - 2,
    row(chunk, rng) {
      if (!pairs) {
        const { ids, segments } = packSentencePair(chunk, undefined, vocab, length);
        return mask(ids, segments, rng);
      }
      const pair = makeSentencePair(pairs, rng);
      const { ids, segments } = packSentencePair(pair.first, pair.second, vocab, length);
      return mask(ids, segments, rng, pair.isNext);
    },
    collate(rows): BertBatch {
      const n = rows.length * length;
      const input = new Int32Array(n).fill(vocab.padId);
      const labels = new Int32Array(n).fill(-1);
      const segments = new Int32Array(n);
      const validLength = new Int32Array(rows.map((row) => row.input.length));
      rows.forEach((row, r) => {
        put(input, r, length, row.input);
        put(labels, r, length, row.labels);
        put(segments, r, length, row.segments);
      });
      const batch: BertBatch = {
        family: 'bert',
        batchSize: rows.length,
        length,
        input,
        labels,
        segments,
        validLength,
      };
      if (pairs) batch.nextSentence = new Int32Array(rows.map((row) => (row.isNext ? 1 : 0)));
      return batch;
    },
  };
}

function t5Objective(
  vocab: Vocabulary,
  inputLength: number,
): Objective<{ input: TokenId[]; target: TokenId[] }> {
  const targetLength = t5TargetLength(inputLength);
  return {
    chunkTokens: t5ChunkLength(inputLength),
    row(chunk, rng) {
      // An unlucky draw that overflows is retried one token shorter (a sequence of ≤ 1 token always fits).
      for (let ids = [...chunk]; ; ids = ids.slice(0, -1)) {
        const corrupted = corruptSpans(ids, vocab, rng);
        if (corrupted.input.length <= inputLength && corrupted.target.length <= targetLength)
          return corrupted;
      }
    },
    collate(rows): T5Batch {
      const n = rows.length * inputLength;
      const m = rows.length * targetLength;
      const input = new Int32Array(n).fill(vocab.padId);
      const target = new Int32Array(m).fill(vocab.padId);
      const decoderInput = new Int32Array(m).fill(vocab.padId);
      const targetWeights = new Float32Array(m);
      rows.forEach((row, r) => {
        put(input, r, inputLength, row.input);
        put(target, r, targetLength, row.target);
        put(decoderInput, r, targetLength, [vocab.padId, ...row.target.slice(0, -1)]);
        put(
          targetWeights,
          r,
          targetLength,
          row.target.map(() => 1),
        );
      });
      const inputValidLength = new Int32Array(rows.map((row) => row.input.length));
      return {
        family: 't5',
        batchSize: rows.length,
        inputLength,
        targetLength,
        input,
        decoderInput,
        inputValidLength,
        target,
        targetWeights,
      };
    },
  };
}

function objectiveFor(plan: BatchPlan, vocab: Vocabulary, documents: EncodedDocument[]): Objective<unknown> {
  switch (plan.family) {
    case 'gpt':
      return gptObjective(vocab, plan.maxLength) as Objective<unknown>;
    case 'bert':
      return bertObjective(vocab, plan.maxLength, plan.nextSentence ? documents : null) as Objective<unknown>;
    case 't5':
      return t5Objective(vocab, plan.maxLength) as Objective<unknown>;
  }
}

/** Training batches from `documents`, in a seeded shuffled order; throws `invalid-corpus` if too little text. */
export function createBatchSource(
  documents: EncodedDocument[],
  vocab: Vocabulary,
  plan: BatchPlan,
  seed: number,
): BatchSource {
  assertCorpusFits(countTokens(documents), plan.maxLength);
  const objective = objectiveFor(plan, vocab, documents);
  const chunks = packSentences(documents, objective.chunkTokens);
  const rng = createRng(seed);
  let order: number[] = [];
  const nextChunk = (): TokenId[] => {
    if (order.length === 0)
      order = shuffle(
        Array.from({ length: chunks.length }, (_, i) => i),
        rng,
      );
    return chunks[order.pop() ?? 0] ?? [];
  };
  return {
    next: () =>
      objective.collate(Array.from({ length: plan.batchSize }, () => objective.row(nextChunk(), rng))),
  };
}

/** Fixed validation batches: `maxBatches` × batchSize chunks spread evenly over `documents`, corrupted with `seed`. */
export function validationBatches(
  documents: EncodedDocument[],
  vocab: Vocabulary,
  plan: BatchPlan,
  options: { seed: number; maxBatches: number },
): ModelBatch[] {
  const objective = objectiveFor(plan, vocab, documents);
  const all = packSentences(documents, objective.chunkTokens);
  // Evenly spaced over all held-out chunks, so every held-out document (and genre) is represented.
  const count = Math.min(all.length, options.maxBatches * plan.batchSize);
  const chunks = Array.from({ length: count }, (_, i) => all[Math.floor((i * all.length) / count)] ?? []);
  if (chunks.length === 0) {
    throw new LabError(
      'invalid-corpus',
      'No text is left for validation: the corpus needs at least two documents.',
    );
  }
  const rng = createRng(options.seed);
  const batches: ModelBatch[] = [];
  for (let i = 0; i < chunks.length; i += plan.batchSize) {
    batches.push(
      objective.collate(chunks.slice(i, i + plan.batchSize).map((chunk) => objective.row(chunk, rng))),
    );
  }
  return batches;
}
