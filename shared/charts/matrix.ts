/**
 * The data every attention chart draws: one attention matrix (queries × keys, row-major) and the adapter from
 * the engine's stacks ([layer][head][query][key] in one Float32Array) to single-head matrices and head averages.
 */
import { LabError } from '../contract/errors';
import type { AttentionMask } from '../attention/masks';

/** One attention map: `values[row * cols + col]` is how much query `row` attends to key `col`. */
export interface AttentionMatrix {
  readonly rows: number;
  readonly cols: number;
  readonly values: Float32Array | readonly number[];
}

/** The engine's transport shape (`AttentionStack` in main/engine/infer), declared here so shared/ stays pure. */
export interface AttentionStackLike {
  readonly layers: number;
  readonly heads: number;
  readonly queries: number;
  readonly keys: number;
  readonly data: Float32Array;
}

/** The weight of cell (row, col), 0 outside the data. */
export function weightAt(matrix: AttentionMatrix, row: number, col: number): number {
  return matrix.values[row * matrix.cols + col] ?? 0;
}

/** Throws a student-readable error when a matrix's values do not fill rows × cols. */
export function checkMatrix(matrix: AttentionMatrix, name = 'attention matrix'): void {
  const { rows, cols, values } = matrix;
  if (!Number.isInteger(rows) || !Number.isInteger(cols) || rows < 1 || cols < 1) {
    throw new LabError('invalid-argument', `The ${name} needs at least one row and one column.`);
  }
  if (values.length !== rows * cols) {
    throw new LabError(
      'invalid-argument',
      `The ${name} is ${rows}×${cols} but holds ${values.length} values (expected ${rows * cols}).`,
    );
  }
}

/** Throws when a mask does not have the matrix's shape. */
export function checkMask(matrix: AttentionMatrix, mask: AttentionMask | undefined): void {
  if (mask && (mask.rows !== matrix.rows || mask.cols !== matrix.cols)) {
    throw new LabError(
      'invalid-argument',
      `The mask is ${mask.rows}×${mask.cols} but the attention matrix is ${matrix.rows}×${matrix.cols}.`,
    );
  }
}

/** Whether cell (row, col) is masked (mask value 0); no mask means every cell is allowed. */
export function isMaskedCell(mask: AttentionMask | undefined, row: number, col: number): boolean {
  return mask !== undefined && mask.data[row * mask.cols + col] === 0;
}

function checkIndex(name: string, value: number, count: number): void {
  if (!Number.isInteger(value) || value < 0 || value >= count) {
    throw new LabError(
      'invalid-argument',
      `There is no ${name} ${value}: this model has ${name}s 0 to ${count - 1}.`,
    );
  }
}

/** One head of one layer as a matrix: a view into the stack's data (no copy). */
export function headMatrix(stack: AttentionStackLike, layer: number, head: number): AttentionMatrix {
  checkIndex('layer', layer, stack.layers);
  checkIndex('head', head, stack.heads);
  const size = stack.queries * stack.keys;
  const start = (layer * stack.heads + head) * size;
  return { rows: stack.queries, cols: stack.keys, values: stack.data.subarray(start, start + size) };
}

/** The mean over heads of one layer (still a distribution per row when every head's rows are). */
export function headAverage(stack: AttentionStackLike, layer: number): AttentionMatrix {
  checkIndex('layer', layer, stack.layers);
  const size = stack.queries * stack.keys;
  const values = new Float32Array(size);
  for (let head = 0; head < stack.heads; head++) {
    const start = (layer * stack.heads + head) * size;
    for (let i = 0; i < size; i++) values[i] = (values[i] ?? 0) + (stack.data[start + i] ?? 0) / stack.heads;
  }
  return { rows: stack.queries, cols: stack.keys, values };
}

/** The largest weight among allowed cells (for an "auto" colour domain); 0 for an all-masked matrix. */
export function maxWeight(matrix: AttentionMatrix, mask?: AttentionMask): number {
  let max = 0;
  for (let i = 0; i < matrix.values.length; i++) {
    if (mask && mask.data[i] === 0) continue;
    max = Math.max(max, matrix.values[i] ?? 0);
  }
  return max;
}
