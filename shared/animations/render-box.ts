/** One token box in SVG: a rounded rectangle in its role's colours, the token centred, a caption under it. */
import { element, textElement } from '../charts/svg';
import type { AnimationLook } from './animation-theme';
import type { PlacedBox } from './layout-rows';
import { sizes } from './style';

/** Draws a placed token box in `look`'s colours (highlighted boxes get a ring, dimmed ones are faded). */
export function drawBox(box: PlacedBox, look: AnimationLook): string {
  const { palette } = look;
  const style = look.roles[box.cell.role];
  const { x, y, width, height } = box;
  const parts: string[] = [];
  if (box.cell.highlight) {
    parts.push(
      element('rect', {
        x: x - 4,
        y: y - 4,
        width: width + 8,
        height: height + 8,
        rx: 11,
        fill: 'none',
        stroke: palette.highlight,
        'stroke-width': 3,
      }),
    );
  }
  parts.push(
    element('rect', {
      x,
      y,
      width,
      height,
      rx: 8,
      fill: style.fill,
      stroke: style.stroke,
      'stroke-width': 2,
      'stroke-dasharray': style.dashed ? '5 4' : undefined,
    }),
    textElement(box.text, {
      x: x + width / 2,
      y: y + height / 2 + sizes.tokenFont * 0.36,
      'font-size': sizes.tokenFont,
      'font-weight': style.bold ? 'bold' : undefined,
      'text-anchor': 'middle',
      fill: style.text,
    }),
  );
  if (box.caption !== undefined) {
    parts.push(
      textElement(box.caption, {
        x: x + width / 2,
        y: y + height + sizes.captionFont + 3,
        'font-size': sizes.captionFont,
        'text-anchor': 'middle',
        fill: palette.muted,
      }),
    );
  }
  return element(
    'g',
    { class: `anim-token anim-token-${box.cell.role}`, opacity: box.cell.dim ? 0.3 : undefined },
    parts,
  );
}
