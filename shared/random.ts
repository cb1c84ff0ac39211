/**
 * Seeded pseudo-random numbers: the same seed gives the same sequence in Node and in every browser.
 *
 * The generator is sfc32 (Chris Doty-Humphrey's "small fast counting" generator, 128-bit state), seeded by
 * splitmix32 from the integer seed. Only 32-bit integer arithmetic (`Math.imul`, shifts) is used, so every
 * JavaScript engine produces bit-identical numbers.
 */
import { LabError } from './contract/errors';

/** A deterministic source of random numbers. */
export interface Rng {
  /** A number in [0, 1) with 32 random bits. */
  next(): number;
  /** A whole number in [0, maxExclusive). */
  int(maxExclusive: number): number;
}

/** splitmix32: turns consecutive counters into well-mixed 32-bit words (used only to fill sfc32's state). */
function splitmix32(state: number): [next: number, value: number] {
  const next = (state + 0x9e3779b9) | 0;
  let z = next;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return [next, (z ^ (z >>> 16)) >>> 0];
}

/** Creates a generator from a whole-number seed (negative and large seeds are fine; fractions are not). */
export function createRng(seed: number): Rng {
  if (!Number.isSafeInteger(seed)) {
    throw new LabError('invalid-argument', `The random seed must be a whole number, got ${seed}`);
  }
  // Mix both 32-bit halves of the seed so seeds 1 and 2**32 + 1 differ.
  let mixer = (seed | 0) ^ Math.imul(Math.floor(seed / 2 ** 32) | 0, 0x27d4eb2d);
  const words: number[] = [];
  for (let i = 0; i < 4; i++) {
    const [next, value] = splitmix32(mixer);
    mixer = next;
    words.push(value);
  }
  let [a = 0, b = 0, c = 0, d = 1] = words;
  const nextWord = (): number => {
    // sfc32 step
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  // Discard the first outputs: sfc32 needs a few rounds before the state is well mixed.
  for (let i = 0; i < 12; i++) nextWord();
  return {
    next: () => nextWord() / 2 ** 32,
    int(maxExclusive: number): number {
      if (!Number.isInteger(maxExclusive) || maxExclusive < 1 || maxExclusive > 2 ** 32) {
        throw new RangeError(`Rng.int needs a whole number from 1 to 2^32, got ${maxExclusive}`);
      }
      return Math.floor((nextWord() / 2 ** 32) * maxExclusive);
    },
  };
}

/** Shuffles `items` in place (Fisher–Yates) and returns the same array. */
export function shuffle<T>(items: T[], rng: Rng): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const held = items[i] as T;
    items[i] = items[j] as T;
    items[j] = held;
  }
  return items;
}
