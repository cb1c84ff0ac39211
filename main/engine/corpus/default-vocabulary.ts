/** The vocabulary of the built-in models: the most frequent Brown words plus the special tokens and sentinels. */
import type { Vocabulary } from '../../../shared/text/vocabulary';
import { buildVocabulary, defaultSentinelCount } from '../../../shared/text/vocabulary';
import { loadBrown } from './brown';
import { corpusWords } from './document';

/** The tiny preset's vocabulary size. */
export const defaultVocabularySize = 4096;

const cache = new Map<number, Vocabulary>();

/**
 * The vocabulary built from every Brown document (not only the training split, so it does not depend on the
 * split's seed) with `size` tokens and the default 32 sentinels; built once per size and process.
 */
export function defaultVocabulary(size: number = defaultVocabularySize): Vocabulary {
  let vocabulary = cache.get(size);
  if (!vocabulary) {
    vocabulary = buildVocabulary(corpusWords(loadBrown().documents), {
      size,
      sentinels: defaultSentinelCount,
    });
    cache.set(size, vocabulary);
  }
  return vocabulary;
}
