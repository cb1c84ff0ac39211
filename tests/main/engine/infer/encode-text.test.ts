import { describe, expect, it } from 'vitest';
import { encodeText, fitToLength } from '../../../../main/engine/infer/encode-text';
import { asTokenId } from '../../../../shared/text/vocabulary';
import { tinyVocabulary } from '../models/tiny-models';

describe('encodeText', () => {
  const vocab = tinyVocabulary();

  it('reads literal special tokens and sentinels (as <extra_id_N> or <X>, <Y>, <Z>)', () => {
    const ids = encodeText('[CLS] I love [MASK] red car [SEP]', vocab);
    expect(vocab.decode(ids)).toEqual(['[CLS]', 'i', 'love', '[MASK]', 'red', 'car', '[SEP]']);
    expect(vocab.decode(encodeText('<X> love <Y> red car <Z>', vocab))).toEqual([
      '<extra_id_0>',
      'love',
      '<extra_id_1>',
      'red',
      'car',
      '<extra_id_2>',
    ]);
    expect(encodeText('<extra_id_3><bos>', vocab)).toEqual([vocab.sentinelId(3), vocab.bosId]);
  });

  it('turns unknown words into [UNK] and rejects sentinels the vocabulary lacks', () => {
    expect(vocab.decode(encodeText('i love zebras', vocab))).toEqual(['i', 'love', '[UNK]']);
    expect(vocab.decode(encodeText('<X1>', vocab))).toEqual(['<extra_id_3>']);
    expect(() => encodeText('<Y1> car', vocab)).toThrow(/only 4 sentinels/); // <Y1> is sentinel 4
  });

  it('cuts to a limit from the start or the end and says so', () => {
    const ids = [1, 2, 3, 4].map(asTokenId);
    expect(fitToLength(ids, 4)).toEqual({ ids, isTruncated: false });
    expect(fitToLength(ids, 2)).toEqual({ ids: [1, 2], isTruncated: true });
    expect(fitToLength(ids, 2, 'end')).toEqual({ ids: [3, 4], isTruncated: true });
  });
});
