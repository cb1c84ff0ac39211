/**
 * Fine-tuning examples for a BERT head, one shape for both tasks: token ids `[CLS] … [SEP]` and a label id
 * per position, -1 where nothing is predicted. Classification labels only position 0 (the [CLS]
 * representation); tagging labels every word position. Brown genre examples are chunks of consecutive
 * sentences of one document (as many as fit the sequence length), labelled with the document's genre.
 */
import { splitWords } from '../../../shared/text/tokenize';
import type { Vocabulary } from '../../../shared/text/vocabulary';
import type { BrownDocument } from '../corpus/brown';
import type { LabeledRow } from './csv';

/** One sequence and its labels ([CLS] at 0, the last real token is [SEP]). */
export interface LabeledSequence {
  ids: number[];
  /** Same length as `ids`; a label index, or -1 where nothing is predicted. */
  labels: number[];
}

/** Examples with the label names their indices refer to. */
export interface LabeledSet {
  labels: string[];
  train: LabeledSequence[];
  heldOut: LabeledSequence[];
}

/** Chunks of at most `maxWords` words of consecutive sentences (a longer sentence is cut). */
export function sentenceChunks<S extends { words: string[] }>(
  sentences: readonly S[],
  maxWords: number,
): S[][] {
  const chunks: S[][] = [];
  let chunk: S[] = [];
  let words = 0;
  for (const sentence of sentences) {
    if (chunk.length > 0 && words + sentence.words.length > maxWords) {
      chunks.push(chunk);
      chunk = [];
      words = 0;
    }
    chunk.push(sentence);
    words += sentence.words.length;
  }
  if (chunk.length > 0) chunks.push(chunk);
  return chunks;
}

/** `[CLS] words [SEP]` cut to `maxLength` tokens, with `labels` (one per word) at the word positions. */
export function encodeWords(
  words: readonly string[],
  vocab: Vocabulary,
  maxLength: number,
  wordLabels?: readonly number[],
): LabeledSequence {
  const kept = words.slice(0, maxLength - 2);
  const ids = [vocab.clsId, ...kept.map((word) => vocab.id(word)), vocab.sepId];
  const labels = [-1, ...kept.map((_, i) => wordLabels?.[i] ?? -1), -1];
  return { ids, labels };
}

/** Classification: the sequence of `words` labelled `label` at [CLS]. */
function classified(
  words: readonly string[],
  label: number,
  vocab: Vocabulary,
  maxLength: number,
): LabeledSequence {
  const sequence = encodeWords(words, vocab, maxLength);
  sequence.labels[0] = label;
  return sequence;
}

/** Brown genre classification examples (at most `heldOutChunksPerDocument` chunks per held-out document). */
export function genreExamples(
  train: readonly BrownDocument[],
  heldOut: readonly BrownDocument[],
  vocab: Vocabulary,
  maxLength: number,
  heldOutChunksPerDocument = Infinity,
): LabeledSet {
  const labels = [...new Set([...train, ...heldOut].map((document) => document.genre))].sort();
  const index = new Map(labels.map((label, i) => [label, i]));
  const encode = (documents: readonly BrownDocument[], limit: number): LabeledSequence[] =>
    documents.flatMap((document) =>
      sentenceChunks(document.sentences, maxLength - 2)
        .slice(0, limit)
        .map((chunk) =>
          classified(
            chunk.flatMap((sentence) => sentence.words),
            index.get(document.genre) ?? -1,
            vocab,
            maxLength,
          ),
        ),
    );
  return { labels, train: encode(train, Infinity), heldOut: encode(heldOut, heldOutChunksPerDocument) };
}

/** Brown part-of-speech tagging examples: one sentence per sequence, a tag label at every word. */
export function tagExamples(
  train: readonly BrownDocument[],
  heldOut: readonly BrownDocument[],
  vocab: Vocabulary,
  maxLength: number,
): LabeledSet {
  // The tag set is the training tags; a held-out tag never seen in training counts as an error.
  const labels = [...new Set(train.flatMap((d) => d.sentences.flatMap((s) => s.tags)))].sort();
  const index = new Map(labels.map((label, i) => [label, i]));
  const encode = (documents: readonly BrownDocument[], unseen: number): LabeledSequence[] =>
    documents.flatMap((document) =>
      document.sentences.map((s) =>
        encodeWords(
          s.words,
          vocab,
          maxLength,
          s.tags.map((t) => index.get(t) ?? unseen),
        ),
      ),
    );
  // Unseen held-out tags get an index no prediction can have.
  return { labels, train: encode(train, -1), heldOut: encode(heldOut, labels.length) };
}

/** Classification examples from CSV rows; held-out rows with a label unseen in training count as errors. */
export function csvExamples(
  train: readonly LabeledRow[],
  heldOut: readonly LabeledRow[],
  vocab: Vocabulary,
  maxLength: number,
): LabeledSet {
  const labels = [...new Set(train.map((row) => row.label))].sort();
  const index = new Map(labels.map((label, i) => [label, i]));
  const encode = (rows: readonly LabeledRow[]): LabeledSequence[] =>
    rows.map((row) =>
      classified(splitWords(row.text), index.get(row.label) ?? labels.length, vocab, maxLength),
    );
  return { labels, train: encode(train), heldOut: encode(heldOut) };
}

/** The most frequent training label and the share of held-out positions that have it. */
export function majorityBaseline(set: LabeledSet): { label: number; accuracy: number } {
  const counts = new Map<number, number>();
  for (const example of set.train)
    for (const label of example.labels) if (label >= 0) counts.set(label, (counts.get(label) ?? 0) + 1);
  let majority = 0;
  let best = -1;
  for (const [label, count] of counts) if (count > best) [majority, best] = [label, count];
  let hits = 0;
  let total = 0;
  for (const example of set.heldOut)
    for (const label of example.labels) {
      if (label < 0) continue;
      total += 1;
      if (label === majority) hits += 1;
    }
  return { label: majority, accuracy: total > 0 ? hits / total : 0 };
}
