import { describe, expect, it } from 'vitest';
import { causalMask } from '../../../shared/attention/masks';
import { cellReadout, keyToMove, moveFocus, movePanelFocus } from '../../../shared/charts/cell-focus';
import { headGridLayout } from '../../../shared/charts/head-grid';
import { headMatrix } from '../../../shared/charts/matrix';
import { triptychLayout } from '../../../shared/charts/triptych';
import { softmaxStack, t5Input, t5Target } from './fixtures';

const data = {
  inputTokens: t5Input,
  targetTokens: t5Target,
  encoder: headMatrix(softmaxStack({ layers: 1, heads: 1, queries: 4, keys: 4 }, 1), 0, 0),
  cross: headMatrix(softmaxStack({ layers: 1, heads: 1, queries: 6, keys: 4 }, 2), 0, 0),
  decoder: headMatrix(softmaxStack({ layers: 1, heads: 1, queries: 6, keys: 6 }, 3, causalMask(6)), 0, 0),
};
const layout = triptychLayout(data);
const panels = layout.panels.map(({ panel }) => panel);
const index = (part: string) => layout.panels.findIndex((p) => p.part === part);

describe('cell focus', () => {
  it('maps arrow keys, Home/End and PageUp/PageDown to moves, and ignores other keys', () => {
    expect(
      ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown'].map(keyToMove),
    ).toEqual(['left', 'right', 'up', 'down', 'rowStart', 'rowEnd', 'columnStart', 'columnEnd']);
    expect(keyToMove('a')).toBeNull();
  });

  it('moves one cell at a time inside a panel and jumps to row and column ends', () => {
    const cross = index('cross');
    expect(moveFocus(panels, { panel: cross, row: 2, col: 1 }, 'right')).toEqual({
      panel: cross,
      row: 2,
      col: 2,
    });
    expect(moveFocus(panels, { panel: cross, row: 2, col: 1 }, 'up')).toEqual({
      panel: cross,
      row: 1,
      col: 1,
    });
    expect(moveFocus(panels, { panel: cross, row: 2, col: 1 }, 'rowEnd')).toEqual({
      panel: cross,
      row: 2,
      col: 3,
    });
    expect(moveFocus(panels, { panel: cross, row: 2, col: 1 }, 'columnEnd')).toEqual({
      panel: cross,
      row: 5,
      col: 1,
    });
  });

  it('crosses into the next panel along the shared axis of the triptych', () => {
    const [cross, decoder, encoder] = [index('cross'), index('decoder'), index('encoder')];
    // Right from the cross rectangle: the decoder triangle, same target row.
    expect(moveFocus(panels, { panel: cross, row: 4, col: 3 }, 'right')).toEqual({
      panel: decoder,
      row: 4,
      col: 0,
    });
    // Down from the cross rectangle: the encoder square, same input column.
    expect(moveFocus(panels, { panel: cross, row: 5, col: 2 }, 'down')).toEqual({
      panel: encoder,
      row: 0,
      col: 2,
    });
    expect(moveFocus(panels, { panel: encoder, row: 0, col: 2 }, 'up')).toEqual({
      panel: cross,
      row: 5,
      col: 2,
    });
    expect(moveFocus(panels, { panel: decoder, row: 4, col: 0 }, 'left')).toEqual({
      panel: cross,
      row: 4,
      col: 3,
    });
    // Outer edges: nothing beyond, the focus stays.
    expect(moveFocus(panels, { panel: encoder, row: 3, col: 3 }, 'right')).toEqual({
      panel: encoder,
      row: 3,
      col: 3,
    });
    expect(moveFocus(panels, { panel: decoder, row: 0, col: 5 }, 'up')).toEqual({
      panel: decoder,
      row: 0,
      col: 5,
    });
  });

  it('moves between whole panels of the overview', () => {
    const grid = headGridLayout(softmaxStack({ layers: 2, heads: 3, queries: 4, keys: 4 }, 5));
    const at = (layer: number, name: string) =>
      grid.panels.findIndex(
        (p) => p.layer === layer && (p.column.kind === 'head' ? `h${p.column.head}` : p.column.kind) === name,
      );
    expect(movePanelFocus(grid.panels, at(0, 'h0'), 'right')).toBe(at(0, 'h1'));
    expect(movePanelFocus(grid.panels, at(0, 'h2'), 'right')).toBe(at(0, 'average'));
    expect(movePanelFocus(grid.panels, at(0, 'h1'), 'down')).toBe(at(1, 'h1'));
    expect(movePanelFocus(grid.panels, at(1, 'h1'), 'down')).toBe(at(1, 'h1'));
    expect(movePanelFocus(grid.panels, at(1, 'h1'), 'rowEnd')).toBe(at(1, 'rollout'));
  });

  it('reads a cell out with its tokens and weight, or as masked', () => {
    const decoder = panels[index('decoder')];
    if (!decoder) throw new Error('no decoder panel');
    const tokens = { rows: t5Target, cols: t5Target };
    const weight = (decoder.matrix.values[1 * 6 + 0] ?? 0).toFixed(2);
    expect(cellReadout(decoder, { row: 1, col: 0 }, tokens)).toBe(`query “love” → key “<X>”: ${weight}`);
    expect(cellReadout(decoder, { row: 1, col: 3 }, tokens, 'decoder: ')).toBe(
      'decoder: query “love” → key “red”: masked (not allowed)',
    );
  });
});
