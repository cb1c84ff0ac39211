import { describe, expect, it } from 'vitest';
import { causalMask } from '../../../shared/attention/masks';
import { panelCells } from '../../../shared/charts/cells';
import { headMatrix } from '../../../shared/charts/matrix';
import { maskHeatmapLayout, maskTriptychLayout } from '../../../shared/charts/mask-view';
import { triptychLayout, triptychSvg } from '../../../shared/charts/triptych';
import { heatmapSvg } from '../../../shared/charts/heatmap';
import { softmaxStack, t5Input, t5Target } from './fixtures';
import { renderSvg } from './render-svg';

const nIn = t5Input.length;
const nOut = t5Target.length;
const data = {
  inputTokens: t5Input,
  targetTokens: t5Target,
  encoder: headMatrix(softmaxStack({ layers: 1, heads: 1, queries: nIn, keys: nIn }, 1), 0, 0),
  cross: headMatrix(softmaxStack({ layers: 1, heads: 1, queries: nOut, keys: nIn }, 2), 0, 0),
  decoder: headMatrix(
    softmaxStack({ layers: 1, heads: 1, queries: nOut, keys: nOut }, 3, causalMask(nOut)),
    0,
    0,
  ),
};

function panels(layout: ReturnType<typeof triptychLayout>) {
  const byPart = Object.fromEntries(layout.panels.map(({ part, panel }) => [part, panel]));
  const { encoder, cross, decoder } = byPart;
  if (!encoder || !cross || !decoder) throw new Error('missing panel');
  return { encoder, cross, decoder };
}

describe('triptych', () => {
  it('aligns the cross rectangle with the encoder square (columns) and the decoder triangle (rows)', () => {
    const { encoder, cross, decoder } = panels(triptychLayout(data));
    expect([cross.x, cross.width]).toEqual([encoder.x, encoder.width]);
    expect([cross.y, cross.height]).toEqual([decoder.y, decoder.height]);
    expect(encoder.y).toBeGreaterThan(cross.y + cross.height); // the encoder square sits below
    expect(decoder.x).toBeGreaterThan(cross.x + cross.width); // the decoder triangle to the right
    expect(cross.width / nIn).toBeCloseTo(encoder.height / nIn);
    expect(decoder.width / nOut).toBeCloseTo(cross.height / nOut);
  });

  it('gives the cross rectangle target rows × input columns and masks the decoder causally', () => {
    const { encoder, cross, decoder } = panels(triptychLayout(data));
    expect([cross.matrix.rows, cross.matrix.cols]).toEqual([nOut, nIn]);
    expect([encoder.matrix.rows, encoder.matrix.cols]).toEqual([nIn, nIn]);
    for (const cell of panelCells(decoder)) expect(cell.isMasked).toBe(cell.col > cell.row);
    for (const cell of [...panelCells(encoder), ...panelCells(cross)]) expect(cell.isMasked).toBe(false);
  });

  it('writes a parseable SVG with every token, the three titles and the caption', () => {
    const svg = triptychSvg(triptychLayout(data, { caption: { model: 'T5', text: 'I <X> this <Y>' } }));
    expect(() => renderSvg(svg)).not.toThrow();
    for (const text of [
      'cross-attention',
      'decoder self-attention (causal)',
      'encoder self-attention',
      '&lt;Z&gt;',
      'love',
      'Model: T5',
    ]) {
      expect(svg).toContain(text);
    }
  });

  it('rejects maps whose shapes do not fit the tokens', () => {
    expect(() => triptychLayout({ ...data, cross: data.encoder })).toThrow(/tokens do not label/);
  });
});

describe('mask view', () => {
  it('draws the chapter’s three patterns as a triptych of masks with an allowed/masked legend', () => {
    const layout = maskTriptychLayout({ inputTokens: t5Input, targetTokens: t5Target });
    const { encoder, cross, decoder } = panels(layout);
    for (const cell of panelCells(decoder)) expect(cell.isMasked).toBe(cell.col > cell.row);
    expect(panelCells(encoder).every((cell) => !cell.isMasked)).toBe(true);
    expect(panelCells(cross).every((cell) => !cell.isMasked)).toBe(true);
    expect(layout.legend?.model.kind).toBe('mask');
    expect(layout.showValues).toBe(false);
    const svg = triptychSvg(layout);
    expect(svg).toContain('allowed (may attend)');
    expect(() => renderSvg(svg)).not.toThrow();
  });

  it('draws a single causal mask as a heatmap in one colour for every allowed cell', () => {
    const layout = maskHeatmapLayout(causalMask(5), ['I', 'love', 'this', 'red', 'car']);
    const allowed = layout.cells.filter((cell) => !cell.isMasked);
    expect(allowed).toHaveLength(15);
    expect(new Set(allowed.map((cell) => cell.value)).size).toBe(1);
    expect(heatmapSvg(layout)).not.toContain('>0.70<');
  });
});
