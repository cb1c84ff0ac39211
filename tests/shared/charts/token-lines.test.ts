import { describe, expect, it } from 'vitest';
import { causalMask } from '../../../shared/attention/masks';
import { headColor } from '../../../shared/charts/color';
import { headMatrix, weightAt } from '../../../shared/charts/matrix';
import { tokenLinesLayout, tokenLinesSvg } from '../../../shared/charts/token-lines';
import { chapterTokens, softmaxStack, t5Input, t5Target } from './fixtures';
import { renderSvg } from './render-svg';

const stack = softmaxStack({ layers: 2, heads: 3, queries: 5, keys: 5 }, 8);

describe('token lines', () => {
  it('draws a line per head, query and key, with opacity = weight and the head colour', () => {
    const layout = tokenLinesLayout(stack, 1, chapterTokens, { minWeight: 0 });
    expect(layout.lines).toHaveLength(3 * 5 * 5);
    for (const line of layout.lines) {
      const weight = weightAt(headMatrix(stack, 1, line.head), line.query, line.key);
      expect(line.weight).toBe(weight);
      expect(line.opacity).toBeCloseTo(weight, 6);
      expect(line.color).toBe(headColor(line.head));
      expect(line.y1).toBe(layout.queryY[line.query]);
      expect(line.y2).toBe(layout.keyY[line.key]);
      expect(line.x1).toBeLessThan(line.x2);
    }
  });

  it('draws only the chosen heads and, when focused, only one query', () => {
    const layout = tokenLinesLayout(stack, 0, chapterTokens, { heads: [2], focusQuery: 3, minWeight: 0 });
    expect(layout.lines).toHaveLength(5);
    expect(new Set(layout.lines.map((line) => `${line.head}:${line.query}`))).toEqual(new Set(['2:3']));
    expect(layout.headKeys.map((key) => key.head)).toEqual([2]);
  });

  it('leaves out light and masked lines', () => {
    const mask = causalMask(5);
    const causal = softmaxStack({ layers: 1, heads: 2, queries: 5, keys: 5 }, 4, mask);
    const layout = tokenLinesLayout(causal, 0, chapterTokens, { mask, minWeight: 0.05 });
    for (const line of layout.lines) {
      expect(line.key).toBeLessThanOrEqual(line.query);
      expect(line.weight).toBeGreaterThanOrEqual(0.05);
    }
  });

  it('joins target queries to input keys for cross-attention, in a parseable SVG', () => {
    const cross = softmaxStack({ layers: 1, heads: 2, queries: 6, keys: 4 }, 6);
    const layout = tokenLinesLayout(
      cross,
      0,
      { rows: t5Target, cols: t5Input },
      { caption: { text: 'I <X> this <Y>' } },
    );
    expect(layout.queryY).toHaveLength(6);
    expect(layout.keyY).toHaveLength(4);
    const svg = tokenLinesSvg(layout);
    expect(() => renderSvg(svg)).not.toThrow();
    expect(svg).toContain('&lt;Z&gt;');
    expect(svg).toContain('Text: “I &lt;X&gt; this &lt;Y&gt;”');
  });
});
