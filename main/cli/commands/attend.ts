/** `attention-lab attend --checkpoint DIR --text "…" [--target "…"] [--json]`: every attention map of a text. */
import { requiredFlag } from '../args';
import { loadCheckpoint } from '../../engine/checkpoint';
import { startEngine } from '../../engine/engine';
import type { AttentionStack } from '../../engine/infer/attention-stack';
import { attentionMapsToNested, attentionRow } from '../../engine/infer/attention-stack';
import { attendText } from '../../engine/infer/attend';
import type { Command, Output } from '../command';

/** For a terminal: per layer, the key each query attends to most (averaged over heads). */
function printSummary(
  name: string,
  stack: AttentionStack,
  queries: string[],
  keys: string[],
  output: Output,
): void {
  output.out(`${name}: ${stack.layers} layers × ${stack.heads} heads × ${stack.queries} × ${stack.keys}`);
  for (let layer = 0; layer < stack.layers; layer++) {
    const pairs = queries.map((query, q) => {
      const average = new Float64Array(stack.keys);
      for (let head = 0; head < stack.heads; head++) {
        attentionRow(stack, layer, head, q).forEach(
          (p, k) => (average[k] = (average[k] ?? 0) + p / stack.heads),
        );
      }
      const best = average.indexOf(Math.max(...average));
      return `${query}→${keys[best] ?? '?'} (${((average[best] ?? 0) * 100).toFixed(0)}%)`;
    });
    output.out(`  layer ${layer}: ${pairs.join('  ')}`);
  }
}

export const attendCommand: Command = {
  name: 'attend',
  summary: 'Print the tokens of a text and every attention map of a checkpoint ([layer][head][query][key]).',
  flags: {
    checkpoint: {
      type: 'string',
      value: 'DIR',
      description: 'checkpoint folder (from `attention-lab train`)',
    },
    text: { type: 'string', value: 'TEXT', description: 'the text to read (T5: the encoder input)' },
    target: { type: 'string', value: 'TEXT', description: 'T5 only: the target text for the decoder' },
    json: { type: 'boolean', description: 'print one JSON object' },
  },
  async run(flags, output) {
    const dir = requiredFlag(flags, 'checkpoint');
    const text = requiredFlag(flags, 'text');
    const target = typeof flags['target'] === 'string' ? flags['target'] : undefined;
    await startEngine();
    const { model, vocab } = await loadCheckpoint(dir);
    try {
      const result = attendText(model, vocab, { text, ...(target !== undefined ? { target } : {}) });
      if (flags['json']) {
        output.out(
          JSON.stringify({
            model: result.family,
            tokens: result.tokens,
            attention: attentionMapsToNested(result.attention),
            truncated: result.isTruncated,
          }),
        );
        return 0;
      }
      const { input, target: targetTokens = [] } = result.tokens;
      output.out(`${result.family} model; input: ${input.join(' ')}`);
      if (targetTokens.length > 0) output.out(`target (decoder input): ${targetTokens.join(' ')}`);
      if (result.isTruncated.input || result.isTruncated.target)
        output.out('(the text was cut to fit the context)');
      const { encoder, decoder, cross } = result.attention;
      if (encoder) printSummary('encoder self-attention', encoder, input, input, output);
      const decoderTokens = result.family === 'gpt' ? input : targetTokens;
      if (decoder)
        printSummary('decoder causal self-attention', decoder, decoderTokens, decoderTokens, output);
      if (cross) printSummary('cross-attention', cross, targetTokens, input, output);
      return 0;
    } finally {
      model.dispose();
    }
  },
};
