import { interpolateCividis, interpolateMagma, interpolateViridis } from 'd3-scale-chromatic';
import { describe, expect, it } from 'vitest';
import {
  colormapLut,
  colormapNames,
  headColor,
  headDash,
  headPalette,
  legendModel,
  lutColor,
  lutIndex,
  maskLegendModel,
  maskedStyle,
  weightColor,
} from '../../../shared/charts/color';
import { colorDistance, parseColor, relativeLuminance, toLab } from '../../../shared/charts/color-math';

const reference = { viridis: interpolateViridis, cividis: interpolateCividis, magma: interpolateMagma };

describe('color', () => {
  it('samples each scale at 256 points, matching d3 at every entry', () => {
    for (const name of colormapNames) {
      const lut = colormapLut(name);
      expect(lut).toHaveLength(256 * 3);
      for (const i of [0, 1, 64, 128, 200, 255]) {
        expect(lutColor(name, i)).toEqual(parseColor(reference[name](i / 255)));
      }
    }
  });

  it('maps weights to entries through the domain, clamping outside it', () => {
    expect(lutIndex(0, [0, 1])).toBe(0);
    expect(lutIndex(1, [0, 1])).toBe(255);
    expect(lutIndex(0.5, [0, 1])).toBe(128);
    expect(lutIndex(0.25, [0, 0.5])).toBe(128);
    expect(lutIndex(-3, [0, 1])).toBe(0);
    expect(lutIndex(7, [0, 1])).toBe(255);
    expect(lutIndex(Number.NaN, [0, 1])).toBe(0);
    expect(weightColor('viridis', 0, [0, 1])).toBe('#440154');
    expect(weightColor('viridis', 1, [0, 1])).toBe('#fde725');
  });

  it('keeps the masked grey and its hatch clearly apart from the low end of every scale', () => {
    for (const theme of ['light', 'dark'] as const) {
      const style = maskedStyle(theme);
      for (const color of [style.fill, style.hatch]) {
        expect(toLab(parseColor(color))[1]).toBeCloseTo(0, 0); // neutral: no red–green component
        for (const name of colormapNames) {
          // The lowest quarter of the scale (weights below 0.25 with the default domain).
          for (let i = 0; i < 64; i++) {
            expect(
              colorDistance(parseColor(color), lutColor(name, i)),
              `${theme} ${color} vs ${name}[${i}]`,
            ).toBeGreaterThan(20);
          }
        }
      }
    }
  });

  it('keeps the masked fill distinguishable from every colour of every scale', () => {
    for (const theme of ['light', 'dark'] as const) {
      for (const name of colormapNames) {
        for (let i = 0; i < 256; i++) {
          expect(colorDistance(parseColor(maskedStyle(theme).fill), lutColor(name, i))).toBeGreaterThan(15);
        }
      }
    }
  });

  it('makes the lightness of each scale rise monotonically (perceptually ordered)', () => {
    for (const name of colormapNames) {
      const lightness = Array.from({ length: 256 }, (_, i) => toLab(lutColor(name, i))[0]);
      for (let i = 8; i < 256; i += 8) expect(lightness[i]).toBeGreaterThan(lightness[i - 8] ?? 0);
      expect(relativeLuminance(lutColor(name, 255))).toBeGreaterThan(relativeLuminance(lutColor(name, 0)));
    }
  });

  it('gives heads distinct colours, and a dash once colours repeat', () => {
    const colors = headPalette.map((_, head) => headColor(head));
    expect(new Set(colors).size).toBe(headPalette.length);
    for (let i = 0; i < colors.length; i++) {
      for (let j = i + 1; j < colors.length; j++) {
        expect(colorDistance(parseColor(colors[i] ?? ''), parseColor(colors[j] ?? ''))).toBeGreaterThan(20);
      }
    }
    expect(headDash(0)).toBe('');
    expect(headColor(headPalette.length)).toBe(headColor(0));
    expect(headDash(headPalette.length)).not.toBe('');
  });

  it('builds a legend with five ticks over the domain and a masked swatch', () => {
    const legend = legendModel('magma', [0, 1], 'light');
    expect(legend.ticks.map((tick) => tick.label)).toEqual(['0', '0.25', '0.5', '0.75', '1']);
    expect(legend.stops[0]?.color).toBe(weightColor('magma', 0, [0, 1]));
    expect(legend.stops.at(-1)?.color).toBe(weightColor('magma', 1, [0, 1]));
    expect(legend.masked.fill).toBe(maskedStyle('light').fill);
    expect(legendModel('viridis', [0, 0.04], 'dark').ticks.map((tick) => tick.label)).toEqual([
      '0',
      '0.01',
      '0.02',
      '0.03',
      '0.04',
    ]);
    expect(maskLegendModel('viridis', 'light').kind).toBe('mask');
  });
});
