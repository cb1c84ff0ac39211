/**
 * `<Triptych>`: the T5 encoder square, cross rectangle and causal decoder triangle on one canvas. Arrow keys
 * move across panels along the shared token axes; every focused or hovered cell is read out with its weight.
 */
import { useMemo } from 'react';
import { cellReadout } from '../../../shared/charts/cell-focus';
import { figureText } from '../../../shared/charts/figure-text';
import type { TriptychData, TriptychOptions } from '../../../shared/charts/triptych';
import { triptychLayout } from '../../../shared/charts/triptych';
import { CellFigureCanvas } from './cell-figure-canvas';

/** Props of {@link Triptych}. */
export interface TriptychProps {
  data: TriptychData;
  options?: TriptychOptions;
  label?: string;
}

/** The chapter's encoder–decoder figure, drawn from a model's attention. */
export function Triptych({ data, options, label }: TriptychProps) {
  const layout = useMemo(() => triptychLayout(data, options), [data, options]);
  const panels = useMemo(() => layout.panels.map(({ panel }) => panel), [layout]);
  const describe = (focus: { panel: number; row?: number; col?: number }) => {
    const entry = layout.panels[focus.panel];
    if (!entry) return '';
    const { inputTokens: input, targetTokens: target } = data;
    const axes =
      entry.part === 'encoder'
        ? { rows: input, cols: input }
        : entry.part === 'cross'
          ? { rows: target, cols: input }
          : { rows: target, cols: target };
    const cell = { row: focus.row ?? 0, col: focus.col ?? 0 };
    const language = options?.language;
    const part = figureText(language).triptych[entry.part];
    return cellReadout(entry.panel, cell, axes, `${part}: `, language);
  };
  return (
    <CellFigureCanvas
      frame={layout}
      panels={panels}
      showValues={layout.showValues}
      focusMode="cell"
      label={label ?? options?.title ?? 'Encoder, cross and decoder attention'}
      describe={describe}
    />
  );
}
