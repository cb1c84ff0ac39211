/**
 * The loss chart: training loss and validation loss against the step, as SVG. A pure function of the points
 * and the options: d3 computes the scales, the ticks and the line paths; React writes the elements.
 */
import { extent, max, min } from 'd3-array';
import { scaleLinear, scaleLog } from 'd3-scale';
import { line } from 'd3-shape';
import { formatFixed, formatSignificant } from '../i18n/format-number';
import type { LossPoint } from './training-store';

/** What the chart draws. */
export interface LossChartProps {
  losses: readonly LossPoint[];
  valLosses: readonly LossPoint[];
  /** The run's last step: the x axis spans the whole run from the start. */
  totalSteps: number;
  width: number;
  height: number;
  isLogScale: boolean;
  /** Accessible names and legend labels (already translated; an empty `valLoss` drops its legend entry). */
  labels: { title: string; step: string; loss: string; trainLoss: string; valLoss: string };
  /** The language the numbers are written in (i18next's `language`). */
  language: string;
}

// The top margin holds the legend, above the curves rather than over them.
const margin = { top: 34, right: 16, bottom: 36, left: 52 };

/** The loss chart (an empty frame with axes until the first point). */
export function LossChart(props: LossChartProps) {
  const { losses, valLosses, totalSteps, width, height, isLogScale, labels, language } = props;
  const all = [...losses, ...valLosses];
  const [low = 1, high = 10] = extent(all, (point) => point.loss);
  const x = scaleLinear()
    .domain([0, Math.max(1, totalSteps)])
    .range([margin.left, width - margin.right]);
  // Some headroom so the curve never touches the frame; a log scale needs a positive floor and is not
  // rounded out to powers of ten, which would squash a loss falling from 8 to 5 into a sliver.
  const y = isLogScale
    ? scaleLog()
        .domain([Math.max(1e-3, low * 0.92), Math.max(high * 1.08, low * 1.2)])
        .range([height - margin.bottom, margin.top])
    : scaleLinear()
        .domain([Math.max(0, low - (high - low) * 0.1), high + (high - low) * 0.1 || high + 1])
        .range([height - margin.bottom, margin.top])
        .nice();
  const path = line<LossPoint>()
    .x((point) => x(point.step))
    .y((point) => y(Math.max(point.loss, 1e-3)));
  // Steps are whole numbers: no tick at 0.5.
  const xTicks = x
    .ticks(Math.max(2, Math.floor((width - margin.left - margin.right) / 90)))
    .filter(Number.isInteger);
  const yTicks = isLogScale
    ? y.ticks(6).filter((tick, index, ticks) => ticks.length <= 8 || index % 2 === 0)
    : y.ticks(5);
  // A log scale's own tickFormat blanks labels it finds crowded; every drawn tick is labelled here, in the
  // reader's language (d3's formats write English numbers).
  const yFormat = (tick: number) => formatSignificant(tick, isLogScale ? 2 : 3, language);
  const [yLow = 0, yHigh = 1] = y.range();
  const lastValue = losses[losses.length - 1];
  const bestVal = min(valLosses, (point) => point.loss);
  const lastStep = max(all, (point) => point.step);

  return (
    <svg
      className="loss-chart"
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
      role="img"
      aria-label={labels.title}
      data-testid="loss-chart"
      data-points={losses.length}
      data-last-step={lastStep ?? 0}
    >
      <g className="loss-grid" aria-hidden="true">
        {yTicks.map((tick) => (
          <line key={`y${tick}`} x1={margin.left} x2={width - margin.right} y1={y(tick)} y2={y(tick)} />
        ))}
      </g>
      <g className="loss-axis" aria-hidden="true">
        <line x1={margin.left} x2={width - margin.right} y1={yLow} y2={yLow} />
        {xTicks.map((tick) => (
          <text key={`x${tick}`} x={x(tick)} y={yLow + 18} textAnchor="middle">
            {tick}
          </text>
        ))}
        {yTicks.map((tick) => (
          <text key={`yl${tick}`} x={margin.left - 8} y={y(tick)} dy="0.32em" textAnchor="end">
            {yFormat(tick)}
          </text>
        ))}
        <text className="loss-axis-title" x={width - margin.right} y={height - 4} textAnchor="end">
          {labels.step}
        </text>
        <text className="loss-axis-title" x={margin.left - 8} y={yHigh - 12} textAnchor="end">
          {labels.loss}
        </text>
      </g>
      {losses.length > 0 ? (
        <path className="loss-line loss-line-train" d={path(losses) ?? ''} data-testid="loss-path" />
      ) : null}
      {valLosses.length > 0 ? (
        <>
          <path className="loss-line loss-line-val" d={path(valLosses) ?? ''} data-testid="val-loss-path" />
          {valLosses.map((point) => (
            <circle
              key={point.step}
              className="loss-dot-val"
              cx={x(point.step)}
              cy={y(Math.max(point.loss, 1e-3))}
              r={3}
            />
          ))}
        </>
      ) : null}
      {lastValue ? (
        <circle
          className="loss-dot-train"
          cx={x(lastValue.step)}
          cy={y(Math.max(lastValue.loss, 1e-3))}
          r={3.5}
        />
      ) : null}
      <g className="loss-legend" transform={`translate(${width - margin.right - 230}, 4)`}>
        <line className="loss-line-train" x1={0} x2={18} y1={6} y2={6} />
        <text x={24} y={6} dy="0.32em">
          {labels.trainLoss}
        </text>
        {labels.valLoss === '' ? null : (
          // A chart without validation (fine-tuning) passes an empty label and gets no swatch.
          <>
            <line className="loss-line-val" x1={112} x2={130} y1={6} y2={6} />
            <text x={136} y={6} dy="0.32em">
              {labels.valLoss}
              {bestVal === undefined ? '' : ` (${formatFixed(bestVal, 2, language)})`}
            </text>
          </>
        )}
      </g>
    </svg>
  );
}
