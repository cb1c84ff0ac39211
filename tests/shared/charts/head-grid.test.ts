import { describe, expect, it } from 'vitest';
import { causalMask } from '../../../shared/attention/masks';
import { columnName, gridHit, headGridLayout, headGridSvg } from '../../../shared/charts/head-grid';
import { headAverage, headMatrix } from '../../../shared/charts/matrix';
import { stackRollout } from '../../../shared/charts/rollout';
import { softmaxStack } from './fixtures';
import { renderSvg } from './render-svg';

const mask = causalMask(5);
const stack = softmaxStack({ layers: 3, heads: 4, queries: 5, keys: 5 }, 21, mask);

describe('head grid', () => {
  it('lays out every head of every layer, then the head average and the rollout', () => {
    const layout = headGridLayout(stack, { mask });
    expect(layout.panels).toHaveLength(3 * (4 + 2));
    const firstRow = layout.panels.filter((panel) => panel.layer === 0);
    expect(firstRow.map((panel) => columnName(panel.column))).toEqual([
      'head 0',
      'head 1',
      'head 2',
      'head 3',
      'average',
      'rollout',
    ]);
    const rollout = stackRollout(stack);
    for (const panel of layout.panels) {
      const expected =
        panel.column.kind === 'head'
          ? headMatrix(stack, panel.layer, panel.column.head)
          : panel.column.kind === 'average'
            ? headAverage(stack, panel.layer)
            : rollout[panel.layer];
      expect(Array.from(panel.matrix.values)).toEqual(Array.from(expected?.values ?? []));
      expect(panel.mask).toBe(mask);
    }
  });

  it('puts panels of one layer on one row and of one column in one column, without overlaps', () => {
    const layout = headGridLayout(stack);
    for (const panel of layout.panels) {
      const sameRow = layout.panels.filter((other) => other.layer === panel.layer);
      expect(new Set(sameRow.map((other) => other.y))).toEqual(new Set([panel.y]));
      for (const other of layout.panels) {
        if (other === panel) continue;
        const overlaps =
          panel.x < other.x + other.width &&
          other.x < panel.x + panel.width &&
          panel.y < other.y + other.height &&
          other.y < panel.y + panel.height;
        expect(overlaps).toBe(false);
      }
      expect(panel.x + panel.width).toBeLessThanOrEqual(layout.width);
      expect(panel.y + panel.height).toBeLessThanOrEqual(layout.height);
    }
  });

  it('leaves out the rollout for cross-attention (not square)', () => {
    const cross = softmaxStack({ layers: 2, heads: 2, queries: 6, keys: 4 }, 3);
    const layout = headGridLayout(cross);
    expect(layout.panels.map((panel) => panel.column.kind)).not.toContain('rollout');
    expect(layout.panels).toHaveLength(2 * 3);
  });

  it('finds the panel and cell under a point', () => {
    const layout = headGridLayout(stack, { panelSize: 50 });
    const panel = layout.panels.find((p) => p.layer === 2 && p.column.kind === 'head' && p.column.head === 1);
    expect(panel).toBeDefined();
    const hit = gridHit(layout, (panel?.x ?? 0) + 35, (panel?.y ?? 0) + 5);
    expect(hit?.panel).toBe(panel);
    expect([hit?.row, hit?.col]).toEqual([0, 3]);
    expect(gridHit(layout, 1, 1)).toBeNull();
  });

  it('writes a parseable SVG, embedding dense panels as images', () => {
    const small = headGridSvg(headGridLayout(stack, { mask, caption: { text: 'I love this red car' } }));
    expect(() => renderSvg(small)).not.toThrow();
    expect(small).toContain('Text: “I love this red car”');
    expect(small).not.toContain('<image');
    const dense = softmaxStack({ layers: 2, heads: 2, queries: 64, keys: 64 }, 5);
    const svg = headGridSvg(headGridLayout(dense, { panelSize: 64 }));
    expect(svg.match(/<image /g)).toHaveLength(2 * 4);
    const image = renderSvg(svg);
    expect(image.width).toBeGreaterThan(300);
  });
});
