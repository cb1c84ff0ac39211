/** The parts of a frame beside the token rows, in SVG: the mask glyphs and the cards of the model's guesses. */
import type { AttentionMask } from '../attention/masks';
import { causalMask, crossMask, fullMask, isAllowed } from '../attention/masks';
import { maskAllowedLevel, weightColor } from '../charts/color';
import { element, fitText, textElement } from '../charts/svg';
import type { AnimationLook } from './animation-theme';
import type { PlacedCard, PlacedGlyph } from './layout';
import { sizes } from './style';

const mono = (text: string, attrs: Record<string, string | number>) => textElement(text, attrs);

function glyphMask(glyph: PlacedGlyph['glyph']): AttentionMask {
  if (glyph.kind === 'causal') return causalMask(glyph.queries);
  if (glyph.kind === 'cross') return crossMask(glyph.queries, glyph.keys);
  return fullMask(glyph.queries);
}

/** A small attention pattern: allowed cells in the scale's colour, masked cells hatched, the active query outlined. */
export function drawGlyph(placed: PlacedGlyph, hatch: string, look: AnimationLook): string {
  const { palette } = look;
  const { glyph, x, y, cell } = placed;
  const mask = glyphMask(glyph);
  const allowed = weightColor('viridis', maskAllowedLevel, [0, 1]);
  const parts: string[] = [];
  for (let q = 0; q < glyph.queries; q++) {
    for (let k = 0; k < glyph.keys; k++) {
      const fill = isAllowed(mask, q, k) ? allowed : `url(#${hatch})`;
      parts.push(
        element('rect', {
          x: x + k * cell,
          y: y + q * cell,
          width: cell,
          height: cell,
          fill,
          stroke: palette.glyphGap,
          'stroke-width': cell > 6 ? 1 : 0,
        }),
      );
    }
  }
  if (glyph.activeQuery !== undefined) {
    parts.push(
      element('rect', {
        x: x - 2,
        y: y + glyph.activeQuery * cell - 2,
        width: glyph.keys * cell + 4,
        height: cell + 4,
        fill: 'none',
        stroke: palette.highlight,
        'stroke-width': 2.5,
        rx: 2,
      }),
    );
  }
  placed.labelLines.forEach((line, i) =>
    parts.push(
      mono(line, { x, y: y + glyph.queries * cell + 18 + i * 17, 'font-size': 13, fill: palette.muted }),
    ),
  );
  return element('g', { class: `anim-mask-glyph anim-mask-${glyph.kind}` }, parts);
}

/** One position's guesses: the truth, the top candidates with bars, and −log p of the truth in loss frames. */
export function drawCard(card: PlacedCard, look: AnimationLook): string {
  const { palette } = look;
  const parts = [
    element('rect', {
      x: card.x,
      y: card.y,
      width: card.width,
      height: card.height,
      rx: 10,
      fill: palette.cardFill,
      stroke: palette.rule,
    }),
    mono(fitText(card.title, sizes.cardFont, card.width - 24), {
      x: card.x + 12,
      y: card.y + 26,
      'font-size': sizes.cardFont,
      'font-weight': 'bold',
      fill: palette.text,
    }),
    mono(fitText(card.truth, 15, card.width - 24), {
      x: card.x + 12,
      y: card.y + 26 + sizes.cardRow,
      'font-size': 15,
      fill: palette.truth,
    }),
  ];
  const top = card.y + 26 + 2 * sizes.cardRow;
  card.rows.forEach((row, i) => {
    const y = top + i * sizes.cardRow;
    const weight = row.isTruth ? 'bold' : 'normal';
    const fill = row.isTruth ? palette.truth : palette.text;
    parts.push(
      mono(fitText(`${row.isTruth ? '✓ ' : ''}${row.token}`, 16, 96), {
        x: card.x + 12,
        y,
        'font-size': 16,
        'font-weight': weight,
        fill,
      }),
    );
    parts.push(
      element('rect', {
        x: card.x + 112,
        y: y - 13,
        width: Math.max(1, 96 * row.probability),
        height: 14,
        rx: 3,
        fill: row.isTruth ? palette.truth : palette.bar,
      }),
    );
    parts.push(
      mono(`${(row.probability * 100).toFixed(row.probability < 0.1 ? 1 : 0)} %`, {
        x: card.x + card.width - 10,
        y,
        'font-size': 14,
        'text-anchor': 'end',
        fill: palette.muted,
      }),
    );
  });
  card.emptyLines.forEach((line, i) =>
    parts.push(
      mono(line, {
        x: card.x + 12,
        y: top + i * 20,
        'font-size': 15,
        fill: palette.muted,
        'font-style': 'italic',
      }),
    ),
  );
  if (card.loss) {
    parts.push(
      mono(card.loss, {
        x: card.x + 12,
        y: top + card.rows.length * sizes.cardRow,
        'font-size': 15,
        'font-weight': 'bold',
        fill: palette.text,
      }),
    );
  }
  return element('g', { class: 'anim-card' }, parts);
}
