import { describe, expect, it } from 'vitest';
import { checkSampling, chooseToken, softmax } from '../../../../main/engine/infer/sampling';
import { LabError } from '../../../../shared/contract/errors';
import { createRng } from '../../../../shared/random';

// Probabilities 0.5, 0.25, 0.125, 0.0625, 0.0625 (softmax of log-probabilities).
const logits = [0.5, 0.25, 0.125, 0.0625, 0.0625].map(Math.log);

/** How often each id is chosen in `draws` samples. */
function frequencies(options: Parameters<typeof chooseToken>[1], draws = 4000, seed = 1): number[] {
  const rng = createRng(seed);
  const counts = new Array<number>(logits.length).fill(0);
  for (let i = 0; i < draws; i++) counts[chooseToken(logits, options, rng).id]!++;
  return counts.map((c) => c / draws);
}

describe('chooseToken', () => {
  it('is greedy at temperature 0 and reports the model probability', () => {
    expect(chooseToken(logits, { temperature: 0 }, createRng(0))).toEqual({ id: 0, probability: 0.5 });
    expect(softmax(logits)[3]).toBeCloseTo(0.0625, 12);
  });

  it('samples in proportion to the probabilities at temperature 1', () => {
    const observed = frequencies({ temperature: 1 });
    [0.5, 0.25, 0.125, 0.0625, 0.0625].forEach((p, i) =>
      expect(Math.abs((observed[i] ?? 0) - p)).toBeLessThan(0.03),
    );
  });

  it('keeps only the top-k tokens, renormalised', () => {
    const observed = frequencies({ temperature: 1, topK: 2 });
    expect(observed.slice(2)).toEqual([0, 0, 0]);
    expect(Math.abs((observed[0] ?? 0) - 2 / 3)).toBeLessThan(0.03);
  });

  it('keeps the smallest set reaching top-p', () => {
    // 0.5 + 0.25 = 0.75 ≥ 0.7: two tokens survive; p = 0.5 keeps only the first.
    expect(frequencies({ temperature: 1, topP: 0.7 }).slice(2)).toEqual([0, 0, 0]);
    expect(frequencies({ temperature: 1, topP: 0.5 })).toEqual([1, 0, 0, 0, 0]);
  });

  it('flattens the distribution at high temperature and sharpens it at low temperature', () => {
    expect(frequencies({ temperature: 100 })[4]).toBeGreaterThan(0.15);
    expect(frequencies({ temperature: 0.1 })[0]).toBeGreaterThan(0.99);
  });

  it('repeats itself for the same seed', () => {
    const draw = (seed: number): number[] => {
      const rng = createRng(seed);
      return Array.from({ length: 20 }, () => chooseToken(logits, { temperature: 1 }, rng).id);
    };
    expect(draw(3)).toEqual(draw(3));
    expect(draw(3)).not.toEqual(draw(4));
  });

  it('rejects options out of range', () => {
    for (const options of [{ temperature: -1 }, { temperature: 1, topK: 1.5 }, { temperature: 1, topP: 0 }]) {
      expect(() => checkSampling(options)).toThrow(LabError);
    }
  });
});
