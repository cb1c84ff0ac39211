/** Real text for the objective tests: Brown sentences encoded with the default vocabulary. */
import { loadBrown } from '../../../main/engine/corpus/brown';
import { defaultVocabulary } from '../../../main/engine/corpus/default-vocabulary';
import type { TokenId } from '../../../shared/text/vocabulary';

/** Brown sentences as token ids, in corpus order, until at least `minTokens` tokens. */
export function brownSentenceIds(minTokens: number): TokenId[][] {
  const vocab = defaultVocabulary();
  const sentences: TokenId[][] = [];
  let count = 0;
  for (const document of loadBrown().documents) {
    for (const sentence of document.sentences) {
      sentences.push(sentence.words.map((word) => vocab.id(word)));
      count += sentence.words.length;
      if (count >= minTokens) return sentences;
    }
  }
  return sentences;
}

/** The Brown word stream cut into sequences of `length` ids, `count` of them. */
export function brownChunks(length: number, count: number): TokenId[][] {
  const stream = brownSentenceIds(length * count).flat();
  return Array.from({ length: count }, (_, i) => stream.slice(i * length, (i + 1) * length));
}
