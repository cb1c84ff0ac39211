/**
 * From a model's attention for one text to a finished figure: which maps, tokens and masks each view of each
 * family draws, its title and its caption. Shared by the headless `snapshot` command and the app's export, so
 * both give the same figure at the same size.
 */
import type { AttentionMask } from '../attention/masks';
import { causalMask, crossMask, fullMask } from '../attention/masks';
import { LabError } from '../contract/errors';
import type { ColormapName, ThemeName } from './color';
import type { FigureText, Language } from './figure-text';
import { figureText } from './figure-text';
import { headGridLayout, headGridSvg } from './head-grid';
import type { AxisTokens } from './heatmap';
import { heatmapLayout, heatmapSvg } from './heatmap';
import { maskPattern, triptychPattern } from './mask-pattern';
import { maskHeatmapLayout, maskTriptychLayout } from './mask-view';
import type { AttentionMatrix, AttentionStackLike } from './matrix';
import { headAverage, headMatrix } from './matrix';
import type { CaptionInfo } from './svg';
import { tokenLinesLayout, tokenLinesSvg } from './token-lines';
import { triptychLayout, triptychSvg } from './triptych';
import { displayToken } from '../text/vocabulary';

/** The views a figure can show. */
export const attentionViews = ['head', 'grid', 'lines', 'mask', 'triptych'] as const;
/** One of {@link attentionViews}. */
export type AttentionView = (typeof attentionViews)[number];

/** The three kinds of attention. */
export const attentionKinds = ['encoder', 'decoder', 'cross'] as const;
/** One of {@link attentionKinds}. */
export type AttentionKind = (typeof attentionKinds)[number];

/** A model's attention for one text (structurally the engine's `AttendResult`). */
export interface AttentionData {
  family: 'bert' | 'gpt' | 't5';
  tokens: { input: readonly string[]; target?: readonly string[] };
  attention: Partial<Record<AttentionKind, AttentionStackLike>>;
  isTruncated?: { input: boolean; target: boolean };
}

/** What to draw. `head` undefined or `average` = the mean over heads (lines: every head). */
export interface ViewRequest {
  view: AttentionView;
  kind?: AttentionKind;
  layer?: number;
  head?: number | 'average';
  /** Lines view: the heads drawn (default: `head`, or every head). */
  heads?: readonly number[];
  /** Mask view: [PAD] tokens appended to the input, as in a batch with a longer sentence. */
  padding?: number;
  theme?: ThemeName;
  colormap?: ColormapName;
  /** Caption facts the data does not know: checkpoint, text, target, date. */
  caption?: CaptionInfo;
  /** Language of the title, labels, legend and caption (default English). */
  language?: Language;
}

/** Family names in error messages (which are English everywhere). */
const familyNames = figureText('en').family;

/** `data` with its tokens as people read them: T5 sentinels by their chapter names (`<X>`, `<Y>`, …). */
export function withDisplayTokens<T extends { tokens: { input: string[]; target?: string[] } }>(data: T): T {
  const { input, target } = data.tokens;
  return {
    ...data,
    tokens: { input: input.map(displayToken), ...(target ? { target: target.map(displayToken) } : {}) },
  };
}

/** The kind a view shows when none is asked for: the family's own (T5: cross-attention). */
export function defaultKind(family: AttentionData['family']): AttentionKind {
  return family === 'bert' ? 'encoder' : family === 'gpt' ? 'decoder' : 'cross';
}

/** The stack, query/key tokens and mask of one kind of attention. */
export function attentionOf(
  data: AttentionData,
  kind: AttentionKind,
): { stack: AttentionStackLike; rows: readonly string[]; cols: readonly string[]; mask: AttentionMask } {
  const stack = data.attention[kind];
  if (!stack) {
    const has = attentionKinds.filter((k) => data.attention[k]).join(', ');
    throw new LabError(
      'invalid-argument',
      `A ${familyNames[data.family]} model has no ${kind} attention (it has: ${has}).`,
    );
  }
  const input = data.tokens.input;
  const target = data.tokens.target ?? [];
  if (kind === 'encoder') return { stack, rows: input, cols: input, mask: fullMask(input.length) };
  if (kind === 'cross')
    return { stack, rows: target, cols: input, mask: crossMask(target.length, input.length) };
  const tokens = data.family === 'gpt' ? input : target;
  return { stack, rows: tokens, cols: tokens, mask: causalMask(tokens.length) };
}

/** One head, or the head average. */
function pickHead(
  stack: AttentionStackLike,
  layer: number,
  head: number | 'average' | undefined,
): AttentionMatrix {
  return head === undefined || head === 'average'
    ? headAverage(stack, layer)
    : headMatrix(stack, layer, head);
}

function headName(head: number | 'average' | undefined, words: FigureText): string {
  return head === undefined || head === 'average' ? words.headAverage : words.head(head);
}

/** The caption's head: its number, or "average" in the figure's language. */
function captionHead(head: number | 'average' | undefined, words: FigureText): number | string {
  return typeof head === 'number' ? head : words.caption.average;
}

/** Whether `request` draws T5's three maps (the triptych, or T5's mask view without a kind). */
function isTriptych(family: AttentionData['family'], request: Pick<ViewRequest, 'view' | 'kind'>): boolean {
  return (
    request.view === 'triptych' || (request.view === 'mask' && family === 't5' && request.kind === undefined)
  );
}

/** The heads a lines figure draws: the requested ones, the one `head`, or (undefined) every head. */
function linesHeads(request: Pick<ViewRequest, 'head' | 'heads'>): readonly number[] | undefined {
  return request.heads ?? (typeof request.head === 'number' ? [request.head] : undefined);
}

/** The title of the figure `request` asks for, in its language: "Cross-attention — layer 1, head 0". */
export function attentionTitle(
  family: AttentionData['family'],
  request: Omit<ViewRequest, 'theme' | 'colormap' | 'caption' | 'padding'>,
): string {
  const words = figureText(request.language);
  const { view, head } = request;
  const layer = words.layer(request.layer ?? 0);
  if (isTriptych(family, request)) {
    return view === 'mask' ? words.t5Masks : `${words.t5Attention} — ${layer}, ${headName(head, words)}`;
  }
  const kind = words.kind[request.kind ?? defaultKind(family)];
  if (view === 'head') return `${kind} — ${layer}, ${headName(head, words)}`;
  if (view === 'grid') return `${kind} — ${words.everyLayerAndHead}`;
  if (view === 'mask') return `${kind}: ${words.attentionMask}`;
  const heads = linesHeads(request);
  return `${kind} — ${layer}, ${heads ? words.heads(heads) : words.everyHead}`;
}

/** The caption: the model, the layer and head, then the caller's facts and a notice when text was cut. */
function caption(data: AttentionData, request: ViewRequest, facts: Partial<CaptionInfo>): CaptionInfo {
  const words = figureText(request.language);
  const info: CaptionInfo = { model: words.family[data.family], ...request.caption, ...facts };
  const cut = { input: data.isTruncated?.input ?? false, target: data.isTruncated?.target ?? false };
  if (cut.input || cut.target) info.notice = words.truncated(cut);
  return info;
}

/** A finished figure: the SVG document and its size in CSS pixels. */
export interface AttentionFigure {
  svg: string;
  width: number;
  height: number;
}

function figure<L extends { width: number; height: number }>(
  layout: L,
  toSvg: (layout: L) => string,
): AttentionFigure {
  return { svg: toSvg(layout), width: layout.width, height: layout.height };
}

/** The figure of `request` as a standalone SVG document. */
export function attentionFigure(data: AttentionData, request: ViewRequest): AttentionFigure {
  const { view, head } = request;
  const layer = request.layer ?? 0;
  const words = figureText(request.language);
  const title = attentionTitle(data.family, request);
  const common = {
    ...(request.theme ? { theme: request.theme } : {}),
    ...(request.colormap ? { colormap: request.colormap } : {}),
    ...(request.language ? { language: request.language } : {}),
  };
  const kind = request.kind ?? defaultKind(data.family);
  if (isTriptych(data.family, request)) {
    const input = data.tokens.input;
    const target = data.tokens.target ?? [];
    if (data.family !== 't5') {
      throw new LabError(
        'invalid-argument',
        `The triptych needs an encoder–decoder (T5) model; this one is ${familyNames[data.family]}.`,
      );
    }
    if (view === 'mask') {
      const { masks, ...tokens } = triptychPattern(data, request.padding);
      const info = caption(data, request, {});
      return figure(maskTriptychLayout(tokens, { ...common, masks, title, caption: info }), triptychSvg);
    }
    const maps = {
      encoder: attentionOf(data, 'encoder'),
      cross: attentionOf(data, 'cross'),
      decoder: attentionOf(data, 'decoder'),
    };
    const triptych = {
      inputTokens: input,
      targetTokens: target,
      encoder: pickHead(maps.encoder.stack, layer, head),
      cross: pickHead(maps.cross.stack, layer, head),
      decoder: pickHead(maps.decoder.stack, layer, head),
    };
    const info = caption(data, request, { layer, head: captionHead(head, words) });
    return figure(triptychLayout(triptych, { ...common, title, caption: info }), triptychSvg);
  }
  const { stack, rows, cols, mask } = attentionOf(data, kind);
  const tokens: AxisTokens = { rows, cols };
  switch (view) {
    case 'head': {
      const info = caption(data, request, { layer, head: captionHead(head, words) });
      return figure(
        heatmapLayout(pickHead(stack, layer, head), tokens, { ...common, mask, title, caption: info }),
        heatmapSvg,
      );
    }
    case 'grid': {
      return figure(
        headGridLayout(stack, { ...common, mask, title, caption: caption(data, request, {}) }),
        headGridSvg,
      );
    }
    case 'lines': {
      const heads = linesHeads(request);
      const info = caption(data, request, { layer, head: heads ? heads.join(', ') : words.caption.all });
      return figure(
        tokenLinesLayout(stack, layer, tokens, {
          ...common,
          mask,
          title,
          caption: info,
          ...(heads ? { heads } : {}),
        }),
        tokenLinesSvg,
      );
    }
    default: {
      const pattern = maskPattern(data, kind, request.padding);
      return figure(
        maskHeatmapLayout(
          pattern.mask,
          { rows: pattern.rows, cols: pattern.cols },
          { ...common, title, caption: caption(data, request, {}) },
        ),
        heatmapSvg,
      );
    }
  }
}
