/**
 * BERT's next-sentence prediction data: pairs of sentences, half of them consecutive, packed as
 * `[CLS] first [SEP] second [SEP]` with segment ids 0 and 1.
 */
import { LabError } from '../contract/errors';
import type { Rng } from '../random';
import type { TokenId, Vocabulary } from '../text/vocabulary';

/** Two sentences and whether the second really follows the first. */
export interface SentencePair<T> {
  first: readonly T[];
  second: readonly T[];
  isNext: boolean;
}

/**
 * Draws one pair from `documents` (each a list of sentences). A document with at least two sentences and a
 * sentence in it that has a successor are drawn uniformly; with probability 0.5 the second sentence is that
 * successor (`isNext`), otherwise a random sentence of another document (of the same document, but not the
 * successor, when there is only one). Works on words or on token ids alike.
 */
export function makeSentencePair<T>(
  documents: readonly (readonly (readonly T[])[])[],
  rng: Rng,
): SentencePair<T> {
  const usable = documents.flatMap((document, index) => (document.length >= 2 ? [index] : []));
  if (usable.length === 0) {
    throw new LabError(
      'invalid-corpus',
      'Next-sentence pairs need a document with at least two sentences; this corpus has none.',
    );
  }
  const documentIndex = usable[rng.int(usable.length)] ?? 0;
  const document = documents[documentIndex] ?? [];
  const sentenceIndex = rng.int(document.length - 1);
  const first = document[sentenceIndex] ?? [];
  if (rng.next() < 0.5) return { first, second: document[sentenceIndex + 1] ?? [], isNext: true };

  if (documents.length === 1) {
    // Any sentence except the first one itself and its successor (possible when the document has 3+).
    const others = document.flatMap((_, i) => (i === sentenceIndex || i === sentenceIndex + 1 ? [] : [i]));
    if (others.length === 0) {
      throw new LabError(
        'invalid-corpus',
        'Next-sentence pairs need a second document or a document with at least three sentences.',
      );
    }
    return { first, second: document[others[rng.int(others.length)] ?? 0] ?? [], isNext: false };
  }
  // A random other document that has sentences.
  const others = documents.flatMap((doc, i) => (i !== documentIndex && doc.length > 0 ? [i] : []));
  if (others.length === 0) {
    throw new LabError('invalid-corpus', 'Next-sentence pairs need a second document with sentences.');
  }
  const other = documents[others[rng.int(others.length)] ?? 0] ?? [];
  return { first, second: other[rng.int(other.length)] ?? [], isNext: false };
}

/** A packed BERT input: token ids and the segment (0 = first sentence, 1 = second) of each. */
export interface PackedPair {
  ids: TokenId[];
  segments: number[];
}

/**
 * Packs `[CLS] first [SEP]` or `[CLS] first [SEP] second [SEP]`. With `maxLength`, the longer sentence loses
 * its last token until everything fits (BERT's `truncate_seq_pair`, always from the end here).
 */
export function packSentencePair(
  first: readonly TokenId[],
  second: readonly TokenId[] | undefined,
  vocab: Vocabulary,
  maxLength = Infinity,
): PackedPair {
  const a = [...first];
  const b = second ? [...second] : [];
  const overhead = second ? 3 : 2;
  if (maxLength < overhead + 1) throw new RangeError(`maxLength ${maxLength} leaves no room for a word`);
  while (a.length + b.length + overhead > maxLength) (a.length >= b.length ? a : b).pop();
  const ids = [vocab.clsId, ...a, vocab.sepId];
  const segments = ids.map(() => 0);
  if (second) {
    ids.push(...b, vocab.sepId);
    segments.push(...b.map(() => 1), 1);
  }
  return { ids, segments };
}
