/**
 * Token ids → token boxes: the text shown (sentinels as the chapter's <X>, <Y>, <Z>), the role a vocabulary
 * gives them, and the original word under an [UNK].
 */
import { splitWords } from '../text/tokenize';
import type { TokenId, Vocabulary } from '../text/vocabulary';
import { sentinelLabel, specialTokens } from '../text/vocabulary';
import type { TokenCell, TokenRole } from './frame';

/** A sentence as the objectives read it: its ids and, when it came as text, the word behind each id. */
export interface Sentence {
  ids: TokenId[];
  /** The typed word of each id (`undefined` when the sentence came as ids). */
  words: Array<string | undefined>;
  /** Words the vocabulary does not know (shown as [UNK]), each once, in order. */
  unknownWords: string[];
}

/** Reads `input` (text or ids) with `vocab`, as `attention-lab corrupt` does (`vocab.encode`). */
export function readSentence(input: string | readonly TokenId[], vocab: Vocabulary): Sentence {
  if (typeof input !== 'string')
    return { ids: [...input], words: input.map(() => undefined), unknownWords: [] };
  const words = splitWords(input);
  const unknownWords = [...new Set(words.filter((word) => !vocab.has(word)))];
  return { ids: words.map((word) => vocab.id(word)), words, unknownWords };
}

/** The text of `id` as the animations show it: sentinels as <X>, <Y>, <Z>, <X1>, … */
export function tokenText(id: TokenId | number, vocab: Vocabulary): string {
  const sentinel = vocab.sentinelIndex(id);
  return sentinel >= 0 ? sentinelLabel(sentinel) : vocab.token(id);
}

/** The role a token has before any objective touches it. */
export function baseRole(id: TokenId | number, vocab: Vocabulary): TokenRole {
  if (vocab.isSentinel(id)) return 'sentinel';
  if (id === vocab.unkId) return 'unknown';
  return vocab.isSpecial(id) ? 'special' : 'plain';
}

/** A token box for `id`; an [UNK] carries the word it stands for as its caption. */
export function cellOf(id: TokenId | number, vocab: Vocabulary, word?: string): TokenCell {
  const cell: TokenCell = { text: tokenText(id, vocab), role: baseRole(id, vocab) };
  if (id === vocab.unkId && word !== undefined) cell.caption = { key: 'caption.unknown', values: { word } };
  return cell;
}

/** Token boxes for a sentence's ids. */
export function cellsOf(sentence: Sentence, vocab: Vocabulary): TokenCell[] {
  return sentence.ids.map((id, i) => cellOf(id, vocab, sentence.words[i]));
}

/** Notes every animation starts with: unknown words, and an empty sentence. */
export function sentenceNotes(sentence: Sentence): Array<{ key: string; values?: Record<string, string> }> {
  const notes: Array<{ key: string; values?: Record<string, string> }> = [];
  if (sentence.ids.length === 0) notes.push({ key: 'note.empty' });
  if (sentence.unknownWords.length > 0) {
    notes.push({ key: 'note.unknownWords', values: { words: sentence.unknownWords.join(', ') } });
  }
  return notes;
}

/** Every `step`-th of `count` indices, always including the last: the steps an animation shows when there are many. */
export function sampledSteps(count: number, maxSteps: number): number[] {
  if (count <= maxSteps) return Array.from({ length: count }, (_, i) => i);
  // The first maxSteps − 1 steps, then the last one (so the ending — <eos>, the final sentinel — is shown).
  return [...Array.from({ length: maxSteps - 1 }, (_, i) => i), count - 1];
}

const specialTexts = new Set<string>(Object.values(specialTokens));
const sentinelText = /^<extra_id_(0|[1-9]\d*)>$/;

/** A token box for a token known only as text (as the engine's answers carry them). */
export function cellOfText(text: string): TokenCell {
  const sentinel = sentinelText.exec(text);
  if (sentinel) return { text: sentinelLabel(Number(sentinel[1])), role: 'sentinel' };
  if (text === specialTokens.unk) return { text, role: 'unknown' };
  return { text, role: specialTexts.has(text) ? 'special' : 'plain' };
}
