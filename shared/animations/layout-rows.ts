/**
 * Token rows → boxes on a page: every row of a block shares its columns (position i above position i), and a
 * block too wide for the page wraps onto several lines, each line repeating the row labels. Boxes never
 * overlap: columns are as wide as their widest box plus a gap, lines are stacked with their full height.
 */
import { fitText, textWidth } from '../charts/svg';
import type { RowBlock, TokenCell, TokenRef } from './frame';
import type { Language } from './narration';
import { narrate } from './narration';
import { sizes } from './style';

/** A placed token box. */
export interface PlacedBox {
  ref: TokenRef;
  cell: TokenCell;
  /** The box text, shortened with an ellipsis if it is very long. */
  text: string;
  caption?: string;
  x: number;
  y: number;
  width: number;
  height: number;
  /** Which wrapped line of its block the box is on. */
  line: number;
  /** Baseline of the attention weight under the box (rows whose keys have weights). */
  weightY?: number;
}

/** A row label at the left of one line. */
export interface PlacedLabel {
  text: string;
  x: number;
  /** Vertical centre of the row's boxes. */
  y: number;
}

/** Where the rows went and how tall they are. */
export interface RowsLayout {
  boxes: PlacedBox[];
  labels: PlacedLabel[];
  /** Total height from the `y` given to the bottom of the last line. */
  height: number;
}

/**
 * Where and how wide to lay out; rows in `arcRows` get room above them for attention arcs, rows in
 * `weightRows` a line under them for attention weights.
 */
export interface RowsOptions {
  x: number;
  y: number;
  width: number;
  language: Language;
  arcRows?: ReadonlySet<string>;
  weightRows?: ReadonlySet<string>;
}

/** The width of a box for `cell` (its text or its caption, whichever is wider). */
export function boxWidth(cell: TokenCell, language: Language): number {
  const text = textWidth(cell.text, sizes.tokenFont) + 2 * sizes.boxPadding;
  const caption = cell.caption ? textWidth(narrate(cell.caption, language), sizes.captionFont) + 8 : 0;
  return Math.min(sizes.boxMaxWidth, Math.max(sizes.boxMinWidth, text, caption));
}

/** Cuts column widths into lines no wider than `available` (at least one column a line). */
function wrapColumns(widths: readonly number[], available: number): number[][] {
  const lines: number[][] = [];
  let line: number[] = [];
  let used = 0;
  widths.forEach((width, column) => {
    const needed = line.length === 0 ? width : used + sizes.boxGap + width;
    if (line.length > 0 && needed > available) {
      lines.push(line);
      line = [];
      used = width;
    } else {
      used = needed;
    }
    line.push(column);
  });
  if (line.length > 0) lines.push(line);
  return lines;
}

/** Lays out `blocks` from the top left (`x`, `y`) down. */
export function layoutRows(blocks: readonly RowBlock[], options: RowsOptions): RowsLayout {
  const { language } = options;
  const arcRows = options.arcRows ?? new Set<string>();
  const weightRows = options.weightRows ?? new Set<string>();
  const boxes: PlacedBox[] = [];
  const labels: PlacedLabel[] = [];
  const left = options.x + sizes.labelWidth;
  const available = options.width - sizes.labelWidth;
  let y = options.y;
  // Unaligned blocks are laid out one row at a time.
  const aligned = blocks.flatMap((block) =>
    block.aligned ? [block] : block.rows.map((row) => ({ rows: [row], aligned: true })),
  );
  aligned.forEach((block, b) => {
    if (b > 0) y += sizes.blockGap;
    const columns = Math.max(0, ...block.rows.map((row) => row.tokens.length));
    const widths = Array.from({ length: columns }, (_, c) =>
      Math.max(
        sizes.boxMinWidth,
        ...block.rows.map((row) => (row.tokens[c] ? boxWidth(row.tokens[c], language) : 0)),
      ),
    );
    const lines = columns === 0 ? [[]] : wrapColumns(widths, available);
    lines.forEach((line, l) => {
      if (l > 0) y += sizes.lineGap;
      block.rows.forEach((row, r) => {
        if (r > 0) y += sizes.rowGap;
        if (arcRows.has(row.id)) y += sizes.arcSpace;
        labels.push({ text: narrate(row.label, language), x: options.x, y: y + sizes.boxHeight / 2 });
        let x = left;
        const hasCaption = line.some((column) => row.tokens[column]?.caption !== undefined);
        const below = y + sizes.boxHeight + (hasCaption ? sizes.captionSpace : 0);
        const hasWeights = weightRows.has(row.id);
        for (const column of line) {
          const cell = row.tokens[column];
          const width = widths[column] ?? sizes.boxMinWidth;
          if (cell) {
            const caption = cell.caption ? narrate(cell.caption, language) : undefined;
            boxes.push({
              ref: { row: row.id, index: column },
              cell,
              text: fitText(cell.text, sizes.tokenFont, width - 2 * sizes.boxPadding + 4),
              ...(caption !== undefined ? { caption: fitText(caption, sizes.captionFont, width) } : {}),
              x,
              y,
              width,
              height: sizes.boxHeight,
              line: l,
              ...(hasWeights ? { weightY: below + 16 } : {}),
            });
          }
          x += width + sizes.boxGap;
        }
        y = below + (hasWeights ? sizes.weightSpace : 0);
      });
    });
  });
  return { boxes, labels, height: y - options.y };
}

/** The placed box of `ref`, if it was laid out. */
export function boxOf(layout: { boxes: readonly PlacedBox[] }, ref: TokenRef): PlacedBox | undefined {
  return layout.boxes.find((box) => box.ref.row === ref.row && box.ref.index === ref.index);
}
