/**
 * Attention as it crosses to the renderer: plain JSON numbers in one flat row-major array per kind (the web
 * host carries JSON, so no typed arrays), rounded to 6 significant digits, which halves the message and is far
 * finer than any view shows; masked entries stay exactly 0. And the check that a response fits one message.
 */
import { LabError } from '../../../shared/contract/errors';
import type { WireAttentionStack } from '../../../shared/contract/model';
import { maxMessageBytes } from '../../../shared/contract/wire';
import type { AttentionMaps, AttentionStack } from '../infer/attention-stack';
import { attentionRow } from '../infer/attention-stack';
import { attendText } from '../infer/attend';
import { unknownWords } from '../infer/encode-text';
import type { TransformerModel } from '../models/model';
import type { Vocabulary } from '../../../shared/text/vocabulary';

/** Kinds of attention on the wire. */
export type WireAttentionMaps = { [K in keyof AttentionMaps]?: WireAttentionStack };

/** One query's attention over its keys in every layer and head: [layer][head][key], flat. */
export interface WireAttentionRows {
  layers: number;
  heads: number;
  keys: number;
  values: number[];
}

/** Room left in a message for its envelope (id, channel, `ok`). */
const envelopeBytes = 1024;

/** A probability with 6 significant digits (0 stays 0). */
function round(value: number): number {
  return value === 0 ? 0 : Number(value.toPrecision(6));
}

/** A stack as wire JSON: `values[((layer * heads + head) * queries + query) * keys + key]`. */
export function toWireStack(stack: AttentionStack): WireAttentionStack {
  const { layers, heads, queries, keys } = stack;
  return { layers, heads, queries, keys, values: Array.from(stack.data, round) };
}

/** Every kind present, as wire JSON. */
export function toWireMaps(maps: AttentionMaps): WireAttentionMaps {
  const wire: WireAttentionMaps = {};
  if (maps.encoder) wire.encoder = toWireStack(maps.encoder);
  if (maps.decoder) wire.decoder = toWireStack(maps.decoder);
  if (maps.cross) wire.cross = toWireStack(maps.cross);
  return wire;
}

/** Query `query`'s row in every layer and head, over its first `keys` keys (the rest masked). */
export function toWireRows(stack: AttentionStack, query: number, keys = stack.keys): WireAttentionRows {
  const values: number[] = [];
  for (let layer = 0; layer < stack.layers; layer++) {
    for (let head = 0; head < stack.heads; head++) {
      const row = attentionRow(stack, layer, head, query);
      for (let key = 0; key < keys; key++) values.push(round(row[key] ?? 0));
    }
  }
  return { layers: stack.layers, heads: stack.heads, keys, values };
}

/**
 * Throws `payload-too-large` when `output` would not fit one message of `limit` bytes, with advice in the
 * student's terms; returns `output` otherwise.
 */
export function ensureFitsMessage<T>(output: T, what: string, limit = maxMessageBytes): T {
  const bytes = Buffer.byteLength(JSON.stringify(output), 'utf8');
  if (bytes + envelopeBytes > limit) {
    const mb = (n: number) =>
      n >= 1024 * 1024 ? `${(n / (1024 * 1024)).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`;
    throw new LabError(
      'payload-too-large',
      `The ${what} is too large to send (${mb(bytes)}; one message holds at most ${mb(limit)}). ` +
        'Use a shorter text or a model with fewer layers or heads.',
    );
  }
  return output;
}

/**
 * The `attention:compute` answer (also `train:attention`'s): `text` — and for T5 the `target` so far — through
 * `model`, as tokens, flags and every map on the wire, refused when larger than `limit`.
 */
export function attentionAnswer(
  model: TransformerModel,
  vocab: Vocabulary,
  request: { text: string; target?: string | undefined },
  limit = maxMessageBytes,
) {
  const { text, target } = request;
  const result = attendText(model, vocab, target === undefined ? { text } : { text, target });
  const output = {
    family: result.family,
    tokens: result.tokens,
    truncated: result.isTruncated.input || result.isTruncated.target,
    unknownWords: unknownWords(`${text} ${target ?? ''}`, vocab),
    attention: toWireMaps(result.attention),
  };
  return ensureFitsMessage(output, 'attention for this text', limit);
}
