import { describe, expect, it } from 'vitest';
import { createRng, shuffle } from '../../shared/random';

const mask32 = (1n << 32n) - 1n;

/** An independent sfc32 + splitmix32 in BigInt arithmetic, written from the published algorithms. */
function referenceWords(seed: number, count: number): number[] {
  const lo = BigInt.asUintN(32, BigInt(seed));
  const hi = BigInt.asUintN(32, BigInt(Math.floor(seed / 2 ** 32)));
  let mixer = lo ^ ((hi * 0x27d4eb2dn) & mask32);
  const state: bigint[] = [];
  for (let i = 0; i < 4; i++) {
    mixer = (mixer + 0x9e3779b9n) & mask32;
    let z = mixer;
    z = ((z ^ (z >> 16n)) * 0x85ebca6bn) & mask32;
    z = ((z ^ (z >> 13n)) * 0xc2b2ae35n) & mask32;
    state.push(z ^ (z >> 16n));
  }
  let [a = 0n, b = 0n, c = 0n, d = 0n] = state;
  const out: number[] = [];
  for (let i = 0; i < count + 12; i++) {
    const t = (a + b + d) & mask32;
    d = (d + 1n) & mask32;
    a = b ^ (b >> 9n);
    b = (c + (c << 3n)) & mask32;
    c = ((c << 21n) | (c >> 11n)) & mask32;
    c = (c + t) & mask32;
    if (i >= 12) out.push(Number(t));
  }
  return out;
}

describe('random', () => {
  it('matches an independent BigInt implementation of sfc32 seeded by splitmix32', () => {
    for (const seed of [0, 1, 42, 123_456_789, 2 ** 32 + 7, -5]) {
      const rng = createRng(seed);
      const expected = referenceWords(seed, 1000).map((word) => word / 2 ** 32);
      expect(Array.from({ length: 1000 }, () => rng.next())).toEqual(expected);
    }
  });

  it('gives the same sequence for the same seed and a different one for another seed', () => {
    const draw = (seed: number) => {
      const rng = createRng(seed);
      return Array.from({ length: 50 }, () => rng.int(1000));
    };
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
    expect(draw(1)).not.toEqual(draw(2 ** 32 + 1));
  });

  it('draws integers uniformly in [0, max)', () => {
    const rng = createRng(3);
    const counts = new Array<number>(10).fill(0);
    const n = 100_000;
    for (let i = 0; i < n; i++) {
      const value = rng.int(10);
      counts[value] = (counts[value] ?? 0) + 1;
    }
    expect(counts).toHaveLength(10); // nothing landed outside 0…9
    // Each count is Binomial(n, 0.1): standard deviation sqrt(n · 0.1 · 0.9) ≈ 95; allow 5 of them.
    const sd = Math.sqrt(n * 0.1 * 0.9);
    for (const count of counts) expect(Math.abs(count - n / 10)).toBeLessThan(5 * sd);
  });

  it('refuses fractional seeds and bad bounds', () => {
    expect(() => createRng(1.5)).toThrow(/whole number/);
    expect(() => createRng(3).int(0)).toThrow(RangeError);
  });

  it('shuffles in place into a permutation', () => {
    const items = Array.from({ length: 100 }, (_, i) => i);
    const result = shuffle(items, createRng(1));
    expect(result).toBe(items);
    expect([...items].sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect(items).not.toEqual(Array.from({ length: 100 }, (_, i) => i));
  });

  it('puts every element in every position about equally often', () => {
    // Fisher–Yates on 3 items: each of the 6 orders has probability 1/6.
    const rng = createRng(11);
    const counts = new Map<string, number>();
    const n = 60_000;
    for (let i = 0; i < n; i++) {
      const key = shuffle(['a', 'b', 'c'], rng).join('');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect(counts.size).toBe(6);
    const sd = Math.sqrt((n * (1 / 6) * 5) / 6);
    for (const count of counts.values()) expect(Math.abs(count - n / 6)).toBeLessThan(5 * sd);
  });
});
