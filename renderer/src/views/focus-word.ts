/**
 * The cell a word points at in a cell figure: the word's row (its first occurrence, in the first panel that
 * has it) and, in that row, the key the word attends to most — the cell a teacher talks about ("love" reads
 * "car"). Masked cells are never chosen.
 */
import type { CellFocus } from '../../../shared/charts/cell-focus';
import { isMaskedCell, weightAt } from '../../../shared/charts/matrix';
import type { CellFigure } from './screen-figure';

/** The focused cell for `word` (case-insensitive), or null when no panel has it as a row. */
export function focusOfWord(figure: CellFigure, word: string): CellFocus | null {
  const wanted = word.trim().toLowerCase();
  for (let panel = 0; panel < figure.panels.length; panel++) {
    const rows = figure.info[panel]?.rows ?? [];
    const cells = figure.panels[panel];
    const row = rows.findIndex((token) => token.toLowerCase() === wanted);
    if (row < 0 || !cells) continue;
    let best = { col: row < cells.matrix.cols ? row : 0, weight: -1 };
    for (let col = 0; col < cells.matrix.cols; col++) {
      const weight = weightAt(cells.matrix, row, col);
      if (!isMaskedCell(cells.mask, row, col) && weight > best.weight) best = { col, weight };
    }
    return { panel, row, col: best.col };
  }
  return null;
}
