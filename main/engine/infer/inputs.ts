/**
 * One text → the batch of one a model reads, framed the way each family was trained: BERT `[CLS] … [SEP]`,
 * GPT `<bos> …`, T5 the words as they are for the encoder and `[PAD]` (its decoder start token) + the target
 * for the decoder. Text that does not fit the context is cut, and the result says so.
 */
import type { TokenId, Vocabulary } from '../../../shared/text/vocabulary';
import type { BertInput, GptInput, T5Input } from '../models/model';
import { encodeText, fitToLength, requireTokens } from './encode-text';

/** A batch of one plus the ids along each attention axis and whether text was cut. */
export interface FramedInput<I> {
  input: I;
  inputIds: TokenId[];
  targetIds?: TokenId[];
  isTruncated: { input: boolean; target: boolean };
}

/** BERT: `[CLS] words [SEP]` (the markers are not added twice when the text already has them). */
export function frameBert(text: string, vocab: Vocabulary, maxLength: number): FramedInput<BertInput> {
  let words = encodeText(text, vocab);
  if (words[0] === vocab.clsId) words = words.slice(1);
  if (words[words.length - 1] === vocab.sepId) words = words.slice(0, -1);
  requireTokens(words, 'text');
  const fitted = fitToLength(words, maxLength - 2);
  const ids = [vocab.clsId, ...fitted.ids, vocab.sepId];
  const input: BertInput = { family: 'bert', batchSize: 1, length: ids.length, input: Int32Array.from(ids) };
  return { input, inputIds: ids, isTruncated: { input: fitted.isTruncated, target: false } };
}

/** GPT: `<bos> words`; `keep: 'end'` keeps the end of a long prompt (what the next token depends on most). */
export function frameGpt(
  text: string,
  vocab: Vocabulary,
  maxLength: number,
  keep: 'start' | 'end' = 'start',
): FramedInput<GptInput> {
  let words = encodeText(text, vocab);
  if (words[0] === vocab.bosId) words = words.slice(1);
  requireTokens(words, 'text');
  const fitted = fitToLength(words, maxLength - 1, keep);
  const ids = [vocab.bosId, ...fitted.ids];
  const input: GptInput = { family: 'gpt', batchSize: 1, length: ids.length, input: Int32Array.from(ids) };
  return { input, inputIds: ids, isTruncated: { input: fitted.isTruncated, target: false } };
}

/** T5: the input words for the encoder; `[PAD]` + the target words for the decoder. */
export function frameT5(
  text: string,
  target: string,
  vocab: Vocabulary,
  maxLength: number,
): FramedInput<T5Input> {
  const inputWords = encodeText(text, vocab);
  requireTokens(inputWords, 'text');
  const fittedInput = fitToLength(inputWords, maxLength);
  const fittedTarget = fitToLength(encodeText(target, vocab), maxLength - 1);
  return t5Input(fittedInput.ids, [vocab.padId, ...fittedTarget.ids], {
    input: fittedInput.isTruncated,
    target: fittedTarget.isTruncated,
  });
}

/** The T5 batch of one for given encoder and decoder ids. */
export function t5Input(
  inputIds: TokenId[],
  decoderIds: TokenId[],
  isTruncated = { input: false, target: false },
): FramedInput<T5Input> {
  const input: T5Input = {
    family: 't5',
    batchSize: 1,
    inputLength: inputIds.length,
    targetLength: decoderIds.length,
    input: Int32Array.from(inputIds),
    decoderInput: Int32Array.from(decoderIds),
  };
  return { input, inputIds, targetIds: decoderIds, isTruncated };
}
