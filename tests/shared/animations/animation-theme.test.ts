import { describe, expect, it } from 'vitest';
import { buildAnimation } from '../../../shared/animations/animation';
import { animationLook } from '../../../shared/animations/animation-theme';
import type { Frame, TokenRole } from '../../../shared/animations/frame';
import { renderFrameSvg } from '../../../shared/animations/render-svg';
import { palette, roleStyles } from '../../../shared/animations/style';
import { colorDistance, parseColor } from '../../../shared/charts/color-math';
import { splitWords } from '../../../shared/text/tokenize';
import { buildVocabulary } from '../../../shared/text/vocabulary';
import { pixelAt, renderSvg } from '../charts/render-svg';
import { contrast } from '../charts/wcag';

const vocab = buildVocabulary(splitWords('the jury said I love this red car'), { size: 200, sentinels: 16 });
/** The roles a student must tell apart in the masking and corruption stories. */
const storyRoles: TokenRole[] = ['mask', 'random', 'keep', 'sentinel', 'target'];

describe('animationLook', () => {
  it('is exactly the look of style.ts in the light theme (the default)', () => {
    expect(animationLook().palette).toBe(palette);
    expect(animationLook('light').roles).toBe(roleStyles);
  });

  for (const [theme, textRatio] of [
    ['dark', 4.5],
    ['contrast', 7],
  ] as const) {
    it(`keeps every text of the ${theme} theme at ${textRatio}:1 or more on its ground (WCAG)`, () => {
      const look = animationLook(theme);
      const p = look.palette;
      for (const [role, style] of Object.entries(look.roles)) {
        expect(contrast(style.text, style.fill), `${role} text`).toBeGreaterThanOrEqual(textRatio);
        // Outlines are graphics: 3:1 against the page (WCAG 1.4.11), so every box shows.
        expect(contrast(style.stroke, p.background), `${role} outline`).toBeGreaterThanOrEqual(3);
      }
      const onPage = [p.text, p.muted, p.note, p.selfAttention, p.crossAttention, p.truth];
      for (const color of onPage)
        expect(contrast(color, p.background), color).toBeGreaterThanOrEqual(textRatio);
      for (const color of [p.text, p.muted, p.truth])
        expect(contrast(color, p.cardFill), `${color} on a card`).toBeGreaterThanOrEqual(textRatio);
      for (const color of [p.arrow, p.highlight, look.masked.hatch])
        expect(contrast(color, p.background), color).toBeGreaterThanOrEqual(3);
    });

    it(`keeps the story's roles apart by colour in the ${theme} theme`, () => {
      const { roles } = animationLook(theme);
      for (let i = 0; i < storyRoles.length; i++) {
        for (let j = i + 1; j < storyRoles.length; j++) {
          const [a, b] = [roles[storyRoles[i] as TokenRole], roles[storyRoles[j] as TokenRole]];
          const apart = Math.max(
            colorDistance(parseColor(a.fill), parseColor(b.fill)),
            colorDistance(parseColor(a.stroke), parseColor(b.stroke)),
          );
          expect(apart, `${storyRoles[i]} vs ${storyRoles[j]}`).toBeGreaterThan(25);
        }
      }
    });
  }
});

describe('renderFrameSvg (themes)', () => {
  const frames = buildAnimation('bert', 'I love this red car', vocab, 3).frames;
  const frame = frames.find((f) =>
    f.blocks.some((b) => b.rows.some((r) => r.tokens.some((t) => t.role === 'mask'))),
  );

  it('draws the same light frame with or without theme: light', () => {
    for (const f of frames) expect(renderFrameSvg(f, { theme: 'light' }).svg).toBe(renderFrameSvg(f).svg);
  });

  it('draws a dark frame on dark ground with the dark role colours and none of the light text', () => {
    const { svg } = renderFrameSvg(frame as Frame, { theme: 'dark' });
    const dark = animationLook('dark');
    expect(svg).toContain(dark.roles.mask.fill);
    expect(svg).toContain(`fill="${dark.palette.text}"`);
    expect(svg).not.toContain(palette.text);
    const image = renderSvg(svg);
    expect(pixelAt(image, 2, 2)).toEqual([...parseColor(dark.palette.background)]);
  });

  it('draws a high-contrast frame on black', () => {
    const image = renderSvg(renderFrameSvg(frame as Frame, { theme: 'contrast' }).svg);
    expect(pixelAt(image, 2, 2)).toEqual([0, 0, 0]);
  });
});
