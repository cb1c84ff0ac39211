/**
 * A small picture for each place. The model families show their attention pattern from the chapter's figures:
 * the full square of encoder self-attention, the T5 triptych (encoder square, cross rectangle, causal triangle)
 * and the causal lower triangle, with masked cells drawn as outlines rather than as faint weights.
 */
import type { PlaceId } from './places';

const size = 5; // "I love this red car": five tokens

/** A deterministic attention-like weight in [0.15, 1]: strongest on and near the diagonal. */
function weight(row: number, column: number): number {
  const near = 1 / (1 + Math.abs(row - column));
  const texture = ((row * 7 + column * 13) % 5) / 10;
  return Math.min(1, 0.15 + 0.6 * near + texture * 0.5);
}

function Grid(props: {
  x: number;
  y: number;
  rows: number;
  columns: number;
  cell: number;
  isCausal?: boolean;
}) {
  const cells = [];
  for (let row = 0; row < props.rows; row += 1) {
    for (let column = 0; column < props.columns; column += 1) {
      const isMasked = props.isCausal === true && column > row;
      cells.push(
        <rect
          key={`${row}-${column}`}
          x={props.x + column * props.cell}
          y={props.y + row * props.cell}
          width={props.cell - 1.5}
          height={props.cell - 1.5}
          rx={1}
          className={isMasked ? 'glyph-masked' : 'glyph-cell'}
          fillOpacity={isMasked ? undefined : weight(row, column)}
        />,
      );
    }
  }
  return <g>{cells}</g>;
}

function Picture({ place }: { place: PlaceId }) {
  switch (place) {
    case 'encoder':
      return <Grid x={4} y={4} rows={size} columns={size} cell={8} />;
    case 'decoder':
      return <Grid x={4} y={4} rows={size} columns={size} cell={8} isCausal />;
    case 'encoderDecoder':
      return (
        <>
          {/* As in the chapter's figure: cross-attention top left, causal triangle top right, encoder below. */}
          <Grid x={3} y={5} rows={3} columns={3} cell={6} />
          <Grid x={23} y={5} rows={3} columns={3} cell={6} isCausal />
          <Grid x={3} y={23} rows={3} columns={3} cell={6} />
        </>
      );
    case 'compare':
      return (
        <>
          {/* Three maps side by side: the full square, the cross rectangle, the causal triangle. */}
          <Grid x={2} y={14} rows={3} columns={3} cell={4.6} />
          <Grid x={16} y={14} rows={3} columns={3} cell={4.6} />
          <Grid x={30} y={14} rows={3} columns={3} cell={4.6} isCausal />
        </>
      );
    case 'train':
      return (
        <>
          <path className="glyph-axis" d="M6 6v32h32" />
          <path className="glyph-line" d="M9 10c4 14 8 19 14 22s10 3 13 3" />
        </>
      );
    case 'scaling':
      return (
        <>
          <path className="glyph-axis" d="M6 6v32h32" />
          <path className="glyph-line" d="M9 12l27 22" />
          {[
            [11, 14],
            [17, 18.5],
            [23, 24],
            [29, 28],
            [34, 32.5],
          ].map(([cx, cy]) => (
            <circle key={cx} cx={cx} cy={cy} r={2.2} className="glyph-dot" />
          ))}
        </>
      );
    case 'library':
      return (
        <>
          {/* Three checkpoint folders on a shelf, one lit. */}
          <rect x={7} y={10} width={7} height={24} rx={1.5} className="glyph-frame" />
          <rect x={17} y={8} width={7} height={26} rx={1.5} className="glyph-cell" fillOpacity={0.85} />
          <rect x={27} y={12} width={7} height={22} rx={1.5} className="glyph-frame" />
          <path className="glyph-axis" d="M4 37h36" />
        </>
      );
    case 'walkthrough':
      return (
        <>
          <rect x={5} y={8} width={34} height={22} rx={3} className="glyph-frame" />
          <path className="glyph-line" d="M12 36h20" />
          <circle cx={15} cy={19} r={2.4} className="glyph-dot" />
          <circle cx={22} cy={19} r={2.4} className="glyph-dot glyph-dot-soft" />
          <circle cx={29} cy={19} r={2.4} className="glyph-dot glyph-dot-soft" />
        </>
      );
    case 'overview':
      return (
        <>
          <rect x={6} y={6} width={14} height={14} rx={3} className="glyph-frame" />
          <rect x={24} y={6} width={14} height={14} rx={3} className="glyph-frame" />
          <rect x={6} y={24} width={14} height={14} rx={3} className="glyph-frame" />
          <rect x={24} y={24} width={14} height={14} rx={3} className="glyph-cell" fillOpacity={0.85} />
        </>
      );
  }
}

/** The glyph of a place, decorative (its name is always written next to it). */
export function PlaceGlyph({ place, className = '' }: { place: PlaceId; className?: string }) {
  return (
    <svg viewBox="0 0 44 44" className={`glyph ${className}`} aria-hidden="true" focusable="false">
      <Picture place={place} />
    </svg>
  );
}
