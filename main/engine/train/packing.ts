/**
 * Turning a corpus into training sequences: documents of sentences become token ids, and consecutive whole
 * sentences of one document are packed into chunks of at most `maxTokens` (a longer sentence is cut into
 * pieces), so a sequence never spans two documents and rarely cuts a sentence.
 */
import type { TokenId, Vocabulary } from '../../../shared/text/vocabulary';
import type { CorpusDocument } from '../corpus/document';

/** A document as token ids: sentences of ids. */
export type EncodedDocument = TokenId[][];

/** Looks up every word of every sentence (unknown words become [UNK]); drops empty sentences and documents. */
export function encodeDocuments(documents: readonly CorpusDocument[], vocab: Vocabulary): EncodedDocument[] {
  return documents
    .map((document) =>
      document.sentences
        .filter((sentence) => sentence.words.length > 0)
        .map((sentence) => sentence.words.map((word) => vocab.id(word))),
    )
    .filter((sentences) => sentences.length > 0);
}

/** Greedily packs the sentences of each document into chunks of at most `maxTokens` ids. */
export function packSentences(documents: readonly EncodedDocument[], maxTokens: number): TokenId[][] {
  if (!Number.isInteger(maxTokens) || maxTokens < 1) throw new RangeError(`maxTokens ${maxTokens}`);
  const chunks: TokenId[][] = [];
  for (const document of documents) {
    let chunk: TokenId[] = [];
    for (const sentence of document) {
      if (chunk.length > 0 && chunk.length + sentence.length > maxTokens) {
        chunks.push(chunk);
        chunk = [];
      }
      // A sentence longer than a chunk fills whole chunks and leaves its tail to start the next one.
      let rest = sentence;
      while (chunk.length + rest.length > maxTokens) {
        const room = maxTokens - chunk.length;
        chunks.push([...chunk, ...rest.slice(0, room)]);
        chunk = [];
        rest = rest.slice(room);
      }
      chunk.push(...rest);
    }
    if (chunk.length > 0) chunks.push(chunk);
  }
  return chunks;
}

/** The number of ids in `documents`. */
export function countTokens(documents: readonly EncodedDocument[]): number {
  let total = 0;
  for (const document of documents) for (const sentence of document) total += sentence.length;
  return total;
}
