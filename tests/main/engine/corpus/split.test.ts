import { describe, expect, it } from 'vitest';
import { splitDocuments } from '../../../../main/engine/corpus/split';

const documents = Array.from({ length: 500 }, (_, i) => `doc${i}`);

describe('split', () => {
  it('splits by document into disjoint parts that keep the corpus order', () => {
    const { train, validation } = splitDocuments(documents, { validationFraction: 0.1, seed: 1 });
    expect(validation).toHaveLength(50);
    expect(train).toHaveLength(450);
    expect(new Set([...train, ...validation]).size).toBe(500);
    const order = (list: string[]) => list.map((d) => Number(d.slice(3)));
    expect(order(train)).toEqual([...order(train)].sort((a, b) => a - b));
    expect(order(validation)).toEqual([...order(validation)].sort((a, b) => a - b));
  });

  it('is deterministic for a seed and differs between seeds', () => {
    const a = splitDocuments(documents, { validationFraction: 0.1, seed: 1 });
    expect(splitDocuments(documents, { validationFraction: 0.1, seed: 1 })).toEqual(a);
    expect(splitDocuments(documents, { validationFraction: 0.1, seed: 2 }).validation).not.toEqual(
      a.validation,
    );
  });

  it('holds out at least one document but never all of them', () => {
    expect(splitDocuments(['a', 'b'], { validationFraction: 0.01, seed: 1 }).validation).toHaveLength(1);
    expect(splitDocuments(['a', 'b'], { validationFraction: 0.9, seed: 1 }).train).toHaveLength(1);
    expect(splitDocuments(['a'], { validationFraction: 0.5, seed: 1 })).toEqual({
      train: ['a'],
      validation: [],
    });
    expect(splitDocuments(documents, { validationFraction: 0, seed: 1 }).validation).toEqual([]);
  });

  it('rejects a fraction outside [0, 1)', () => {
    expect(() => splitDocuments(documents, { validationFraction: 1, seed: 1 })).toThrow(
      /validation fraction/,
    );
    expect(() => splitDocuments(documents, { validationFraction: Number.NaN, seed: 1 })).toThrow(
      /validation fraction/,
    );
  });
});
