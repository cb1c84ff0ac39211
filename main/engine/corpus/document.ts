/** The shape every corpus takes in the engine: documents of sentences of lowercase words. */

/** One sentence: words as {@link splitWords} produces them, and part-of-speech tags when the corpus has them. */
export interface CorpusSentence {
  words: string[];
  /** One tag per word (Brown only). */
  tags?: string[];
}

/** One document (a Brown text sample, or a paragraph block of an imported file). */
export interface CorpusDocument {
  id: string;
  /** The Brown genre, e.g. `news`; absent for imported text. */
  genre?: string;
  sentences: CorpusSentence[];
}

/** Every word of `documents`, in order. */
export function* corpusWords(documents: Iterable<CorpusDocument>): Generator<string> {
  for (const document of documents) for (const sentence of document.sentences) yield* sentence.words;
}

/** The number of words in `documents`. */
export function countWords(documents: Iterable<CorpusDocument>): number {
  let count = 0;
  for (const document of documents) for (const sentence of document.sentences) count += sentence.words.length;
  return count;
}
