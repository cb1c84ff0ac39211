/** Attention as the animations show it: one query's weights in one layer, averaged over the heads. */

/** Attention values laid out flat as [layer][head][query][key] (`queries` absent = one query). */
export interface FlatAttention {
  layers: number;
  heads: number;
  queries?: number;
  keys: number;
  values: ArrayLike<number>;
}

/** The weights query `query` gives each key in `layer` (default: the last), averaged over the heads. */
export function headMeanRow(stack: FlatAttention, query: number, layer = stack.layers - 1): number[] {
  const queries = stack.queries ?? 1;
  if (!(query >= 0 && query < queries)) throw new RangeError(`Query ${query} is outside ${queries} queries`);
  if (!(layer >= 0 && layer < stack.layers))
    throw new RangeError(`Layer ${layer} is outside ${stack.layers} layers`);
  const row = new Array<number>(stack.keys).fill(0);
  for (let head = 0; head < stack.heads; head++) {
    const start = ((layer * stack.heads + head) * queries + query) * stack.keys;
    for (let key = 0; key < stack.keys; key++)
      row[key] = (row[key] ?? 0) + (stack.values[start + key] ?? 0) / stack.heads;
  }
  return row;
}
