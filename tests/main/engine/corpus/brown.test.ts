import { describe, expect, it } from 'vitest';
import { baseTag, loadBrown, parseBrownFile } from '../../../../main/engine/corpus/brown';
import { countWords } from '../../../../main/engine/corpus/document';
import { splitWords } from '../../../../shared/text/tokenize';

describe('brown', () => {
  const corpus = loadBrown();

  it('has the 500 samples in the 15 genres of the Brown corpus', () => {
    expect(corpus.documents).toHaveLength(500);
    expect(corpus.genres).toEqual([
      'adventure', 'belles_lettres', 'editorial', 'fiction', 'government', 'hobbies', 'humor', 'learned',
      'lore', 'mystery', 'news', 'religion', 'reviews', 'romance', 'science_fiction',
    ]); // prettier-ignore
    const perGenre = new Map<string, number>();
    for (const document of corpus.documents)
      perGenre.set(document.genre, (perGenre.get(document.genre) ?? 0) + 1);
    expect(perGenre.get('news')).toBe(44);
    expect(perGenre.get('learned')).toBe(80);
    expect(perGenre.get('science_fiction')).toBe(6);
    expect(corpus.documents[0]?.id).toBe('ca01');
    expect(corpus.documents[499]?.id).toBe('cr09');
  });

  it('keeps every token with its tag: 1,161,192 words in 57,340 sentences', () => {
    expect(countWords(corpus.documents)).toBe(1_161_192);
    expect(corpus.documents.reduce((sum, d) => sum + d.sentences.length, 0)).toBe(57_340);
    for (const document of corpus.documents) {
      for (const sentence of document.sentences) expect(sentence.tags).toHaveLength(sentence.words.length);
    }
  });

  it('lowercases words, writes quotes as " and reduces tags to their base', () => {
    const first = corpus.documents[0]?.sentences[0];
    expect(first?.words.slice(0, 8)).toEqual([
      'the',
      'fulton',
      'county',
      'grand',
      'jury',
      'said',
      'friday',
      'an',
    ]);
    expect(first?.tags.slice(0, 8)).toEqual(['at', 'np', 'nn', 'jj', 'nn', 'vbd', 'nr', 'at']);
    expect(first?.words).toContain('"');
    expect(first?.words).not.toContain('``');
    expect(baseTag('NN-TL-HL')).toBe('nn');
    expect(baseTag('fw-nn-tl')).toBe('fw-nn');
    expect(baseTag('ppss+md')).toBe('ppss+md');
  });

  it('parses word/tag tokens at the last slash', () => {
    expect(parseBrownFile('\n\n\tThe/at 1/2/cd ``/`` Hi/uh-tl ./.\n\n\n\tOk/uh\n')).toEqual([
      { words: ['the', '1/2', '"', 'hi', '.'], tags: ['at', 'cd', '``', 'uh', '.'] },
      { words: ['ok'], tags: ['uh'] },
    ]);
  });

  it('loads once and returns the same corpus afterwards', () => {
    expect(loadBrown()).toBe(corpus);
  });

  it('agrees with splitWords on more than 99.5 % of its tokens taken one at a time', () => {
    let same = 0;
    let total = 0;
    for (const document of corpus.documents) {
      for (const sentence of document.sentences) {
        for (const word of sentence.words) {
          total++;
          const split = splitWords(word);
          if (split.length === 1 && split[0] === word) same++;
        }
      }
    }
    expect(same / total).toBeGreaterThan(0.995);
  });
});
