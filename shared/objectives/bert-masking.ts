/**
 * BERT's masked-language-model corruption, as in Google's `create_pretraining_data.py`.
 *
 * The candidates are the ordinary words of the sequence (special tokens, [UNK] and sentinels are never
 * chosen). The number chosen is `max(1, round(probability × candidates))` with Python's round-half-to-even
 * (capped by `maxPredictions` when given), picked without replacement in random order. Each chosen word is
 * replaced by [MASK] with probability 0.8, kept with probability 0.1, and replaced by a random ordinary word
 * with probability 0.1 — uniformly over the ordinary words, never a special token; as in BERT, that random
 * word may by chance equal the original (its `kind` is still `random`).
 */
import type { Rng } from '../random';
import { shuffle } from '../random';
import type { TokenId, Vocabulary } from '../text/vocabulary';
import { roundHalfToEven } from './rounding';

export { makeSentencePair, packSentencePair } from './sentence-pairs';

/** What happened at one chosen position. */
export interface MaskingChoice {
  index: number;
  original: TokenId;
  replacement: TokenId;
  kind: 'mask' | 'random' | 'keep';
}

/** Options of {@link maskTokens}. */
export interface MaskingOptions {
  /** Fraction of the candidate words to choose (BERT: 0.15). */
  probability?: number;
  /** At most this many positions per sequence (BERT uses 20 for sequences of 128). */
  maxPredictions?: number;
}

/** The result of {@link maskTokens}. */
export interface MaskedSequence {
  input: TokenId[];
  /** The original id at chosen positions, -1 elsewhere (the loss ignores -1). */
  labels: number[];
  /** Chosen positions in increasing index order. */
  choices: MaskingChoice[];
}

/** Corrupts `ids` for masked language modelling (see the module comment for the exact rules). */
export function maskTokens(
  ids: readonly TokenId[],
  vocab: Vocabulary,
  rng: Rng,
  options: MaskingOptions = {},
): MaskedSequence {
  const probability = options.probability ?? 0.15;
  if (!(probability >= 0 && probability <= 1)) throw new RangeError(`Masking probability ${probability}`);
  const candidates: number[] = [];
  ids.forEach((id, index) => {
    if (!vocab.isSpecial(id) && id !== vocab.unkId) candidates.push(index);
  });
  const wanted = candidates.length === 0 ? 0 : Math.max(1, roundHalfToEven(candidates.length * probability));
  const count = Math.min(wanted, options.maxPredictions ?? Infinity);
  const chosen = shuffle(candidates, rng)
    .slice(0, count)
    .sort((a, b) => a - b);

  const input = [...ids];
  const labels = ids.map(() => -1);
  const wordCount = vocab.size - vocab.firstWordId;
  const choices = chosen.map((index): MaskingChoice => {
    const original = ids[index] as TokenId;
    const roll = rng.next();
    let kind: MaskingChoice['kind'] = 'mask';
    let replacement = vocab.maskId;
    if (roll >= 0.9) {
      kind = 'random';
      replacement = (vocab.firstWordId + rng.int(wordCount)) as TokenId;
    } else if (roll >= 0.8) {
      kind = 'keep';
      replacement = original;
    }
    input[index] = replacement;
    labels[index] = original;
    return { index, original, replacement, kind };
  });
  return { input, labels, choices };
}
