import { describe, expect, it } from 'vitest';
import { normalizeWord, splitSentences, splitWords } from '../../../shared/text/tokenize';

describe('tokenize', () => {
  it('lowercases and separates punctuation', () => {
    expect(splitWords('I love this red car.')).toEqual(['i', 'love', 'this', 'red', 'car', '.']);
    expect(splitWords('Wait, what?! (Really)')).toEqual(['wait', ',', 'what', '?', '!', '(', 'really', ')']);
  });

  it('keeps contractions, possessives and hyphenated words whole, as Brown does', () => {
    expect(splitWords("Don't touch Atlanta's long-range plan")).toEqual([
      "don't",
      'touch',
      "atlanta's",
      'long-range',
      'plan',
    ]);
    expect(splitWords('don\u2019t')).toEqual(["don't"]);
  });

  it('keeps numbers, money, times and percentages whole', () => {
    expect(splitWords('It cost $1,000 at 2:30, or 1.5 times 50% of 1/2.')).toEqual([
      'it', 'cost', '$1,000', 'at', '2:30', ',', 'or', '1.5', 'times', '50%', 'of', '1/2', '.',
    ]); // prettier-ignore
    expect(splitWords('I have 5.')).toEqual(['i', 'have', '5', '.']);
  });

  it('keeps the period of titles, dotted abbreviations and initials', () => {
    expect(splitWords('Mr. J. Smith met Dr. Brown in the U.S. at 3 p.m. today.')).toEqual([
      'mr.', 'j.', 'smith', 'met', 'dr.', 'brown', 'in', 'the', 'u.s.', 'at', '3', 'p.m.', 'today', '.',
    ]); // prettier-ignore
    // Not an initial: "I" and a letter that ends a sentence before a lowercase word.
    expect(splitWords('It was I. then')).toEqual(['it', 'was', 'i', '.', 'then']);
    expect(splitWords('He said no.')).toEqual(['he', 'said', 'no', '.']);
  });

  it('writes every quotation mark as " and dashes as --', () => {
    expect(splitWords('"Stop," he said \u201cnow\u201d -- or ``later\'\' \u2014 fine')).toEqual([
      '"', 'stop', ',', '"', 'he', 'said', '"', 'now', '"', '--', 'or', '"', 'later', '"', '--', 'fine',
    ]); // prettier-ignore
    expect(normalizeWord('``')).toBe('"');
    expect(normalizeWord("''")).toBe('"');
    expect(normalizeWord('The')).toBe('the');
  });

  it('handles letters beyond ASCII and ignores whitespace', () => {
    expect(splitWords('  Café\tnaïve\n\nSchön  ')).toEqual(['café', 'naïve', 'schön']);
    expect(splitWords('   \n\t ')).toEqual([]);
  });

  it('splits a paragraph into sentences, keeping a closing quote with its sentence', () => {
    expect(splitSentences('He left. "Why?" she asked. Then silence')).toEqual([
      ['he', 'left', '.'],
      ['"', 'why', '?', '"'],
      ['she', 'asked', '.'],
      ['then', 'silence'],
    ]);
    expect(splitSentences('')).toEqual([]);
  });
});
