/**
 * Keyboard focus over the cells of one or more panels: arrow keys move one cell, and at a panel's edge carry on
 * into the next panel in that direction along the shared axis (in the triptych, right from the cross rectangle
 * enters the decoder triangle on the same target row, down enters the encoder square on the same input column).
 * The overview moves between whole panels the same way.
 */
import type { CellPanel } from './cells';
import { cellAtPoint, cellBounds, formatWeight } from './cells';
import type { Language } from './figure-text';
import { figureText } from './figure-text';
import { isMaskedCell, weightAt } from './matrix';

/** A focused cell: which panel, query row and key column. */
export interface CellFocus {
  panel: number;
  row: number;
  col: number;
}

/** What a key asks for. */
export type FocusMove =
  'left' | 'right' | 'up' | 'down' | 'rowStart' | 'rowEnd' | 'columnStart' | 'columnEnd';

const keyMoves: Record<string, FocusMove> = {
  ArrowLeft: 'left',
  ArrowRight: 'right',
  ArrowUp: 'up',
  ArrowDown: 'down',
  Home: 'rowStart',
  End: 'rowEnd',
  PageUp: 'columnStart',
  PageDown: 'columnEnd',
};

/** The move of a keyboard key, or null for keys that do not move focus. */
export function keyToMove(key: string): FocusMove | null {
  return keyMoves[key] ?? null;
}

type Direction = 'left' | 'right' | 'up' | 'down';
type Box = { x: number; y: number; width: number; height: number };

/** The nearest panel beyond `from` in `direction` whose span crosses the point's line, or -1. */
export function panelInDirection(
  panels: readonly Box[],
  from: number,
  point: { x: number; y: number },
  direction: Direction,
): number {
  const source = panels[from];
  if (!source) return -1;
  let best = -1;
  let bestDistance = Infinity;
  panels.forEach((panel, i) => {
    if (i === from) return;
    const isHorizontal = direction === 'left' || direction === 'right';
    const crosses = isHorizontal
      ? point.y >= panel.y && point.y < panel.y + panel.height
      : point.x >= panel.x && point.x < panel.x + panel.width;
    if (!crosses) return;
    const distance =
      direction === 'right'
        ? panel.x - (source.x + source.width)
        : direction === 'left'
          ? source.x - (panel.x + panel.width)
          : direction === 'down'
            ? panel.y - (source.y + source.height)
            : source.y - (panel.y + panel.height);
    if (distance >= 0 && distance < bestDistance) {
      best = i;
      bestDistance = distance;
    }
  });
  return best;
}

/** Moves a cell focus; stays put at the outer edges. */
export function moveFocus(panels: readonly CellPanel[], focus: CellFocus, move: FocusMove): CellFocus {
  const panel = panels[focus.panel];
  if (!panel) return focus;
  const { rows, cols } = panel.matrix;
  if (move === 'rowStart') return { ...focus, col: 0 };
  if (move === 'rowEnd') return { ...focus, col: cols - 1 };
  if (move === 'columnStart') return { ...focus, row: 0 };
  if (move === 'columnEnd') return { ...focus, row: rows - 1 };
  const step = { left: [0, -1], right: [0, 1], up: [-1, 0], down: [1, 0] }[move];
  const row = focus.row + (step[0] ?? 0);
  const col = focus.col + (step[1] ?? 0);
  if (row >= 0 && row < rows && col >= 0 && col < cols) return { ...focus, row, col };
  const cell = cellBounds(panel, focus.row, focus.col);
  const centre = { x: cell.x + cell.w / 2, y: cell.y + cell.h / 2 };
  const next = panelInDirection(panels, focus.panel, centre, move);
  const target = panels[next];
  if (!target) return focus;
  // Enter the next panel at its near edge, on the same row (horizontal) or column (vertical) line.
  const edgeX = move === 'right' ? target.x : move === 'left' ? target.x + target.width - 0.5 : centre.x;
  const edgeY = move === 'down' ? target.y : move === 'up' ? target.y + target.height - 0.5 : centre.y;
  const entered = cellAtPoint(target, edgeX, edgeY);
  return entered ? { panel: next, ...entered } : focus;
}

/** Moves the focus between whole panels (the overview): arrows go to the neighbouring panel. */
export function movePanelFocus(panels: readonly Box[], index: number, move: FocusMove): number {
  const panel = panels[index];
  if (!panel) return index;
  const direction: Direction | null =
    move === 'left' || move === 'right' || move === 'up' || move === 'down' ? move : null;
  if (!direction) {
    const sameRow = panels.map((p, i) => ({ p, i })).filter(({ p }) => p.y === panel.y);
    const sameColumn = panels.map((p, i) => ({ p, i })).filter(({ p }) => p.x === panel.x);
    const pick =
      move === 'rowStart'
        ? sameRow[0]
        : move === 'rowEnd'
          ? sameRow.at(-1)
          : move === 'columnStart'
            ? sameColumn[0]
            : sameColumn.at(-1);
    return pick?.i ?? index;
  }
  const next = panelInDirection(
    panels,
    index,
    { x: panel.x + panel.width / 2, y: panel.y + panel.height / 2 },
    direction,
  );
  return next >= 0 ? next : index;
}

/** What a screen reader hears for a cell: "query “love” → key “i”: 0.85", or that the cell is masked. */
export function cellReadout(
  panel: CellPanel,
  focus: Pick<CellFocus, 'row' | 'col'>,
  tokens: { rows: readonly string[]; cols: readonly string[] },
  prefix = '',
  language: Language = 'en',
): string {
  const words = figureText(language).readout;
  const pair = words.pair(
    tokens.rows[focus.row] ?? String(focus.row),
    tokens.cols[focus.col] ?? String(focus.col),
  );
  const value = isMaskedCell(panel.mask, focus.row, focus.col)
    ? words.masked
    : formatWeight(weightAt(panel.matrix, focus.row, focus.col));
  return `${prefix}${pair}: ${value}`;
}
