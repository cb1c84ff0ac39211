/** `attention-lab generate --checkpoint DIR --prompt "…" [...] [--json]`: GPT continues a prompt, T5 decodes. */
import { intFlag, numberFlag, requiredFlag } from '../args';
import { loadCheckpoint } from '../../engine/checkpoint';
import { startEngine } from '../../engine/engine';
import { attentionRow } from '../../engine/infer/attention-stack';
import { generateText } from '../../engine/infer/generate';
import type { Command } from '../command';

export const generateCommand: Command = {
  name: 'generate',
  summary: 'Generate text with a GPT checkpoint (or decode with a T5 one), token by token.',
  flags: {
    checkpoint: { type: 'string', value: 'DIR', description: 'checkpoint folder (GPT or T5)' },
    prompt: { type: 'string', value: 'TEXT', description: 'GPT: the text to continue; T5: the input' },
    'max-tokens': { type: 'string', value: 'N', description: 'at most N new tokens (default 20)' },
    temperature: {
      type: 'string',
      value: 'T',
      description: '0 = greedy; default 0, or 1 when --top-k or --top-p is given',
    },
    'top-k': { type: 'string', value: 'K', description: 'sample from the K most likely tokens' },
    'top-p': {
      type: 'string',
      value: 'P',
      description: 'sample from the most likely tokens until they reach P',
    },
    seed: { type: 'string', value: 'S', description: 'random seed for sampling (default 0)' },
    json: { type: 'boolean', description: 'print one JSON object' },
  },
  async run(flags, output) {
    const dir = requiredFlag(flags, 'checkpoint');
    const prompt = requiredFlag(flags, 'prompt');
    const isSampling = flags['top-k'] !== undefined || flags['top-p'] !== undefined;
    const request = {
      prompt,
      maxTokens: intFlag(flags, 'max-tokens', 20, 1, 8192),
      temperature: numberFlag(flags, 'temperature', isSampling ? 1 : 0, 0, 100),
      topK: intFlag(flags, 'top-k', 0, 0, 1_000_000),
      topP: numberFlag(flags, 'top-p', 1, Number.MIN_VALUE, 1),
      seed: intFlag(flags, 'seed', 0, -(2 ** 31), 2 ** 31 - 1),
    };
    await startEngine();
    const { model, vocab } = await loadCheckpoint(dir);
    try {
      const result = generateText(model, vocab, request);
      const decoder = result.attention.decoder;
      const generated = result.generated.map((token) => ({
        ...token,
        // The causal attention that chose this token: the row of the query just before it, per layer and head.
        attention: decoder
          ? Array.from({ length: decoder.layers }, (_, layer) =>
              Array.from({ length: decoder.heads }, (_, head) =>
                Array.from(
                  attentionRow(decoder, layer, head, token.position - 1).subarray(0, token.position),
                ),
              ),
            )
          : [],
      }));
      const text = result.generated.map((token) => token.token).join(' ');
      if (flags['json']) {
        output.out(
          JSON.stringify({
            model: result.family,
            tokens: result.tokens,
            generated,
            text,
            stopped_by: result.stoppedBy,
            truncated: result.isTruncated,
          }),
        );
        return 0;
      }
      output.out(`${prompt} ⟶ ${text}`);
      output.out(`(${result.generated.length} tokens; stopped by ${result.stoppedBy})`);
      return 0;
    } finally {
      model.dispose();
    }
  },
};
