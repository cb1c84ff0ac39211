/**
 * The engine's answer as the charts read it, and what an export needs from a view: the figure request for
 * shared/charts/attention-view.ts (the same function the headless `snapshot` command uses), the numbers behind
 * the view as JSON, and a file name.
 */
import type { AttentionData, AttentionKind, ViewRequest } from '../../../shared/charts/attention-view';
import { attentionOf, withDisplayTokens } from '../../../shared/charts/attention-view';
import type { ThemeName } from '../../../shared/charts/color';
import type { Language } from '../../../shared/charts/figure-text';
import { maskPattern, triptychPattern } from '../../../shared/charts/mask-pattern';
import type { AttentionMatrix, AttentionStackLike } from '../../../shared/charts/matrix';
import { headAverage, headMatrix } from '../../../shared/charts/matrix';
import { maskRows } from '../../../shared/attention/masks';
import type { AttentionResult, ModelInfo, WireAttentionStack } from '../../../shared/contract/model';
import type { DisplayPrefs, ViewId, ViewSettings } from './view-settings';

/** One answer of the engine, ready to draw, with the text it is for. */
export interface ViewData extends AttentionData {
  text: string;
  target?: string;
  isTruncated: { input: boolean; target: boolean };
  unknownWords: readonly string[];
}

function toStack(wire: WireAttentionStack): AttentionStackLike {
  const { layers, heads, queries, keys, values } = wire;
  return { layers, heads, queries, keys, data: Float32Array.from(values) };
}

/** The engine's `attention:compute` answer as chart data. */
export function viewDataOf(result: AttentionResult, text: string, target?: string): ViewData {
  const attention: ViewData['attention'] = {};
  for (const kind of ['encoder', 'decoder', 'cross'] as const) {
    const wire = result.attention[kind];
    if (wire) attention[kind] = toStack(wire);
  }
  return {
    family: result.family,
    tokens: withDisplayTokens(result).tokens,
    attention,
    // The engine reports one flag; the notice names the text (the target is cut only with it in practice).
    isTruncated: { input: result.truncated, target: false },
    unknownWords: result.unknownWords,
    text,
    ...(target !== undefined ? { target } : {}),
  };
}

/** One head, or the mean over heads. */
export function pickHead(
  stack: AttentionStackLike,
  layer: number,
  head: number | 'average',
): AttentionMatrix {
  return head === 'average' ? headAverage(stack, layer) : headMatrix(stack, layer, head);
}

const figureViews = {
  head: 'head',
  overview: 'grid',
  lines: 'lines',
  mask: 'mask',
  triptych: 'triptych',
} as const;

/** Today as YYYY-MM-DD in local time (the caption's date, as the command line writes it). */
export function today(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The last part of a folder path (either separator), as the command line names a checkpoint. */
export function folderName(path: string): string {
  return (
    path
      .split(/[\\/]+/)
      .filter(Boolean)
      .at(-1) ?? path
  );
}

/** The figure of a view without its caption: view, kind, layer, head(s) and padding (for titles too). */
export function viewRequest(
  family: ViewData['family'],
  settings: ViewSettings,
  language: Language = 'en',
): ViewRequest {
  const isT5Mask = settings.view === 'mask' && family === 't5';
  const isLines = settings.view === 'lines';
  return {
    view: figureViews[settings.view],
    // T5's mask view shows all three patterns (no kind); the triptych has its own three.
    ...(isT5Mask || settings.view === 'triptych' ? {} : { kind: settings.kind }),
    layer: settings.layer,
    // The lines view draws the ticked heads (none ticked off: every head), never the head picker's head.
    ...(isLines ? (settings.heads ? { heads: settings.heads } : {}) : { head: settings.head }),
    ...(settings.view === 'mask' && settings.padding > 0 ? { padding: settings.padding } : {}),
    language,
  };
}

/** The figure request of a view, with its caption, in the display's language (default English). */
export function figureRequest(
  data: ViewData,
  settings: ViewSettings,
  display: DisplayPrefs & { theme: ThemeName; language?: Language },
  model: Pick<ModelInfo, 'path'>,
): ViewRequest {
  return {
    ...viewRequest(data.family, settings, display.language),
    theme: display.theme,
    colormap: display.colormap,
    caption: {
      checkpoint: folderName(model.path),
      text: data.text,
      ...(data.target !== undefined ? { target: data.target } : {}),
      date: today(),
    },
  };
}

const rounded = (values: ArrayLike<number>, cols: number): number[][] =>
  Array.from({ length: values.length / cols }, (_, row) =>
    Array.from({ length: cols }, (_, col) => Number((values[row * cols + col] ?? 0).toPrecision(6))),
  );

function matrixNumbers(matrix: AttentionMatrix): number[][] {
  return rounded(matrix.values, matrix.cols);
}

/** The numbers behind a view: tokens, weights (or the mask) and the settings, as plain JSON. */
export function viewNumbers(data: ViewData, settings: ViewSettings, request: ViewRequest): object {
  const { layer, head, kind } = settings;
  const about = {
    ...request.caption,
    family: data.family,
    view: settings.view,
    unknownWords: data.unknownWords,
  };
  const kindNumbers = (which: AttentionKind, heads: 'one' | 'all') => {
    const { stack, rows, cols, mask } = attentionOf(data, which);
    const weights =
      heads === 'one'
        ? matrixNumbers(pickHead(stack, layer, head))
        : Array.from({ length: stack.layers }, (_, l) =>
            Array.from({ length: stack.heads }, (_, h) => matrixNumbers(headMatrix(stack, l, h))),
          );
    return { kind: which, queries: rows, keys: cols, mask: maskRows(mask), weights };
  };
  switch (settings.view) {
    case 'head':
      return { ...about, layer, head, ...kindNumbers(kind, 'one') };
    case 'overview':
      return { ...about, layout: '[layer][head][query][key]', ...kindNumbers(kind, 'all') };
    case 'lines': {
      const { stack } = attentionOf(data, kind);
      const heads = settings.heads ?? Array.from({ length: stack.heads }, (_, h) => h);
      const weights = heads.map((h) => matrixNumbers(headMatrix(stack, layer, h)));
      return { ...about, layer, heads, ...kindNumbers(kind, 'one'), weights, layout: '[head][query][key]' };
    }
    case 'triptych':
      return {
        ...about,
        layer,
        head,
        encoder: kindNumbers('encoder', 'one'),
        cross: kindNumbers('cross', 'one'),
        decoder: kindNumbers('decoder', 'one'),
      };
    default:
      return maskNumbers(data, settings, about);
  }
}

function maskNumbers(data: ViewData, settings: ViewSettings, about: object): object {
  if (data.family === 't5') {
    const { inputTokens, targetTokens, masks } = triptychPattern(data, settings.padding);
    return {
      ...about,
      input: inputTokens,
      target: targetTokens,
      masks: {
        encoder: maskRows(masks.encoder),
        cross: maskRows(masks.cross),
        decoder: maskRows(masks.decoder),
      },
    };
  }
  const pattern = maskPattern(data, settings.kind, settings.padding);
  return {
    ...about,
    kind: settings.kind,
    queries: pattern.rows,
    keys: pattern.cols,
    mask: maskRows(pattern.mask),
  };
}

/** A file name for a view's export, e.g. `gpt-tiny-head-decoder-L0-H1`. */
export function exportBaseName(settings: ViewSettings, model: Pick<ModelInfo, 'path'>): string {
  const head = settings.head === 'average' ? 'avg' : settings.head;
  const parts: Record<ViewId, string> = {
    head: `${settings.kind}-L${settings.layer}-H${head}`,
    overview: settings.kind,
    lines: `${settings.kind}-L${settings.layer}`,
    mask: settings.padding > 0 ? `pad${settings.padding}` : 'pattern',
    triptych: `L${settings.layer}-H${head}`,
  };
  return `${folderName(model.path)}-${settings.view}-${parts[settings.view]}`;
}
