/**
 * Attention masks as plain data: which key each query may attend to. Cell (q, k) of a mask is
 * `data[q * cols + k]`, 1 = may attend, 0 = masked. The models turn these into tensors; the renderer draws
 * masked cells differently from cells that merely received little weight.
 */

/** A [rows = queries, cols = keys] mask in row-major order. */
export interface AttentionMask {
  readonly rows: number;
  readonly cols: number;
  readonly data: Uint8Array;
}

/** Key-validity flags: `true`/1 for a real token, `false`/0 for padding. */
export type KeyValidity = ArrayLike<boolean | number>;

function checkLength(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 0)
    throw new RangeError(`${name} must be a whole number ≥ 0, got ${value}`);
}

/** Builds a mask whose cell (q, k) is `allowed(q, k)`. */
export function buildMask(
  rows: number,
  cols: number,
  allowed: (query: number, key: number) => boolean,
): AttentionMask {
  checkLength('rows', rows);
  checkLength('cols', cols);
  const data = new Uint8Array(rows * cols);
  for (let q = 0; q < rows; q++) for (let k = 0; k < cols; k++) data[q * cols + k] = allowed(q, k) ? 1 : 0;
  return { rows, cols, data };
}

/** Whether query `q` may attend to key `k`. */
export function isAllowed(mask: AttentionMask, query: number, key: number): boolean {
  return mask.data[query * mask.cols + key] === 1;
}

/** Encoder self-attention: every token attends to every token. */
export function fullMask(length: number): AttentionMask {
  return buildMask(length, length, () => true);
}

/** Decoder self-attention: query q attends to keys 0…q (the diagonal included, nothing above it). */
export function causalMask(length: number): AttentionMask {
  return buildMask(length, length, (q, k) => k <= q);
}

/** Flags for a sequence of `length` tokens whose first `validLength` are real (the rest padding). */
export function validFlags(validLength: number, length: number): Uint8Array {
  checkLength('validLength', validLength);
  checkLength('length', length);
  return Uint8Array.from({ length }, (_, i) => (i < validLength ? 1 : 0));
}

/** Padding: every one of `queryLength` queries may attend only to the valid keys. */
export function paddingMask(keyValid: KeyValidity, queryLength: number = keyValid.length): AttentionMask {
  return buildMask(queryLength, keyValid.length, (_, k) => Boolean(keyValid[k]));
}

/** Cross-attention: each of `targetLength` decoder queries attends to every (valid) encoder position. */
export function crossMask(
  targetLength: number,
  inputLength: number,
  inputValid?: KeyValidity,
): AttentionMask {
  if (inputValid && inputValid.length !== inputLength) {
    throw new RangeError(`inputValid has ${inputValid.length} flags for ${inputLength} input tokens`);
  }
  return buildMask(targetLength, inputLength, (_, k) => (inputValid ? Boolean(inputValid[k]) : true));
}

/** Logical AND of masks of the same shape (e.g. causal AND padding). */
export function combineMasks(first: AttentionMask, ...rest: AttentionMask[]): AttentionMask {
  const data = Uint8Array.from(first.data);
  for (const mask of rest) {
    if (mask.rows !== first.rows || mask.cols !== first.cols) {
      throw new RangeError(
        `Cannot combine a ${mask.rows}×${mask.cols} mask with a ${first.rows}×${first.cols} one`,
      );
    }
    for (let i = 0; i < data.length; i++) data[i] = (data[i] ?? 0) & (mask.data[i] ?? 0);
  }
  return { rows: first.rows, cols: first.cols, data };
}

/** The mask as nested rows of 0/1 (for JSON and tests). */
export function maskRows(mask: AttentionMask): number[][] {
  return Array.from({ length: mask.rows }, (_, q) =>
    Array.from(mask.data.subarray(q * mask.cols, (q + 1) * mask.cols)),
  );
}
