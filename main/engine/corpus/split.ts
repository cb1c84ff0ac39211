/** Train/validation split by document, so no validation sentence shares a document with training text. */
import { LabError } from '../../../shared/contract/errors';
import { createRng, shuffle } from '../../../shared/random';

/** Options of {@link splitDocuments}. */
export interface SplitOptions {
  /** Fraction of documents held out for validation, in [0, 1). */
  validationFraction: number;
  seed: number;
}

/**
 * Splits `documents` deterministically: round(n × fraction) documents, drawn by a seeded shuffle, go to
 * validation — at least 1 when the fraction is above 0, at most n − 1, none when there is a single document. Both parts keep
 * the original document order.
 */
export function splitDocuments<T>(
  documents: readonly T[],
  options: SplitOptions,
): { train: T[]; validation: T[] } {
  const { validationFraction, seed } = options;
  if (!(validationFraction >= 0 && validationFraction < 1)) {
    throw new LabError(
      'invalid-argument',
      `The validation fraction must be at least 0 and below 1, got ${validationFraction}`,
    );
  }
  const n = documents.length;
  const wanted = Math.round(n * validationFraction);
  // A lone document stays in training; otherwise hold out at least one when asked to, but never all.
  const count = n < 2 ? 0 : Math.min(Math.max(wanted, validationFraction > 0 ? 1 : 0), n - 1);
  const order = shuffle(
    Array.from({ length: n }, (_, i) => i),
    createRng(seed),
  );
  const isValidation = new Set(order.slice(0, count));
  return {
    train: documents.filter((_, i) => !isValidation.has(i)),
    validation: documents.filter((_, i) => isValidation.has(i)),
  };
}
