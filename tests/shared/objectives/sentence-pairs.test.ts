import { describe, expect, it } from 'vitest';
import { LabError } from '../../../shared/contract/errors';
import { makeSentencePair, packSentencePair } from '../../../shared/objectives/sentence-pairs';
import { createRng } from '../../../shared/random';
import { buildVocabulary } from '../../../shared/text/vocabulary';

// Sentences named "d<doc>s<sentence>" so a pair tells where it came from.
const documents = [0, 1, 2].map((d) => Array.from({ length: 4 + d }, (_, s) => [`d${d}s${s}`]));
const where = (sentence: readonly string[]) =>
  (sentence[0] ?? '')
    .match(/d(\d)s(\d)/)
    ?.slice(1)
    .map(Number) ?? [];

describe('sentence-pairs', () => {
  it('gives the true next sentence half of the time and a sentence of another document otherwise', () => {
    const rng = createRng(1);
    const n = 20_000;
    let next = 0;
    for (let i = 0; i < n; i++) {
      const pair = makeSentencePair(documents, rng);
      const [d1, s1] = where(pair.first);
      const [d2, s2] = where(pair.second);
      if (pair.isNext) {
        next++;
        expect([d2, s2]).toEqual([d1, (s1 ?? 0) + 1]);
      } else {
        expect(d2).not.toBe(d1);
      }
    }
    expect(Math.abs(next - n / 2)).toBeLessThan(4 * Math.sqrt(n / 4));
  });

  it('with a single document, a negative is any sentence but the first and its successor', () => {
    const rng = createRng(2);
    for (let i = 0; i < 500; i++) {
      const pair = makeSentencePair([documents[2] ?? []], rng);
      const [, s1 = 0] = where(pair.first);
      const [, s2 = 0] = where(pair.second);
      if (!pair.isNext) expect([s1, s1 + 1]).not.toContain(s2);
    }
  });

  it('explains when no pair can be made', () => {
    expect(() => makeSentencePair([[['a']], [['b']]], createRng(1))).toThrow(LabError);
    expect(() => makeSentencePair([], createRng(1))).toThrow(/at least two sentences/);
  });

  it('packs [CLS] a [SEP] b [SEP] with segments 0 and 1, truncating the longer sentence', () => {
    const vocab = buildVocabulary('a b c d e f'.split(' '), { size: 60, sentinels: 2 });
    const ids = (text: string) => vocab.encode(text);
    const packed = packSentencePair(ids('a b c'), ids('d e'), vocab);
    expect(vocab.decode(packed.ids)).toEqual(['[CLS]', 'a', 'b', 'c', '[SEP]', 'd', 'e', '[SEP]']);
    expect(packed.segments).toEqual([0, 0, 0, 0, 0, 1, 1, 1]);
    const short = packSentencePair(ids('a b c d'), ids('e'), vocab, 6);
    expect(vocab.decode(short.ids)).toEqual(['[CLS]', 'a', 'b', '[SEP]', 'e', '[SEP]']);
    expect(vocab.decode(packSentencePair(ids('a'), undefined, vocab).ids)).toEqual(['[CLS]', 'a', '[SEP]']);
  });
});
