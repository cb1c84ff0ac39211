/**
 * Mask views: the chapter's attention patterns themselves, without weights — every cell a query may attend to
 * in one colour, every masked cell hatched grey. A single mask draws as a heatmap (encoder: all allowed;
 * decoder: the causal triangle; padding: masked columns), an encoder–decoder's three masks as the triptych.
 */
import type { AttentionMask } from '../attention/masks';
import { causalMask, crossMask, fullMask } from '../attention/masks';
import { maskAllowedLevel } from './color';
import type { AxisTokens, HeatmapLayout, HeatmapOptions } from './heatmap';
import { heatmapLayout } from './heatmap';
import type { AttentionMatrix } from './matrix';
import type { TriptychLayout, TriptychOptions } from './triptych';
import { triptychLayout } from './triptych';

/** A mask as a matrix the charts colour: allowed cells at {@link maskAllowedLevel}, masked cells at 0. */
export function maskMatrix(mask: AttentionMask): AttentionMatrix {
  return {
    rows: mask.rows,
    cols: mask.cols,
    values: Float32Array.from(mask.data, (allowed) => (allowed ? maskAllowedLevel : 0)),
  };
}

const maskOptions = { domain: [0, 1], showValues: false, legendKind: 'mask' } as const;

/** Lays out one mask as a heatmap with the two-swatch legend. */
export function maskHeatmapLayout(
  mask: AttentionMask,
  tokens: AxisTokens,
  options: Omit<HeatmapOptions, 'mask' | 'domain' | 'legendKind'> = {},
): HeatmapLayout {
  return heatmapLayout(maskMatrix(mask), tokens, { ...options, ...maskOptions, mask });
}

/** Lays out an encoder–decoder's three masks (full, cross, causal unless given) as the triptych. */
export function maskTriptychLayout(
  tokens: { inputTokens: readonly string[]; targetTokens: readonly string[] },
  options: Omit<TriptychOptions, 'domain' | 'legendKind'> & {
    masks?: { encoder?: AttentionMask; cross?: AttentionMask; decoder?: AttentionMask };
  } = {},
): TriptychLayout {
  const input = tokens.inputTokens.length;
  const target = tokens.targetTokens.length;
  const masks = {
    encoder: options.masks?.encoder ?? fullMask(input),
    cross: options.masks?.cross ?? crossMask(target, input),
    decoder: options.masks?.decoder ?? causalMask(target),
  };
  const data = {
    ...tokens,
    encoder: maskMatrix(masks.encoder),
    cross: maskMatrix(masks.cross),
    decoder: maskMatrix(masks.decoder),
    masks,
  };
  return triptychLayout(data, { ...options, ...maskOptions });
}
