import { describe, expect, it } from 'vitest';
import type { AttentionData } from '../../../shared/charts/attention-view';
import {
  attentionFigure,
  attentionOf,
  attentionViews,
  defaultKind,
} from '../../../shared/charts/attention-view';
import { causalMask } from '../../../shared/attention/masks';
import { softmaxStack } from './fixtures';
import { renderSvg } from './render-svg';

const input = ['i', '<extra_id_0>', 'this'];
const target = ['[PAD]', '<extra_id_0>', 'love', 'red'];
const shape = (queries: number, keys: number) => ({ layers: 2, heads: 2, queries, keys });
const t5: AttentionData = {
  family: 't5',
  tokens: { input, target },
  attention: {
    encoder: softmaxStack(shape(3, 3), 1),
    cross: softmaxStack(shape(4, 3), 2),
    decoder: softmaxStack(shape(4, 4), 3, causalMask(4)),
  },
  isTruncated: { input: false, target: true },
};
const gptTokens = ['<bos>', 'i', 'love', 'this', 'red', 'car'];
const gpt: AttentionData = {
  family: 'gpt',
  tokens: { input: gptTokens },
  attention: { decoder: softmaxStack(shape(6, 6), 4, causalMask(6)) },
};

describe('attention view', () => {
  it('picks each family’s own attention and the right tokens and mask for every kind', () => {
    expect([defaultKind('bert'), defaultKind('gpt'), defaultKind('t5')]).toEqual([
      'encoder',
      'decoder',
      'cross',
    ]);
    const cross = attentionOf(t5, 'cross');
    expect([cross.rows, cross.cols]).toEqual([target, input]);
    expect(cross.mask.data.every((allowed) => allowed === 1)).toBe(true);
    const t5Decoder = attentionOf(t5, 'decoder');
    expect(t5Decoder.rows).toEqual(target);
    expect(t5Decoder.mask).toEqual(causalMask(4));
    expect(attentionOf(gpt, 'decoder').rows).toEqual(gptTokens);
    expect(() => attentionOf(gpt, 'encoder')).toThrow(/has no encoder attention \(it has: decoder\)/);
  });

  it('draws every view of a T5 model as a parseable figure of the size it reports', () => {
    for (const view of attentionViews) {
      const figure = attentionFigure(t5, {
        view,
        layer: 1,
        head: 1,
        caption: { checkpoint: 'tiny-t5', date: '2026-11-26' },
      });
      const image = renderSvg(figure.svg);
      expect([image.width, image.height], view).toEqual([figure.width, figure.height]);
      expect(figure.svg).toContain('Checkpoint: tiny-t5');
      expect(figure.svg).toContain('Note: The target was cut to fit the model&apos;s context.');
    }
  });

  it('names the view, layer and head in the title and caption', () => {
    const { svg } = attentionFigure(gpt, {
      view: 'head',
      layer: 1,
      head: 'average',
      caption: { text: 'I love this red car' },
    });
    expect(svg).toContain('Decoder self-attention (causal) — layer 1, head average');
    expect(svg).toContain('Layer: 1  ·  Head: average');
    expect(svg).not.toContain('Note:');
    expect(attentionFigure(gpt, { view: 'lines', layer: 0 }).svg).toContain('layer 0, every head');
  });
});
