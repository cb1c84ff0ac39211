/**
 * Text typed by a user → token ids, with special tokens written literally: `[MASK]`, `[CLS]`, `[SEP]`,
 * `[PAD]`, `[UNK]`, `<bos>`, `<eos>`, T5 sentinels as `<extra_id_0>` or as the chapter's `<X>`, `<Y>`, `<Z>`,
 * `<X1>`, … Everything between them goes through the vocabulary's word tokenizer (unknown words → [UNK]).
 */
import { LabError } from '../../../shared/contract/errors';
import type { TokenId, Vocabulary } from '../../../shared/text/vocabulary';
import { splitWords } from '../../../shared/text/tokenize';
import { sentinelLabel, specialTokens } from '../../../shared/text/vocabulary';

const specialPattern = /(\[(?:MASK|CLS|SEP|PAD|UNK)\]|<(?:bos|eos)>|<extra_id_\d+>|<[XYZ]\d*>)/;

/** The id of one literal special token, or undefined when `piece` is ordinary text. */
function specialId(piece: string, vocab: Vocabulary): TokenId | undefined {
  if ((Object.values(specialTokens) as string[]).includes(piece)) return vocab.id(piece);
  const extra = /^<extra_id_(\d+)>$/.exec(piece);
  if (extra) return vocab.sentinelId(Number(extra[1]));
  const label = /^<([XYZ])(\d*)>$/.exec(piece);
  if (label) {
    const index = 'XYZ'.indexOf(label[1] ?? 'X') + 3 * Number(label[2] || 0);
    if (sentinelLabel(index) === piece) return vocab.sentinelId(index);
  }
  return undefined;
}

/** Token ids of `text`, literal special tokens included. */
export function encodeText(text: string, vocab: Vocabulary): TokenId[] {
  const ids: TokenId[] = [];
  for (const piece of text.split(specialPattern)) {
    if (piece === '') continue;
    const special = specialId(piece, vocab);
    if (special !== undefined) ids.push(special);
    else ids.push(...vocab.encode(piece));
  }
  return ids;
}

/** The words of `text` the vocabulary does not know (they read as [UNK]), each once, in order. */
export function unknownWords(text: string, vocab: Vocabulary): string[] {
  const words = text
    .split(specialPattern)
    .filter((piece) => specialId(piece, vocab) === undefined)
    .flatMap((piece) => splitWords(piece));
  return [...new Set(words.filter((word) => !vocab.has(word)))];
}

/** Ids cut to at most `limit`, and whether anything was cut. */
export interface FittedIds {
  ids: TokenId[];
  isTruncated: boolean;
}

/** Keeps the first `limit` ids (or the last, for prompts whose end matters most). */
export function fitToLength(
  ids: readonly TokenId[],
  limit: number,
  keep: 'start' | 'end' = 'start',
): FittedIds {
  if (ids.length <= limit) return { ids: [...ids], isTruncated: false };
  return { ids: keep === 'start' ? ids.slice(0, limit) : ids.slice(ids.length - limit), isTruncated: true };
}

/** Throws `invalid-argument` for text with no tokens at all. */
export function requireTokens(ids: readonly TokenId[], what: string): void {
  if (ids.length === 0)
    throw new LabError('invalid-argument', `The ${what} is empty: type at least one word.`);
}
