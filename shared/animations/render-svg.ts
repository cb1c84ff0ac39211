/**
 * A frame → one SVG document (the charts' SVG builder and colours): token boxes coloured by role, arrows, the
 * attention of one query (arcs over its own row, lines up to the input for cross-attention; line width and
 * opacity follow the weights when a model gave them, dashed when only the mask is known; masked keys hatched),
 * mask glyphs, the model's guesses and the loss. The app shows this SVG, and the PNG, GIF and WebM exports
 * rasterise it.
 */
import type { ThemeName } from '../charts/color';
import { element, hatchPattern, svgDocument, textElement } from '../charts/svg';
import type { AnimationLook } from './animation-theme';
import { animationLook } from './animation-theme';
import type { AttentionSlot, Frame } from './frame';
import type { FrameLayout, FrameLayoutOptions } from './layout';
import { layoutFrame } from './layout';
import type { PlacedBox } from './layout-rows';
import { boxOf } from './layout-rows';
import { drawBox } from './render-box';
import { drawCard, drawGlyph } from './render-panels';
import type { AnimationPalette } from './style';
import { sizes } from './style';

/** Options of {@link renderFrameSvg}. */
export interface RenderOptions extends FrameLayoutOptions {
  /** Prefix of pattern and marker ids (several SVGs on one page). */
  idPrefix?: string;
  /** The page it is drawn for (default `light`, what every export uses). */
  theme?: ThemeName;
}

/** A drawn frame. */
export interface RenderedFrame {
  svg: string;
  width: number;
  height: number;
  layout: FrameLayout;
}

const mono = (text: string, attrs: Record<string, string | number>) => textElement(text, attrs);

function drawAttention(
  slot: AttentionSlot,
  layout: FrameLayout,
  hatch: string,
  palette: AnimationPalette,
): string {
  const query = boxOf(layout.rows, slot.query);
  if (!query) return '';
  const parts: string[] = [];
  const color = slot.kind === 'cross' ? palette.crossAttention : palette.selfAttention;
  const largest = Math.max(1e-9, ...(slot.weights ?? []).filter((_, k) => slot.allowed[k]));
  const qx = query.x + query.width / 2;
  const isSelf = slot.keys === slot.query.row;
  const keyLines = new Set(
    layout.rows.boxes.filter((box) => box.ref.row === slot.keys).map((box) => box.line),
  );
  slot.allowed.forEach((isKeyAllowed, k) => {
    const key = boxOf(layout.rows, { row: slot.keys, index: k });
    if (!key) return;
    if (!isKeyAllowed) {
      parts.push(
        element('rect', {
          x: key.x,
          y: key.y,
          width: key.width,
          height: key.height,
          rx: 8,
          fill: `url(#${hatch})`,
          opacity: 0.85,
        }),
      );
      return;
    }
    const weight = slot.weights?.[k];
    const strength = weight === undefined ? 0.5 : weight / largest;
    const stroke = {
      fill: 'none',
      stroke: color,
      'stroke-width': weight === undefined ? 2 : 1.5 + 12 * weight,
      'stroke-opacity': weight === undefined ? 0.6 : 0.3 + 0.7 * strength,
      'stroke-dasharray': weight === undefined ? '6 5' : undefined,
      'stroke-linecap': 'round',
    };
    const kx = key.x + key.width / 2;
    // A line or arc when it cannot cross other rows; otherwise a bar over the key box.
    const canDraw = isSelf ? key.line === query.line : keyLines.size === 1 && key.y + key.height < query.y;
    if (canDraw && isSelf) {
      const top = query.y;
      const lift = k === slot.query.index ? 26 : Math.min(sizes.arcSpace - 22, 20 + Math.abs(kx - qx) * 0.22);
      const spread = k === slot.query.index ? 10 : 0;
      parts.push(
        element('path', {
          d: `M${qx - spread},${top} C${qx - spread},${top - lift} ${kx + spread},${top - lift} ${kx + spread},${top}`,
          ...stroke,
        }),
      );
    } else if (canDraw) {
      parts.push(
        element('line', {
          x1: qx,
          y1: query.y,
          x2: kx,
          y2: key.weightY !== undefined ? key.weightY + 5 : key.y + key.height,
          ...stroke,
        }),
      );
    } else {
      parts.push(
        element('rect', {
          x: key.x + 4,
          y: key.y - 9,
          width: key.width - 8,
          height: 5,
          rx: 2.5,
          fill: color,
          'fill-opacity': stroke['stroke-opacity'],
        }),
      );
    }
    if (weight !== undefined) {
      parts.push(
        mono(weight.toFixed(2), {
          x: kx,
          y: key.weightY ?? key.y - 6,
          'font-size': 14,
          'text-anchor': 'middle',
          fill: color,
          'font-weight': 'bold',
        }),
      );
    }
  });
  return element('g', { class: `anim-attention anim-attention-${slot.kind}` }, parts);
}

function drawArrow(from: PlacedBox, to: PlacedBox, marker: string, palette: AnimationPalette): string {
  // Only downward arrows: across wrapped lines an upward arrow would cross the rows.
  if (to.y < from.y + from.height) return '';
  return element('line', {
    x1: from.x + from.width / 2,
    y1: from.y + from.height + (from.caption ? sizes.captionSpace - 2 : 3),
    x2: to.x + to.width / 2,
    y2: to.y - 5,
    stroke: palette.arrow,
    'stroke-width': 2,
    'marker-end': `url(#${marker})`,
  });
}

/** Draws `frame` as a standalone SVG document. */
export function renderFrameSvg(frame: Frame, options: RenderOptions = {}): RenderedFrame {
  const layout = layoutFrame(frame, options);
  const prefix = options.idPrefix ?? 'anim';
  const hatch = `${prefix}-hatch`;
  const marker = `${prefix}-arrow`;
  const look: AnimationLook = animationLook(options.theme);
  const { palette, masked } = look;
  const { margin } = sizes;
  const body: string[] = [
    element('defs', {}, [
      hatchPattern(hatch, masked),
      element(
        'marker',
        {
          id: marker,
          viewBox: '0 0 10 10',
          refX: 8,
          refY: 5,
          markerWidth: 7,
          markerHeight: 7,
          orient: 'auto-start-reverse',
        },
        [element('path', { d: 'M0,0 L10,5 L0,10 z', fill: palette.arrow })],
      ),
    ]),
    mono(layout.title, {
      x: margin,
      y: margin + sizes.titleFont - 4,
      'font-size': sizes.titleFont,
      'font-weight': 'bold',
      fill: palette.text,
    }),
  ];
  layout.narration.lines.forEach((line, i) =>
    body.push(
      mono(line, {
        x: margin,
        y: layout.narration.y + i * sizes.narrationLine,
        'font-size': sizes.narrationFont,
        fill: palette.text,
      }),
    ),
  );
  layout.notes.lines.forEach((line, i) =>
    body.push(
      mono(line, {
        x: margin,
        y: layout.notes.y + i * sizes.noteLine,
        'font-size': sizes.noteFont,
        fill: palette.note,
      }),
    ),
  );
  body.push(...layout.glyphs.map((glyph) => drawGlyph(glyph, hatch, look)));
  for (const label of layout.rows.labels) {
    body.push(
      mono(label.text, {
        x: label.x + sizes.labelWidth - 16,
        y: label.y + 6,
        'font-size': sizes.labelFont,
        'font-weight': 'bold',
        'text-anchor': 'end',
        fill: palette.muted,
      }),
    );
  }
  for (const arrow of frame.arrows) {
    const from = boxOf(layout.rows, arrow.from);
    const to = boxOf(layout.rows, arrow.to);
    if (from && to) body.push(drawArrow(from, to, marker, palette));
  }
  body.push(...layout.rows.boxes.map((box) => drawBox(box, look)));
  body.push(...frame.attention.map((slot) => drawAttention(slot, layout, hatch, palette)));
  if (layout.weightsNote)
    body.push(
      mono(layout.weightsNote.text, {
        x: margin,
        y: layout.weightsNote.y,
        'font-size': 15,
        fill: palette.muted,
      }),
    );
  if (layout.cardsTitle) {
    body.push(
      mono(layout.cardsTitle.text, {
        x: margin,
        y: layout.cardsTitle.y,
        'font-size': 19,
        'font-weight': 'bold',
        fill: palette.text,
      }),
    );
  }
  body.push(...layout.cards.map((card) => drawCard(card, look)));
  if (layout.lossLine)
    body.push(
      mono(layout.lossLine.text, {
        x: margin,
        y: layout.lossLine.y,
        'font-size': 20,
        'font-weight': 'bold',
        fill: palette.text,
      }),
    );
  body.push(
    mono(layout.footer.text, {
      x: layout.width - margin,
      y: layout.footer.y,
      'font-size': sizes.footerFont,
      'text-anchor': 'end',
      fill: palette.muted,
    }),
  );
  const svg = svgDocument(
    { width: layout.width, height: layout.height, background: palette.background, title: layout.title },
    body,
  );
  return { svg, width: layout.width, height: layout.height, layout };
}
