/**
 * `<TokenLines>`: the head view as SVG drawn by React from the shared layout — lines from each query token to
 * the key tokens, opacity = weight, one colour per head. Checkboxes filter heads; hovering or focusing a query
 * token shows only its lines and reads out where it attends most.
 */
import { useId, useMemo, useState } from 'react';
import { themeColors } from '../../../shared/charts/color';
import type { FigureText } from '../../../shared/charts/figure-text';
import { figureText } from '../../../shared/charts/figure-text';
import type { AxisTokens } from '../../../shared/charts/heatmap';
import type { AttentionStackLike } from '../../../shared/charts/matrix';
import type { TokenLinesLayout, TokenLinesOptions } from '../../../shared/charts/token-lines';
import { tokenLinesLayout } from '../../../shared/charts/token-lines';

/** Props of {@link TokenLines}. */
export interface TokenLinesProps {
  stack: AttentionStackLike;
  layer: number;
  tokens: AxisTokens;
  options?: Omit<TokenLinesOptions, 'heads' | 'focusQuery'>;
  /** The heads shown, when the caller keeps them (e.g. to export the same heads); else the view does. */
  heads?: readonly number[];
  onHeadsChange?: (heads: number[]) => void;
}

/** "“love” attends most to “i” (0.52, head 1)": the strongest line of the focused query. */
function strongest(
  layout: TokenLinesLayout,
  keys: readonly string[],
  query: string,
  words: FigureText['readout'],
): string {
  const best = layout.lines.reduce<(typeof layout.lines)[number] | null>(
    (a, b) => (a && a.weight >= b.weight ? a : b),
    null,
  );
  if (!best) return words.noLine(query);
  const key = keys[best.key] ?? String(best.key);
  return words.strongest(query, key, best.weight.toFixed(2), best.head);
}

/** The lines view with head filters. */
export function TokenLines(props: TokenLinesProps) {
  const { stack, layer, tokens, options, heads: givenHeads, onHeadsChange } = props;
  const [ownHeads, setOwnHeads] = useState<readonly number[]>(() =>
    Array.from({ length: stack.heads }, (_, h) => h),
  );
  const heads = givenHeads ?? ownHeads;
  const [focusQuery, setFocusQuery] = useState<number | null>(null);
  const id = useId();
  const layout = useMemo(
    () =>
      tokenLinesLayout(stack, layer, tokens, {
        ...options,
        heads,
        ...(focusQuery !== null ? { focusQuery } : {}),
      }),
    [stack, layer, tokens, options, heads, focusQuery],
  );
  const axes = 'rows' in tokens ? tokens : { rows: tokens, cols: tokens };
  const colors = themeColors(layout.theme);
  const words = figureText(options?.language);
  const toggle = (head: number) => {
    const next = heads.includes(head)
      ? heads.filter((h) => h !== head)
      : [...heads, head].sort((a, b) => a - b);
    if (onHeadsChange) onHeadsChange(next);
    else setOwnHeads(next);
  };
  return (
    <figure className="chart">
      <fieldset className="chart-heads">
        <legend>{words.readout.heads}</legend>
        {Array.from({ length: stack.heads }, (_, head) => (
          <label key={head} htmlFor={`${id}-head-${head}`}>
            <input
              id={`${id}-head-${head}`}
              type="checkbox"
              checked={heads.includes(head)}
              onChange={() => toggle(head)}
            />
            {` ${words.head(head)}`}
          </label>
        ))}
      </fieldset>
      <svg
        width={layout.width}
        height={layout.height}
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        role="img"
        aria-label={options?.title ?? 'Attention lines'}
      >
        <rect width={layout.width} height={layout.height} fill={colors.background} />
        {layout.title ? (
          <text
            x={layout.title.x}
            y={layout.title.y}
            fontSize={layout.title.fontSize}
            fontWeight="bold"
            fill={colors.text}
          >
            {layout.title.text}
          </text>
        ) : null}
        {layout.lines.map((line) => (
          <line
            key={`${line.head}-${line.query}-${line.key}`}
            x1={line.x1 + 4}
            y1={line.y1}
            x2={line.x2 - 4}
            y2={line.y2}
            stroke={line.color}
            strokeOpacity={line.opacity}
            strokeWidth={2.5}
            strokeLinecap="round"
            strokeDasharray={line.dash || undefined}
          />
        ))}
        {layout.labels
          .filter((label) => !layout.queryLabels.includes(label))
          .map((label, i) => (
            <text
              key={i}
              x={label.x}
              y={label.y}
              fontSize={label.fontSize}
              textAnchor={label.anchor}
              fill={label.isMuted ? colors.mutedText : colors.text}
            >
              {label.text}
            </text>
          ))}
        {layout.queryLabels.map((label, query) => (
          <text
            key={`query-${query}`}
            x={label.x}
            y={label.y}
            fontSize={label.fontSize}
            fontWeight={label.isBold ? 'bold' : undefined}
            textAnchor={label.anchor}
            fill={label.isMuted ? colors.mutedText : colors.text}
            tabIndex={0}
            role="button"
            aria-pressed={focusQuery === query}
            onMouseEnter={() => setFocusQuery(query)}
            onMouseLeave={() => setFocusQuery(null)}
            onFocus={() => setFocusQuery(query)}
            onBlur={() => setFocusQuery(null)}
            style={{ cursor: 'pointer' }}
          >
            {label.text}
          </text>
        ))}
        {layout.headKeys.map((key) => (
          <g key={key.head}>
            <line
              x1={key.x}
              y1={key.y}
              x2={key.x + 22}
              y2={key.y}
              stroke={key.color}
              strokeWidth={3}
              strokeDasharray={key.dash || undefined}
            />
            <text x={key.label.x} y={key.label.y} fontSize={key.label.fontSize} fill={colors.text}>
              {key.label.text}
            </text>
          </g>
        ))}
      </svg>
      <figcaption className="chart-readout" aria-live="polite">
        {focusQuery !== null
          ? strongest(layout, axes.cols, axes.rows[focusQuery] ?? '', words.readout)
          : '\u00a0'}
      </figcaption>
    </figure>
  );
}
