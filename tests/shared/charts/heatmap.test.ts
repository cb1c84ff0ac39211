import { describe, expect, it } from 'vitest';
import { causalMask, crossMask, paddingMask } from '../../../shared/attention/masks';
import { lutColor, lutIndex, maskedStyle } from '../../../shared/charts/color';
import { parseColor } from '../../../shared/charts/color-math';
import { heatmapLayout, heatmapSvg } from '../../../shared/charts/heatmap';
import { headMatrix } from '../../../shared/charts/matrix';
import { chapterTokens, softmaxStack, t5Input, t5Target } from './fixtures';
import { isNeutralGrey, pixelsIn, renderSvg } from './render-svg';

const n = chapterTokens.length;
const causal = causalMask(n);
const matrix = headMatrix(softmaxStack({ layers: 1, heads: 1, queries: n, keys: n }, 4, causal), 0, 0);
const caption = {
  model: 'GPT (decoder-only)',
  checkpoint: 'tiny-gpt',
  layer: 0,
  head: 0,
  text: 'I love this red car',
  date: '2026-11-26',
};

describe('heatmap', () => {
  it('marks exactly the cells above the diagonal of a causal map as masked', () => {
    const layout = heatmapLayout(matrix, chapterTokens, { mask: causal });
    expect(layout.cells).toHaveLength(n * n);
    for (const cell of layout.cells) expect(cell.isMasked).toBe(cell.col > cell.row);
  });

  it('fills masked cells with the hatch pattern and the others with their scale colour', () => {
    const layout = heatmapLayout(matrix, chapterTokens, { mask: causal, showValues: false });
    const svg = heatmapSvg(layout);
    const rects = [
      ...svg.matchAll(/<rect x="[^"]+" y="[^"]+" width="[^"]+" height="[^"]+" fill="([^"]+)"\/>/g),
    ].map((m) => m[1]);
    const fills = rects.slice(-n * n);
    layout.cells.forEach((cell, i) => {
      const expected = cell.isMasked
        ? 'url(#al-masked)'
        : `#${lutColor('viridis', lutIndex(cell.value, [0, 1]))
            .map((c) => c.toString(16).padStart(2, '0'))
            .join('')}`;
      expect(fills[i]).toBe(expected);
    });
  });

  it('draws masked cells grey and hatched and allowed cells in their colour, pixel by pixel', () => {
    const scale = 2;
    const layout = heatmapLayout(matrix, chapterTokens, { mask: causal, showValues: false, caption });
    const image = renderSvg(heatmapSvg(layout), scale);
    const style = maskedStyle('light');
    const [fillGrey] = parseColor(style.fill);
    const [hatchGrey] = parseColor(style.hatch);
    for (const cell of layout.cells) {
      const rect = { x: cell.x * scale, y: cell.y * scale, w: cell.w * scale, h: cell.h * scale };
      const pixels = pixelsIn(image, rect, 2);
      expect(pixels.length).toBeGreaterThan(100);
      if (cell.isMasked) {
        // Only greys between the hatch lines (anti-aliased, a little darker) and the fill.
        const shades = pixels.filter(isNeutralGrey).map((pixel) => pixel[0]);
        expect(shades).toHaveLength(pixels.length);
        expect(Math.min(...shades)).toBeGreaterThanOrEqual(hatchGrey - 6);
        expect(Math.max(...shades)).toBeLessThanOrEqual(fillGrey + 1);
        // Both the fill and the hatch lines show.
        expect(Math.max(...shades)).toBeGreaterThanOrEqual(fillGrey - 1);
        expect(Math.min(...shades)).toBeLessThanOrEqual(hatchGrey + 2);
      } else {
        const expected = lutColor('viridis', lutIndex(cell.value, [0, 1]));
        const off = pixels.filter((pixel) => pixel.some((c, i) => c !== expected[i]));
        expect(off).toEqual([]);
        expect(isNeutralGrey([...expected])).toBe(false);
      }
    }
  });

  it('has as many rows as target tokens and as many columns as input tokens for cross-attention', () => {
    const stack = softmaxStack({ layers: 1, heads: 1, queries: t5Target.length, keys: t5Input.length }, 9);
    const layout = heatmapLayout(
      headMatrix(stack, 0, 0),
      { rows: t5Target, cols: t5Input },
      { mask: crossMask(6, 4) },
    );
    expect(new Set(layout.cells.map((cell) => cell.row)).size).toBe(t5Target.length);
    expect(new Set(layout.cells.map((cell) => cell.col)).size).toBe(t5Input.length);
    expect(layout.panel.width / layout.panel.height).toBeCloseTo(t5Input.length / t5Target.length);
    expect(layout.cells.some((cell) => cell.isMasked)).toBe(false);
    const texts = layout.labels.map((label) => label.text);
    for (const token of [...t5Input, ...t5Target]) expect(texts).toContain(token);
  });

  it('shows padding as masked key columns', () => {
    const mask = paddingMask([1, 1, 1, 0, 0]);
    const stack = softmaxStack({ layers: 1, heads: 1, queries: 5, keys: 5 }, 2, mask);
    const layout = heatmapLayout(headMatrix(stack, 0, 0), ['I', 'love', 'it', '[PAD]', '[PAD]'], { mask });
    for (const cell of layout.cells) expect(cell.isMasked).toBe(cell.col >= 3);
  });

  it('writes an escaped, parseable SVG with the tokens, weights, legend and caption', () => {
    const tokens = ['<X>', 'love', '&', '"red"', 'car'];
    const svg = heatmapSvg(
      heatmapLayout(matrix, tokens, { mask: causal, caption, title: 'Causal <self> attention' }),
    );
    expect(() => renderSvg(svg)).not.toThrow();
    for (const text of [
      '&lt;X&gt;',
      '&amp;',
      '&quot;red&quot;',
      'Causal &lt;self&gt; attention',
      'Model: GPT (decoder-only)',
      'Text: “I love this red car”',
      'Date: 2026-11-26',
      'attention weight',
      'masked (not allowed)',
    ]) {
      expect(svg).toContain(text);
    }
    expect(svg).toContain(`>${(matrix.values[0] ?? 0).toFixed(2)}<`);
  });

  it('draws the same figure in the dark theme on a dark background', () => {
    const layout = heatmapLayout(matrix, chapterTokens, { mask: causal, theme: 'dark' });
    const image = renderSvg(heatmapSvg(layout));
    expect(image.pixels[0]).toBeLessThan(40);
  });

  it('rejects tokens that do not match the matrix, and masks of another shape', () => {
    expect(() => heatmapLayout(matrix, ['I', 'love'])).toThrow(/tokens do not label a 5×5/);
    expect(() => heatmapLayout(matrix, chapterTokens, { mask: causalMask(4) })).toThrow(/mask is 4×4/);
    expect(() => heatmapLayout({ rows: 2, cols: 2, values: [1, 0, 0] }, ['a', 'b'])).toThrow(
      /holds 3 values/,
    );
  });
});
