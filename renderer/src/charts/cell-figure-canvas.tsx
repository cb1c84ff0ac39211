/**
 * A laid-out cell figure (heatmap, overview, triptych) on a focusable canvas: hover shows the exact weight,
 * arrow keys move the focused cell (or panel), Enter/click activates, and an aria-live line reads the focused
 * cell aloud — numbers, never colour alone.
 */
import { useEffect, useRef, useState } from 'react';
import type { KeyboardEvent, MouseEvent } from 'react';
import type { CellPanel } from '../../../shared/charts/cells';
import { cellAtPoint } from '../../../shared/charts/cells';
import type { CellFocus } from '../../../shared/charts/cell-focus';
import { keyToMove, moveFocus, movePanelFocus } from '../../../shared/charts/cell-focus';
import type { FigureFrame } from '../../../shared/charts/figure';
import { paintCellFigure } from './paint-figure';
import { useDevicePixelRatio } from './use-device-pixel-ratio';

/** Props of {@link CellFigureCanvas}. */
export interface CellFigureCanvasProps {
  frame: FigureFrame;
  panels: readonly CellPanel[];
  showValues?: boolean;
  /** `cell`: arrows move between cells (and across panels); `panel`: between whole panels (the overview). */
  focusMode: 'cell' | 'panel';
  /** The accessible name of the figure. */
  label: string;
  /** What the live region says for a cell (or a panel, without row and column). */
  describe: (focus: { panel: number; row?: number; col?: number }) => string;
  /** Enter, Space or a click on a cell or panel. */
  onActivate?: (focus: CellFocus) => void;
  /** Drawn this many times larger, still sharp (large type for projectors). Default 1. */
  zoom?: number;
  /** A cell focused from the start and whenever it changes (a walkthrough step's word), read out at once. */
  initialFocus?: CellFocus | null;
}

/** The interactive canvas of a cell figure. */
export function CellFigureCanvas(props: CellFigureCanvasProps) {
  const { frame, panels, showValues, focusMode, label, describe, onActivate } = props;
  const zoom = props.zoom ?? 1;
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const dpr = useDevicePixelRatio();
  const [focus, setFocus] = useState<CellFocus | null>(props.initialFocus ?? null);
  const [hover, setHover] = useState<CellFocus | null>(null);
  const shown = hover ?? focus;
  // A new starting cell (another step, another text) replaces the focus; none leaves the reader's own.
  const start = props.initialFocus ?? null;
  const startKey = start ? `${start.panel}|${start.row}|${start.col}` : null;
  const [seenStart, setSeenStart] = useState(startKey);
  if (startKey !== seenStart) {
    setSeenStart(startKey);
    if (start) setFocus(start);
  }

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const outline = shown && (focusMode === 'cell' ? shown : { panel: shown.panel });
    paintCellFigure(canvas, frame, panels, {
      dpr: dpr * zoom,
      showValues: Boolean(showValues),
      focus: outline,
    });
    // The backing store has dpr × zoom pixels per figure unit; the page shows it zoom times larger (or smaller).
    canvas.style.width = `${frame.width * zoom}px`;
    canvas.style.height = `${frame.height * zoom}px`;
  }, [frame, panels, showValues, dpr, zoom, shown, focusMode]);

  const hitTest = (event: MouseEvent<HTMLCanvasElement>): CellFocus | null => {
    const box = event.currentTarget.getBoundingClientRect();
    const x = ((event.clientX - box.left) / box.width) * frame.width;
    const y = ((event.clientY - box.top) / box.height) * frame.height;
    for (let i = 0; i < panels.length; i++) {
      const panel = panels[i];
      const cell = panel && cellAtPoint(panel, x, y);
      if (cell) return { panel: i, ...cell };
    }
    return null;
  };

  const onKeyDown = (event: KeyboardEvent<HTMLCanvasElement>) => {
    const current = focus ?? { panel: 0, row: 0, col: 0 };
    if ((event.key === 'Enter' || event.key === ' ') && focus) {
      event.preventDefault();
      onActivate?.(focus);
      return;
    }
    if (event.key === 'Escape') {
      setFocus(null);
      return;
    }
    const move = keyToMove(event.key);
    if (!move) return;
    event.preventDefault();
    setHover(null);
    if (!focus) setFocus(current);
    else if (focusMode === 'cell') setFocus(moveFocus(panels, focus, move));
    else setFocus({ panel: movePanelFocus(panels, focus.panel, move), row: 0, col: 0 });
  };

  // Keyboard focus in the overview names the panel; hovering names the exact cell under the pointer.
  const readout = hover
    ? describe(hover)
    : focus
      ? describe(focusMode === 'cell' ? focus : { panel: focus.panel })
      : '';
  return (
    <figure className="chart">
      <canvas
        ref={canvasRef}
        tabIndex={0}
        role="img"
        aria-label={label}
        onKeyDown={onKeyDown}
        onFocus={() => setFocus((f) => f ?? { panel: 0, row: 0, col: 0 })}
        onPointerMove={(event) => setHover(hitTest(event))}
        onPointerLeave={() => setHover(null)}
        onClick={(event) => {
          const hit = hitTest(event);
          if (!hit) return;
          setFocus(hit);
          onActivate?.(hit);
        }}
        style={{ cursor: onActivate ? 'pointer' : 'crosshair' }}
      />
      <figcaption className="chart-readout" aria-live="polite">
        {readout || '\u00a0'}
      </figcaption>
    </figure>
  );
}
