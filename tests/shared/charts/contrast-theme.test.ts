import { describe, expect, it } from 'vitest';
import { causalMask } from '../../../shared/attention/masks';
import { colormapNames, lutColor, maskedStyle, themeColors } from '../../../shared/charts/color';
import { colorDistance, parseColor } from '../../../shared/charts/color-math';
import { heatmapLayout, heatmapSvg } from '../../../shared/charts/heatmap';
import { headMatrix } from '../../../shared/charts/matrix';
import { chapterTokens, softmaxStack } from './fixtures';
import { pixelsIn, renderSvg } from './render-svg';
import { contrast } from './wcag';

describe('color (high-contrast theme)', () => {
  it('computes WCAG contrast like the standard: 21:1 for white on black, 4.48:1 for #777777 on white', () => {
    expect(contrast('#ffffff', '#000000')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });

  it('draws text, muted text, lines and the focus at 7:1 or more on its black ground', () => {
    const colors = themeColors('contrast');
    expect(colors.background).toBe('#000000');
    for (const color of [colors.text, colors.mutedText, colors.gridline, colors.focus]) {
      expect(contrast(color, colors.background), color).toBeGreaterThanOrEqual(7);
    }
    // The dark theme's cell borders do not reach even 3:1: one reason the contrast theme exists.
    expect(contrast(themeColors('dark').gridline, themeColors('dark').background)).toBeLessThan(3);
  });

  it('hatches masked cells with lines that show on black and stay apart from the low end of every scale', () => {
    const style = maskedStyle('contrast');
    expect(contrast(style.hatch, '#000000')).toBeGreaterThanOrEqual(4.5);
    expect(contrast(style.hatch, style.fill)).toBeGreaterThanOrEqual(3);
    for (const name of colormapNames) {
      for (let i = 0; i < 64; i++) {
        expect(colorDistance(parseColor(style.hatch), lutColor(name, i))).toBeGreaterThan(20);
      }
      for (let i = 0; i < 256; i++) {
        expect(colorDistance(parseColor(style.fill), lutColor(name, i))).toBeGreaterThan(15);
      }
    }
  });

  it('draws a heatmap on black with white labels, and its masked cells show the light hatch', () => {
    const n = chapterTokens.length;
    const causal = causalMask(n);
    const matrix = headMatrix(softmaxStack({ layers: 1, heads: 1, queries: n, keys: n }, 4, causal), 0, 0);
    const layout = heatmapLayout(matrix, chapterTokens, { mask: causal, theme: 'contrast' });
    const svg = heatmapSvg(layout);
    expect(svg).not.toContain(themeColors('dark').mutedText);
    expect(svg).toContain('fill="#ffffff"');
    const image = renderSvg(svg);
    expect([...image.pixels.slice(0, 3)]).toEqual([0, 0, 0]);
    const masked = layout.cells.find((cell) => cell.isMasked);
    if (!masked) throw new Error('a causal map has masked cells');
    const pixels = pixelsIn(image, { x: masked.x, y: masked.y, w: masked.w, h: masked.h }, 2);
    // Some pixels are the light hatch (not only the dark grey fill).
    expect(pixels.some(([r, g, b]) => r > 140 && g > 140 && b > 140)).toBe(true);
  });
});
