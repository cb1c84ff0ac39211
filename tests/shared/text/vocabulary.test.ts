import { describe, expect, it } from 'vitest';
import { LabError } from '../../../shared/contract/errors';
import {
  buildVocabulary,
  sentinelLabel,
  sentinelToken,
  specialTokens,
  Vocabulary,
} from '../../../shared/text/vocabulary';

const words = 'the cat sat on the mat . the dog sat on a log . a cat'.split(' ');

function expectLabError(run: () => unknown, code: string, message: RegExp): void {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(LabError);
    expect((error as LabError).code).toBe(code);
    expect((error as LabError).message).toMatch(message);
    return;
  }
  throw new Error('expected a LabError');
}

describe('vocabulary', () => {
  it('puts the special tokens first, then the sentinels, then words by frequency with ties alphabetical', () => {
    const vocab = buildVocabulary(words, { size: 7 + 3 + 6, sentinels: 3 });
    expect(vocab.tokens.slice(0, 7)).toEqual([
      '[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]', '<bos>', '<eos>',
    ]); // prettier-ignore
    expect(vocab.tokens.slice(7, 10)).toEqual(['<extra_id_0>', '<extra_id_1>', '<extra_id_2>']);
    // the: 3; ".", a, cat, on, sat: 2 each (alphabetical by code unit); dog, log, mat: 1 (cut off at size).
    expect(vocab.tokens.slice(10)).toEqual(['the', '.', 'a', 'cat', 'on', 'sat']);
    expect(vocab.size).toBe(16);
    expect(vocab.firstWordId).toBe(10);
    expect(vocab.sentinelCount).toBe(3);
  });

  it('has the special ids 0–6 in the documented order', () => {
    const vocab = buildVocabulary(words, { size: 50 });
    expect([
      vocab.padId,
      vocab.unkId,
      vocab.clsId,
      vocab.sepId,
      vocab.maskId,
      vocab.bosId,
      vocab.eosId,
    ]).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(Object.values(specialTokens).map((token) => vocab.id(token))).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(vocab.sentinelCount).toBe(32);
    expect(vocab.sentinelId(0)).toBe(7);
    expect(vocab.token(vocab.sentinelId(31))).toBe('<extra_id_31>');
    expect(() => vocab.sentinelId(32)).toThrow(/only 32 sentinels/);
  });

  it('encodes with unknown words as [UNK] and decodes back', () => {
    const vocab = buildVocabulary(words, { size: 50 });
    const ids = vocab.encode('The cat sat on the zebra.');
    expect(vocab.decode(ids)).toEqual(['the', 'cat', 'sat', 'on', 'the', '[UNK]', '.']);
    expect(vocab.id('zebra')).toBe(vocab.unkId);
    expect(vocab.has('zebra')).toBe(false);
    expect(() => vocab.token(999)).toThrow(RangeError);
  });

  it('tells special tokens, sentinels and words apart', () => {
    const vocab = buildVocabulary(words, { size: 50, sentinels: 4 });
    expect(vocab.isSpecial(vocab.maskId)).toBe(true);
    expect(vocab.isSpecial(vocab.sentinelId(2))).toBe(true);
    expect(vocab.isSentinel(vocab.sentinelId(2))).toBe(true);
    expect(vocab.isSentinel(vocab.eosId)).toBe(false);
    expect(vocab.isSpecial(vocab.id('cat'))).toBe(false);
    expect(vocab.sentinelIndex(vocab.sentinelId(3))).toBe(3);
    expect(vocab.sentinelIndex(vocab.id('cat'))).toBe(-1);
  });

  it('names sentinels <X>, <Y>, <Z>, then <X1>, <Y1>, …', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map(sentinelLabel)).toEqual([
      '<X>',
      '<Y>',
      '<Z>',
      '<X1>',
      '<Y1>',
      '<Z1>',
      '<X2>',
    ]);
    expect(sentinelToken(5)).toBe('<extra_id_5>');
  });

  it('skips corpus words that look like special tokens or sentinels', () => {
    const vocab = buildVocabulary(['[MASK]', '<extra_id_40>', 'word', '<bos>'], { size: 50, sentinels: 2 });
    expect(vocab.tokens.slice(vocab.firstWordId)).toEqual(['word']);
  });

  it('round-trips through JSON', () => {
    const vocab = buildVocabulary(words, { size: 30, sentinels: 5 });
    const copy = Vocabulary.fromJSON(JSON.parse(JSON.stringify(vocab.toJSON())));
    expect(copy.tokens).toEqual(vocab.tokens);
    expect(copy.sentinelCount).toBe(5);
    expect(copy.encode('the dog')).toEqual(vocab.encode('the dog'));
  });

  it('rejects malformed JSON with invalid-checkpoint', () => {
    const good = buildVocabulary(words, { size: 30, sentinels: 2 }).toJSON().tokens;
    expectLabError(() => Vocabulary.fromJSON(null), 'invalid-checkpoint', /"tokens" list/);
    expectLabError(() => Vocabulary.fromJSON({ tokens: 'abc' }), 'invalid-checkpoint', /"tokens" list/);
    expectLabError(
      () => Vocabulary.fromJSON({ tokens: [...good, 3] }),
      'invalid-checkpoint',
      /must be a string/,
    );
    expectLabError(
      () => Vocabulary.fromJSON({ tokens: good.slice(1) }),
      'invalid-checkpoint',
      /token 0 should be \[PAD\]/,
    );
    expectLabError(
      () => Vocabulary.fromJSON({ tokens: [...good, 'the'] }),
      'invalid-checkpoint',
      /"the" appears twice/,
    );
    expectLabError(() => Vocabulary.fromJSON({ tokens: [...good, ''] }), 'invalid-checkpoint', /non-empty/);
    expectLabError(
      () => Vocabulary.fromJSON({ tokens: [...good, '<extra_id_9>'] }),
      'invalid-checkpoint',
      /out of order/,
    );
  });

  it('rejects a size that leaves no room for words', () => {
    expectLabError(() => buildVocabulary(words, { size: 39 }), 'invalid-argument', /above 39/);
  });
});
