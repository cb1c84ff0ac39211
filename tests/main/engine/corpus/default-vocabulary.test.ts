import { describe, expect, it } from 'vitest';
import { loadBrown } from '../../../../main/engine/corpus/brown';
import { defaultVocabulary } from '../../../../main/engine/corpus/default-vocabulary';
import { corpusWords } from '../../../../main/engine/corpus/document';

describe('default-vocabulary', () => {
  const vocab = defaultVocabulary();

  it('encodes "I love this red car" as exactly five known tokens', () => {
    const ids = vocab.encode('I love this red car');
    expect(ids).toHaveLength(5);
    expect(ids).not.toContain(vocab.unkId);
    expect(vocab.decode(ids)).toEqual(['i', 'love', 'this', 'red', 'car']);
  });

  it('has 4096 tokens: 7 specials, 32 sentinels, then Brown words by falling frequency', () => {
    expect(vocab.size).toBe(4096);
    expect(vocab.sentinelCount).toBe(32);
    expect(vocab.token(vocab.firstWordId)).toBe('the');
    const counts = new Map<string, number>();
    for (const word of corpusWords(loadBrown().documents)) counts.set(word, (counts.get(word) ?? 0) + 1);
    const frequencies = vocab.tokens.slice(vocab.firstWordId).map((word) => counts.get(word) ?? 0);
    for (let i = 1; i < frequencies.length; i++) {
      expect(frequencies[i]).toBeLessThanOrEqual(frequencies[i - 1] ?? 0);
    }
    // No left-out word is more frequent than the last word kept.
    const kept = new Set(vocab.tokens);
    const bestLeftOut = Math.max(
      ...[...counts].filter(([word]) => !kept.has(word)).map(([, count]) => count),
    );
    expect(bestLeftOut).toBeLessThanOrEqual(frequencies[frequencies.length - 1] ?? 0);
  });

  it('is built once per size', () => {
    expect(defaultVocabulary()).toBe(vocab);
    expect(defaultVocabulary(1000).size).toBe(1000);
  });
});
