/**
 * Word-level tokenization that matches how the Brown corpus is tokenized, after lowercasing.
 *
 * Brown keeps contractions and possessives as one word (`don't`, `atlanta's`), hyphenated words as one word
 * (`long-range`), numbers with their separators (`1,000`, `2:36`, `$500`, `50%`), dotted abbreviations and
 * titles with their period (`u.s.`, `p.m.`, `mr.`, `dr.`, `j.` for an initial), and every other punctuation
 * mark as its own token (`--` counts as one). Brown writes quotation marks as `` and ''; both become `"` here
 * so that typed text and the corpus agree. Taken one at a time, 99.7 % of Brown's tokens come out of
 * {@link splitWords} unchanged (tests/main/engine/corpus/brown.test.ts); most others are initials like `j.`,
 * which are recognised only before a capitalised name.
 */

/** Titles and abbreviations that Brown writes with their period (a closed list, so "no." at a sentence end stays "no" "."). */
const abbreviations = [
  'mr', 'mrs', 'ms', 'dr', 'st', 'jr', 'sr', 'prof', 'gen', 'gov', 'rev', 'sen', 'rep', 'col', 'lt', 'capt',
  'sgt', 'maj', 'fig', 'figs', 'co', 'corp', 'inc', 'ltd', 'bros', 'vs', 'etc', 'ft', 'mt', 'jan', 'feb',
  'aug', 'sept', 'oct', 'nov', 'dec', 'ave', 'approx', 'vol', 'pp',
]; // prettier-ignore

const word = String.raw`[\p{L}\p{N}]+(?:['\-][\p{L}\p{N}]+)*`;

/** One token; alternatives are tried in order at each position. */
const tokenPattern = new RegExp(
  [
    // dotted abbreviations: U.S., p.m., i.e.
    String.raw`\p{L}(?:\.\p{L})+\.`,
    // titles and abbreviations with their period (not followed by another letter)
    String.raw`(?:${abbreviations.join('|')})\.(?!\p{L})`,
    // an initial: one capital (not "I") followed by a period and a capitalised word, as in "J. Smith"
    String.raw`(?<![\p{L}\p{N}])[A-HJ-Z]\.(?=\s+\p{Lu})`,
    // money, decimals, thousands, times, fractions, percentages
    String.raw`\$\p{N}+(?:[.,:/]\p{N}+)*`,
    String.raw`\p{N}+(?:[.,:/]\p{N}+)+%?`,
    String.raw`\p{N}+%`,
    word,
    // punctuation: Brown's double dash and quote pairs are single tokens
    "--|``|''|\\.\\.\\.",
    String.raw`\S`,
  ].join('|'),
  'giu',
);

/** Unifies typographic variants: curly quotes and apostrophes, Brown's `` and '' quotation marks, dashes. */
export function normalizeWord(token: string): string {
  const lower = token.toLowerCase().replace(/[\u2018\u2019\u02bc]/g, "'");
  if (lower === '``' || lower === "''" || lower === '\u201c' || lower === '\u201d') return '"';
  if (lower === '\u2014' || lower === '\u2013') return '--';
  return lower;
}

/** Splits text into lowercase words and punctuation marks, Brown style (see the module comment). */
export function splitWords(text: string): string[] {
  // Curly apostrophes inside words must be plain before matching, so "don’t" stays one word.
  const plain = text.normalize('NFC').replace(/[\u2018\u2019\u02bc]/g, "'");
  const words: string[] = [];
  for (const match of plain.matchAll(tokenPattern)) words.push(normalizeWord(match[0]));
  return words;
}

/** Words that end a sentence when they stand alone. */
const sentenceEnds = new Set(['.', '?', '!', '...']);

/** Splits a paragraph into sentences of words: a sentence ends after `.`, `?`, `!` or `...` (and the quote it closes). */
export function splitSentences(text: string): string[][] {
  const sentences: string[][] = [];
  let current: string[] = [];
  const words = splitWords(text);
  for (let i = 0; i < words.length; i++) {
    const token = words[i] ?? '';
    current.push(token);
    if (!sentenceEnds.has(token)) continue;
    // A quote right after the end closes the sentence when the sentence opened one (odd count so far).
    const isQuoteOpen = current.filter((w) => w === '"').length % 2 === 1;
    if (isQuoteOpen && words[i + 1] === '"') current.push(words[++i] ?? '');
    sentences.push(current);
    current = [];
  }
  if (current.length > 0) sentences.push(current);
  return sentences;
}
