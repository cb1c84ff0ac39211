/**
 * The word-level vocabulary of the built-in models.
 *
 * Layout of the ids: 0–6 are the special tokens in the order of {@link specialTokens}; then the T5 sentinels
 * `<extra_id_0>`, `<extra_id_1>`, … (32 by default); then ordinary words, most frequent first, ties broken by
 * plain code-unit order so every machine builds the same vocabulary.
 */
import { LabError } from '../contract/errors';
import { splitWords } from './tokenize';

/** A position in a {@link Vocabulary}; branded so it is not confused with counts or indices. */
export type TokenId = number & { readonly __brand: 'TokenId' };

/** The special tokens, in id order (0–6). */
export const specialTokens = {
  pad: '[PAD]',
  unk: '[UNK]',
  cls: '[CLS]',
  sep: '[SEP]',
  mask: '[MASK]',
  bos: '<bos>',
  eos: '<eos>',
} as const;

const specialList: readonly string[] = Object.values(specialTokens);

/** How many sentinels a vocabulary has unless told otherwise (T5 itself has 100; short texts need few). */
export const defaultSentinelCount = 32;

/** The vocabulary text of T5 sentinel `i`: `<extra_id_i>`. */
export function sentinelToken(i: number): string {
  return `<extra_id_${i}>`;
}

const sentinelPattern = /^<extra_id_(0|[1-9]\d*)>$/;
const labelLetters = ['X', 'Y', 'Z'] as const;

/**
 * The chapter's display name of sentinel `i`: `<X>`, `<Y>`, `<Z>` for 0–2, then `<X1>`, `<Y1>`, `<Z1>`,
 * `<X2>`, … (letter = i mod 3, number = floor(i / 3), omitted when 0).
 */
export function sentinelLabel(i: number): string {
  const round = Math.floor(i / 3);
  return `<${labelLetters[i % 3] ?? 'X'}${round === 0 ? '' : round}>`;
}

/** How a token is shown to people: sentinels by their chapter names (`<extra_id_1>` → `<Y>`), others as they are. */
export function displayToken(token: string): string {
  const match = sentinelPattern.exec(token);
  return match ? sentinelLabel(Number(match[1])) : token;
}

/** Casts a plain number to a {@link TokenId} (for ids read back from tensors or JSON). */
export function asTokenId(id: number): TokenId {
  return id as TokenId;
}

/** A fixed list of tokens with lookups both ways. */
export class Vocabulary {
  readonly tokens: readonly string[];
  /** How many sentinels follow the special tokens. */
  readonly sentinelCount: number;
  private readonly ids: ReadonlyMap<string, TokenId>;

  /** Validates the layout (specials, then sentinels, then unique words); throws `invalid-checkpoint` if wrong. */
  constructor(tokens: readonly string[]) {
    const fail = (why: string): never => {
      throw new LabError('invalid-checkpoint', `The vocabulary is damaged: ${why}.`);
    };
    specialList.forEach((special, i) => {
      if (tokens[i] !== special) fail(`token ${i} should be ${special} but is ${JSON.stringify(tokens[i])}`);
    });
    let sentinels = 0;
    while (tokens[specialList.length + sentinels] === sentinelToken(sentinels)) sentinels++;
    const ids = new Map<string, TokenId>();
    tokens.forEach((token, i) => {
      if (typeof token !== 'string' || token === '') fail(`token ${i} is not a non-empty string`);
      if (ids.has(token)) fail(`the token ${JSON.stringify(token)} appears twice`);
      if (i >= specialList.length + sentinels && sentinelPattern.test(token)) {
        fail(`the sentinel ${token} is out of order`);
      }
      ids.set(token, i as TokenId);
    });
    this.tokens = Object.freeze([...tokens]);
    this.sentinelCount = sentinels;
    this.ids = ids;
  }

  /** Rebuilds a vocabulary from {@link Vocabulary.toJSON}'s output; throws `invalid-checkpoint` on anything else. */
  static fromJSON(json: unknown): Vocabulary {
    const tokens = (json as { tokens?: unknown } | null)?.tokens;
    if (typeof json !== 'object' || json === null || !Array.isArray(tokens)) {
      throw new LabError(
        'invalid-checkpoint',
        'The vocabulary is damaged: expected an object with a "tokens" list.',
      );
    }
    if (!tokens.every((token): token is string => typeof token === 'string')) {
      throw new LabError('invalid-checkpoint', 'The vocabulary is damaged: every token must be a string.');
    }
    return new Vocabulary(tokens);
  }

  /** The JSON form stored in checkpoints. */
  toJSON(): { tokens: string[] } {
    return { tokens: [...this.tokens] };
  }

  /** Number of tokens, specials included. */
  get size(): number {
    return this.tokens.length;
  }

  /** The id of `token`, or [UNK]'s id if the vocabulary does not have it. */
  id(token: string): TokenId {
    return this.ids.get(token) ?? this.unkId;
  }

  /** Whether `token` is in the vocabulary. */
  has(token: string): boolean {
    return this.ids.has(token);
  }

  /** The text of `id`; throws a RangeError for an id outside the vocabulary (a bug, not a user error). */
  token(id: TokenId | number): string {
    const token = this.tokens[id];
    if (token === undefined) throw new RangeError(`Token id ${id} is outside a vocabulary of ${this.size}`);
    return token;
  }

  /** Splits `text` with {@link splitWords} and looks every word up (unknown words become [UNK]). */
  encode(text: string): TokenId[] {
    return splitWords(text).map((word) => this.id(word));
  }

  /** The text of every id. */
  decode(ids: readonly (TokenId | number)[]): string[] {
    return ids.map((id) => this.token(id));
  }

  /** Special tokens and sentinels (everything before {@link firstWordId}). */
  isSpecial(id: TokenId | number): boolean {
    return id >= 0 && id < this.firstWordId;
  }

  /** Whether `id` is a T5 sentinel. */
  isSentinel(id: TokenId | number): boolean {
    return id >= specialList.length && id < this.firstWordId;
  }

  /** The id of sentinel `i`; throws `invalid-argument` when the vocabulary has too few sentinels. */
  sentinelId(i: number): TokenId {
    if (!Number.isInteger(i) || i < 0 || i >= this.sentinelCount) {
      throw new LabError(
        'invalid-argument',
        `The text needs sentinel ${sentinelToken(i)} but the vocabulary has only ${this.sentinelCount} sentinels; use a shorter text.`,
      );
    }
    return (specialList.length + i) as TokenId;
  }

  /** Which sentinel `id` is (0, 1, …), or -1 for other tokens. */
  sentinelIndex(id: TokenId | number): number {
    return this.isSentinel(id) ? id - specialList.length : -1;
  }

  /** Ids at or above this are ordinary words (BERT's random replacements come from here). */
  get firstWordId(): TokenId {
    return (specialList.length + this.sentinelCount) as TokenId;
  }

  get padId(): TokenId {
    return 0 as TokenId;
  }
  get unkId(): TokenId {
    return 1 as TokenId;
  }
  get clsId(): TokenId {
    return 2 as TokenId;
  }
  get sepId(): TokenId {
    return 3 as TokenId;
  }
  get maskId(): TokenId {
    return 4 as TokenId;
  }
  get bosId(): TokenId {
    return 5 as TokenId;
  }
  get eosId(): TokenId {
    return 6 as TokenId;
  }
}

/**
 * Builds a vocabulary of `size` tokens (specials and sentinels included) from the most frequent words.
 * Ties in frequency are broken by code-unit order. Words that look like special tokens are skipped.
 */
export function buildVocabulary(
  words: Iterable<string>,
  options: { size: number; sentinels?: number },
): Vocabulary {
  const sentinels = options.sentinels ?? defaultSentinelCount;
  const reserved = specialList.length + sentinels;
  if (!Number.isInteger(sentinels) || sentinels < 0) {
    throw new LabError(
      'invalid-argument',
      `The number of sentinels must be a whole number ≥ 0, got ${sentinels}`,
    );
  }
  if (!Number.isInteger(options.size) || options.size <= reserved) {
    throw new LabError(
      'invalid-argument',
      `The vocabulary size must be a whole number above ${reserved} (the special tokens and sentinels), got ${options.size}`,
    );
  }
  const counts = new Map<string, number>();
  for (const word of words) counts.set(word, (counts.get(word) ?? 0) + 1);
  const fixed = [...specialList, ...Array.from({ length: sentinels }, (_, i) => sentinelToken(i))];
  const taken = new Set(fixed);
  const ranked = [...counts]
    .filter(([word]) => word !== '' && !taken.has(word) && !sentinelPattern.test(word))
    .sort(([a, countA], [b, countB]) => countB - countA || (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, options.size - reserved)
    .map(([word]) => word);
  return new Vocabulary([...fixed, ...ranked]);
}
