import { describe, expect, it } from 'vitest';
import { defaultVocabulary } from '../../../main/engine/corpus/default-vocabulary';
import { roundHalfToEven } from '../../../shared/objectives/rounding';
import {
  corruptSpans,
  randomNoiseSpans,
  reconstructFromSpans,
} from '../../../shared/objectives/t5-span-corruption';
import { createRng } from '../../../shared/random';
import type { TokenId } from '../../../shared/text/vocabulary';
import { sentinelLabel } from '../../../shared/text/vocabulary';
import { brownChunks, brownSentenceIds } from './brown-ids';

const vocab = defaultVocabulary();

/** Checks the structure of one corruption against the original ids. */
function expectWellFormed(ids: readonly TokenId[], result: ReturnType<typeof corruptSpans>): void {
  const { input, target, spans } = result;
  expect(reconstructFromSpans(input, target, vocab)).toEqual(ids);
  // Spans are in order, non-empty, and never touch: consecutive corrupted tokens share one sentinel.
  spans.forEach(([start, end], i) => {
    expect(end).toBeGreaterThan(start);
    if (i > 0) expect(start).toBeGreaterThan(spans[i - 1]?.[1] ?? -1);
  });
  const noise = spans.reduce((sum, [start, end]) => sum + end - start, 0);
  expect(input).toHaveLength(ids.length - noise + spans.length);
  // Sentinels 0, 1, … appear in order in the input, and in the target followed by a final one.
  const inputSentinels = input.filter((id) => vocab.isSentinel(id));
  const targetSentinels = target.filter((id) => vocab.isSentinel(id));
  expect(inputSentinels).toEqual(spans.map((_, i) => vocab.sentinelId(i)));
  expect(targetSentinels).toEqual([...inputSentinels, vocab.sentinelId(spans.length)]);
  expect(target[target.length - 1]).toBe(vocab.sentinelId(spans.length));
  expect(target).toHaveLength(noise + spans.length + 1);
}

describe('t5-span-corruption', () => {
  it('builds the chapter example: "i <X> this <Y>" → "<X> love <Y> red car <Z>"', () => {
    const ids = vocab.encode('I love this red car');
    const options = { noiseDensity: 0.6, meanSpanLength: 1.5 }; // 3 noise tokens in 2 spans
    let found = false;
    for (let seed = 0; seed < 200 && !found; seed++) {
      const result = corruptSpans(ids, vocab, createRng(seed), options);
      expectWellFormed(ids, result);
      if (JSON.stringify(result.spans) !== JSON.stringify([[1, 2], [3, 5]])) continue; // prettier-ignore
      found = true;
      const show = (list: TokenId[]) =>
        list.map((id) => (vocab.isSentinel(id) ? sentinelLabel(vocab.sentinelIndex(id)) : vocab.token(id)));
      expect(show(result.input).join(' ')).toBe('i <X> this <Y>');
      expect(show(result.target).join(' ')).toBe('<X> love <Y> red car <Z>');
    }
    expect(found).toBe(true);
  });

  it('over 100,000+ tokens in T5-length sequences of 512: noise 15 %, mean span length ≈ 3', () => {
    const rng = createRng(7);
    let noise = 0;
    let spanCount = 0;
    let tokens = 0;
    for (const ids of brownChunks(512, 200)) {
      const result = corruptSpans(ids, vocab, rng);
      expectWellFormed(ids, result);
      tokens += ids.length;
      spanCount += result.spans.length;
      const sequenceNoise = result.spans.reduce((sum, [start, end]) => sum + end - start, 0);
      // round(512 × 0.15) = 77 noise tokens in round(77 / 3) = 26 spans (27 when the rotation splits one).
      expect(sequenceNoise).toBe(77);
      expect([26, 27]).toContain(result.spans.length);
      noise += sequenceNoise;
    }
    expect(tokens).toBeGreaterThanOrEqual(100_000);
    expect(Math.abs(noise / tokens - 0.15)).toBeLessThan(0.001);
    expect(noise / spanCount).toBeGreaterThan(77 / 27);
    expect(Math.abs(noise / spanCount - 3)).toBeLessThan(0.15);
  });

  it('over 100,000+ tokens of Brown sentences: noise count follows the rule, about 15 % overall', () => {
    const rng = createRng(8);
    let noise = 0;
    let tokens = 0;
    for (const ids of brownSentenceIds(100_000)) {
      const result = corruptSpans(ids, vocab, rng);
      expectWellFormed(ids, result);
      const n = ids.length;
      const expected = n < 2 ? 0 : Math.min(Math.max(roundHalfToEven(n * 0.15), 1), n - 1);
      expect(result.spans.reduce((sum, [start, end]) => sum + end - start, 0)).toBe(expected);
      noise += expected;
      tokens += n;
    }
    expect(Math.abs(noise / tokens - 0.15)).toBeLessThan(0.005);
  });

  it('cuts noise and kept tokens at uniformly random points (checked without the rotation)', () => {
    // 40 tokens: 6 noise tokens in 2 spans, 34 kept in 2 runs. Every cut is equally likely, so the first
    // span's length is uniform on 1…5 and its start (the first kept run) is uniform on 1…33.
    const rng = createRng(12);
    const n = 20_000;
    const lengths = new Array<number>(6).fill(0);
    let earlyStarts = 0;
    for (let i = 0; i < n; i++) {
      const spans = randomNoiseSpans(40, rng, { randomRoll: false });
      const [start = 0, end = 0] = spans.length === 2 ? (spans[0] ?? []) : []; // a wrong count lands in lengths[0]
      lengths[end - start] = (lengths[end - start] ?? 0) + 1;
      if (start <= 11) earlyStarts++;
    }
    expect(lengths[0]).toBe(0);
    const sd = Math.sqrt(n * 0.2 * 0.8);
    for (let k = 1; k <= 5; k++) expect(Math.abs((lengths[k] ?? 0) - n / 5)).toBeLessThan(4 * sd);
    const p = 11 / 33;
    expect(Math.abs(earlyStarts - n * p)).toBeLessThan(4 * Math.sqrt(n * p * (1 - p)));
  });

  it('without rotation the last token is always noise, with it any position can be', () => {
    const rng = createRng(3);
    const firstStarts = new Set<number>();
    for (let i = 0; i < 200; i++) {
      const plain = randomNoiseSpans(5, rng, { randomRoll: false });
      expect(plain).toEqual([[4, 5]]);
      firstStarts.add(randomNoiseSpans(5, rng)[0]?.[0] ?? -1);
    }
    expect([...firstStarts].sort()).toEqual([0, 1, 2, 3, 4]);
  });

  it('leaves sequences shorter than two tokens whole, with only the final sentinel as target', () => {
    const one = vocab.encode('car');
    expect(corruptSpans(one, vocab, createRng(1))).toEqual({
      input: one,
      target: [vocab.sentinelId(0)],
      spans: [],
    });
    expect(corruptSpans([], vocab, createRng(1)).target).toEqual([vocab.sentinelId(0)]);
  });

  it('is deterministic for a seed and differs between seeds', () => {
    const ids = brownChunks(128, 1)[0] as TokenId[];
    expect(corruptSpans(ids, vocab, createRng(4))).toEqual(corruptSpans(ids, vocab, createRng(4)));
    expect(corruptSpans(ids, vocab, createRng(4))).not.toEqual(corruptSpans(ids, vocab, createRng(5)));
  });

  it('refuses a text that needs more sentinels than the vocabulary has', () => {
    const ids = brownChunks(1000, 1)[0] as TokenId[]; // round(150 / 3) = 50 spans > 31
    expect(() => corruptSpans(ids, vocab, createRng(1))).toThrow(/only 32 sentinels/);
  });
});
