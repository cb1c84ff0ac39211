import { describe, expect, it } from 'vitest';
import type { AttentionData } from '../../../shared/charts/attention-view';
import { attentionFigure } from '../../../shared/charts/attention-view';
import { causalMask, crossMask, fullMask, maskRows } from '../../../shared/attention/masks';
import { maskPattern, maxPadding, padToken, triptychPattern } from '../../../shared/charts/mask-pattern';
import { softmaxStack } from './fixtures';

const bert = { family: 'bert', tokens: { input: ['[CLS]', 'i', 'love', '[SEP]'] } } as const;
const gpt = { family: 'gpt', tokens: { input: ['<bos>', 'i', 'love'] } } as const;
const t5 = {
  family: 't5',
  tokens: { input: ['i', '<X>', 'car'], target: ['[PAD]', '<X>', 'love'] },
} as const;

describe('mask-pattern', () => {
  it('without padding is each kind’s own mask: full, causal (GPT on its input, T5 on its target), cross', () => {
    expect(maskPattern(bert, 'encoder')).toEqual({
      rows: bert.tokens.input,
      cols: bert.tokens.input,
      mask: fullMask(4),
    });
    expect(maskPattern(gpt, 'decoder').mask).toEqual(causalMask(3));
    expect(maskPattern(t5, 'decoder')).toEqual({
      rows: t5.tokens.target,
      cols: t5.tokens.target,
      mask: causalMask(3),
    });
    expect(maskPattern(t5, 'cross')).toEqual({
      rows: t5.tokens.target,
      cols: t5.tokens.input,
      mask: crossMask(3, 3),
    });
  });

  it('pads the input: no query may attend to a [PAD] key, every query still sees the real ones', () => {
    const { rows, cols, mask } = maskPattern(bert, 'encoder', 2);
    expect(cols).toEqual([...bert.tokens.input, padToken, padToken]);
    expect(rows).toEqual(cols);
    for (const row of maskRows(mask)) expect(row).toEqual([1, 1, 1, 1, 0, 0]);
  });

  it('combines padding with the causal mask for GPT (a [PAD] query does not even see itself)', () => {
    expect(maskRows(maskPattern(gpt, 'decoder', 1).mask)).toEqual([
      [1, 0, 0, 0],
      [1, 1, 0, 0],
      [1, 1, 1, 0],
      [1, 1, 1, 0],
    ]);
  });

  it('pads T5’s input only: cross columns of [PAD] are masked, the decoder’s triangle is unchanged', () => {
    const { inputTokens, targetTokens, masks } = triptychPattern(t5, 1);
    expect(inputTokens).toEqual(['i', '<X>', 'car', padToken]);
    expect(targetTokens).toEqual(t5.tokens.target);
    expect(maskRows(masks.cross)).toEqual([
      [1, 1, 1, 0],
      [1, 1, 1, 0],
      [1, 1, 1, 0],
    ]);
    expect(masks.decoder).toEqual(causalMask(3));
    expect(maskRows(masks.encoder)[3]).toEqual([1, 1, 1, 0]);
  });

  it('appends at most maxPadding tokens', () => {
    expect(maskPattern(gpt, 'decoder', 100).cols).toHaveLength(3 + maxPadding);
  });
});

describe('attention-view with padding and chosen heads', () => {
  const data: AttentionData = {
    ...gpt,
    attention: { decoder: softmaxStack({ layers: 1, heads: 3, queries: 3, keys: 3 }, 7, causalMask(3)) },
  };

  it('draws the padded mask: wider, with [PAD] labels, from the same function as without', () => {
    const plain = attentionFigure(data, { view: 'mask' });
    const padded = attentionFigure(data, { view: 'mask', padding: 2 });
    expect(padded.width).toBeGreaterThan(plain.width);
    expect(padded.svg.split('[PAD]').length - 1).toBe(4); // two row labels and two column labels
    expect(plain.svg).not.toContain('[PAD]');
  });

  it('draws only the heads asked for in the lines view and names them in the title and caption', () => {
    const figure = attentionFigure(data, { view: 'lines', heads: [0, 2], caption: { text: 'i love' } });
    expect(figure.svg).toContain('layer 0, heads 0, 2');
    expect(figure.svg).toContain('Head: 0, 2');
    expect(figure.svg).not.toContain('>head 1<');
    expect(attentionFigure(data, { view: 'lines', head: 1 }).svg).toContain('layer 0, head 1');
  });
});
