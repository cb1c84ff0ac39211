import { describe, expect, it } from 'vitest';
import { defaultVocabulary } from '../../../main/engine/corpus/default-vocabulary';
import { maskTokens } from '../../../shared/objectives/bert-masking';
import { roundHalfToEven } from '../../../shared/objectives/rounding';
import { createRng } from '../../../shared/random';
import type { TokenId } from '../../../shared/text/vocabulary';
import { brownChunks } from './brown-ids';

const vocab = defaultVocabulary();

describe('bert-masking', () => {
  it('over 100,000+ Brown tokens: 15 % chosen, then 80 % [MASK] / 10 % random / 10 % kept', () => {
    const sequences = brownChunks(128, 800); // 102,400 tokens
    const rng = createRng(2024);
    let candidates = 0;
    let chosen = 0;
    const kinds = { mask: 0, random: 0, keep: 0 };
    for (const ids of sequences) {
      const { input, labels, choices } = maskTokens(ids, vocab, rng);
      const eligible = ids.filter((id) => id >= vocab.firstWordId).length;
      // The count rule, exactly: max(1, round-half-even(0.15 × eligible words)).
      expect(choices.length).toBe(Math.max(1, roundHalfToEven(0.15 * eligible)));
      candidates += eligible;
      chosen += choices.length;
      for (const choice of choices) {
        kinds[choice.kind]++;
        expect(choice.original).toBe(ids[choice.index]);
        expect(choice.original).toBeGreaterThanOrEqual(vocab.firstWordId); // never special or [UNK]
        expect(input[choice.index]).toBe(choice.replacement);
        expect(labels[choice.index]).toBe(choice.original);
        if (choice.kind === 'mask') expect(choice.replacement).toBe(vocab.maskId);
        if (choice.kind === 'keep') expect(choice.replacement).toBe(choice.original);
        if (choice.kind === 'random') {
          expect(vocab.isSpecial(choice.replacement)).toBe(false);
          expect(choice.replacement).toBeLessThan(vocab.size);
        }
      }
      const chosenIndex = new Set(choices.map((choice) => choice.index));
      ids.forEach((id, i) => {
        if (chosenIndex.has(i)) return;
        expect(input[i]).toBe(id);
        expect(labels[i]).toBe(-1);
      });
    }
    // Rounding moves each sequence's count by at most 0.5, so the overall fraction is within 0.5 · sequences / words.
    expect(Math.abs(chosen / candidates - 0.15)).toBeLessThanOrEqual((0.5 * sequences.length) / candidates);
    expect(Math.abs(chosen / candidates - 0.15)).toBeLessThan(0.005);
    // Each kind's count is Binomial(chosen, p): allow 4 standard deviations.
    for (const [kind, p] of [
      ['mask', 0.8],
      ['random', 0.1],
      ['keep', 0.1],
    ] as const) {
      const sd = Math.sqrt(chosen * p * (1 - p));
      expect(Math.abs(kinds[kind] - chosen * p), kind).toBeLessThan(4 * sd);
    }
  });

  it('draws random replacements across the whole word range', () => {
    const rng = createRng(5);
    const replacements = new Set<number>();
    for (const ids of brownChunks(128, 200)) {
      for (const choice of maskTokens(ids, vocab, rng).choices) {
        if (choice.kind === 'random') replacements.add(choice.replacement);
      }
    }
    const sorted = [...replacements].sort((a, b) => a - b);
    expect(sorted[0]).toBeLessThan(vocab.firstWordId + 200);
    expect(sorted[sorted.length - 1]).toBeGreaterThan(vocab.size - 200);
    expect(replacements.size).toBeGreaterThan(300);
  });

  it('never chooses special tokens, sentinels or [UNK]', () => {
    const ids = [vocab.clsId, vocab.unkId, vocab.id('love'), vocab.sentinelId(0), vocab.sepId, vocab.padId];
    for (let seed = 0; seed < 50; seed++) {
      const { choices } = maskTokens(ids, vocab, createRng(seed));
      expect(choices.map((choice) => choice.index)).toEqual([2]);
    }
    expect(maskTokens([vocab.clsId, vocab.sepId], vocab, createRng(1)).choices).toEqual([]);
  });

  it('chooses at least one word, and respects probability and maxPredictions', () => {
    const ids = vocab.encode('I love this red car');
    expect(maskTokens(ids, vocab, createRng(1)).choices).toHaveLength(1); // round(0.75) = 1
    const long = brownChunks(100, 1)[0] as TokenId[];
    const eligible = long.filter((id) => id >= vocab.firstWordId).length;
    const half = maskTokens(long, vocab, createRng(1), { probability: 0.5 });
    expect(half.choices).toHaveLength(roundHalfToEven(eligible * 0.5));
    expect(maskTokens(long, vocab, createRng(1), { maxPredictions: 3 }).choices).toHaveLength(3);
  });

  it('is deterministic for a seed and differs between seeds', () => {
    const ids = brownChunks(128, 1)[0] as TokenId[];
    expect(maskTokens(ids, vocab, createRng(9))).toEqual(maskTokens(ids, vocab, createRng(9)));
    expect(maskTokens(ids, vocab, createRng(9))).not.toEqual(maskTokens(ids, vocab, createRng(10)));
  });
});

describe('rounding', () => {
  it('rounds halves to even like Python and NumPy', () => {
    expect([0.5, 1.5, 2.5, 3.5, 0.49, 2.51, 4, 19.2].map(roundHalfToEven)).toEqual([0, 2, 2, 4, 0, 3, 4, 19]);
  });
});
