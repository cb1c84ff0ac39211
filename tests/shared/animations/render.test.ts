import { describe, expect, it } from 'vitest';
import { buildAnimation, withNoModelNote } from '../../../shared/animations/animation';
import type { Frame, Narration } from '../../../shared/animations/frame';
import { objectives } from '../../../shared/animations/frame';
import { gptGenerationFrames } from '../../../shared/animations/gpt-frames';
import { headMeanRow } from '../../../shared/animations/head-mean';
import { animationHeight, layoutFrame } from '../../../shared/animations/layout';
import type { Language } from '../../../shared/animations/narration';
import { narrate, narrationTexts } from '../../../shared/animations/narration';
import { renderFrameSvg } from '../../../shared/animations/render-svg';
import { splitWords } from '../../../shared/text/tokenize';
import { buildVocabulary } from '../../../shared/text/vocabulary';

const long =
  'The jury further said in term end presentments that the City Executive Committee which had over all charge of ' +
  'the election deserves the praise and thanks of the City of Atlanta for the manner in which the election was ' +
  'conducted and the registration laws are outmoded or inadequate and often ambiguous today , said the grand jury of the county';
const vocab = buildVocabulary(splitWords(`${long} I love this red car`), { size: 300, sentinels: 16 });

function allFrames(text: string): Frame[] {
  return objectives.flatMap((objective) => withNoModelNote(buildAnimation(objective, text, vocab, 4).frames));
}

describe('layoutFrame', () => {
  it('never lets two token boxes (or their captions) overlap, for a 60-word sentence, in either language', () => {
    expect(splitWords(long)).toHaveLength(60);
    for (const language of ['en', 'id'] as Language[]) {
      for (const frame of allFrames(long)) {
        const layout = layoutFrame(frame, { language });
        const boxes = layout.rows.boxes.map((b) => ({ ...b, bottom: b.y + b.height + (b.caption ? 22 : 0) }));
        expect(boxes.length).toBeGreaterThan(0);
        for (let i = 0; i < boxes.length; i++) {
          const a = boxes[i] as (typeof boxes)[number];
          expect(a.x).toBeGreaterThanOrEqual(0);
          expect(a.x + a.width).toBeLessThanOrEqual(layout.width - 30);
          for (let j = i + 1; j < boxes.length; j++) {
            const b = boxes[j] as (typeof boxes)[number];
            const apart = a.x + a.width <= b.x || b.x + b.width <= a.x || a.bottom <= b.y || b.bottom <= a.y;
            if (!apart) throw new Error(`${frame.stage}: boxes ${a.text} and ${b.text} overlap`);
          }
        }
        // Wrapped onto several lines, and the cards and footer come after the rows.
        expect(Math.max(...layout.rows.boxes.map((b) => b.line))).toBeGreaterThan(1);
        const rowsBottom = Math.max(...boxes.map((b) => b.bottom));
        for (const card of layout.cards) expect(card.y).toBeGreaterThan(rowsBottom);
        expect(layout.footer.y).toBeLessThanOrEqual(layout.height);
      }
    }
  });

  it('draws every frame of an animation at the height of the tallest', () => {
    const frames = buildAnimation('t5', 'I love this red car', vocab, 10).frames;
    const height = animationHeight(frames);
    for (const frame of frames) expect(renderFrameSvg(frame, { minHeight: height }).height).toBe(height);
  });
});

describe('renderFrameSvg', () => {
  it('escapes sentinels and draws masked keys hatched and the mask glyph', () => {
    const frames = buildAnimation('t5', 'I love this red car', vocab, 10, {
      noiseDensity: 0.6,
      meanSpanLength: 1.5,
    }).frames;
    const decode = frames.find((f) => f.stage === 'decode' && f.predictions[0]?.at.index === 2) as Frame;
    const { svg } = renderFrameSvg(decode, { seed: 10, step: 3, total: frames.length });
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('&lt;X&gt;');
    expect(svg).not.toMatch(/>[^<]*<X>/);
    // Keys 3.. of the decoder row are in the future: 3 hatched overlays over them.
    expect(svg.match(/rx="8" fill="url\(#anim-hatch\)"/g)).toHaveLength(3);
    expect(svg).toContain('class="anim-mask-glyph anim-mask-causal"');
    expect(svg).toContain('class="anim-mask-glyph anim-mask-cross"');
    expect(svg).toContain('seed 10 · frame 4 of');
  });

  it('shows weights and guesses once a model filled them, with the loss of the truth', () => {
    const bert = buildAnimation('bert', 'I love this red car', vocab, 0);
    const loss = bert.frames.find((f) => f.stage === 'loss') as Frame;
    const truth = loss.predictions[0]?.truth as string;
    const filled: Frame = {
      ...loss,
      predictions: loss.predictions.map((slot) => ({
        ...slot,
        candidates: [
          { token: truth, probability: 0.5 },
          { token: 'blue', probability: 0.25 },
        ],
      })),
    };
    const { svg, layout } = renderFrameSvg(filled);
    expect(svg).toContain(`✓ ${truth}`);
    expect(svg).toContain('50 %');
    expect(layout.lossLine?.text).toBe(`Loss = mean of −log p(truth) = ${(-Math.log(0.5)).toFixed(2)}`);
  });
});

describe('narration', () => {
  it('has every text in English and Indonesian, and fills every value the frames give', () => {
    expect(Object.keys(narrationTexts.id).sort()).toEqual(Object.keys(narrationTexts.en).sort());
    const used: Narration[] = [];
    for (const frame of [...allFrames('I love this red car'), ...allFrames('car'), ...allFrames('zyzzyva')]) {
      used.push(frame.narration, ...frame.notes);
      for (const block of frame.blocks)
        for (const row of block.rows) {
          used.push({ key: row.label });
          for (const cell of row.tokens) if (cell.caption) used.push(cell.caption);
        }
    }
    for (const narration of used) {
      for (const language of ['en', 'id'] as Language[]) {
        expect(narrationTexts[language][narration.key], narration.key).toBeDefined();
        expect(narrate(narration, language)).not.toMatch(/\{\w+\}/);
      }
    }
  });
});

describe('gptGenerationFrames', () => {
  it('appends one token a frame, grows the causal mask and shows the newest query’s head-mean attention', () => {
    // 2 layers × 2 heads over keys 0..query, as generate:run sends them.
    const step = (position: number, token: string, values: number[]) => ({
      id: 0,
      token,
      probability: 0.4,
      position,
      query: position - 1,
      decoder: { layers: 2, heads: 2, keys: position, values },
    });
    const generation = {
      tokens: { input: ['<bos>', 'i', 'love', 'the', '<eos>'] },
      stoppedBy: 'eos' as const,
      steps: [
        step(3, 'the', [0.2, 0.3, 0.5, 0.1, 0.1, 0.8, 0.5, 0.25, 0.25, 0.3, 0.3, 0.4]),
        step(4, '<eos>', [...Array(12).fill(0.25), 0.1, 0.2, 0.3, 0.4, 0.4, 0.3, 0.2, 0.1]),
      ],
    };
    const frames = gptGenerationFrames(generation);
    expect(frames.map((f) => f.stage)).toEqual(['prompt', 'generate', 'generate', 'stopped']);
    expect(frames[1]?.masks[0]).toEqual({ kind: 'causal', queries: 4, keys: 4, activeQuery: 2 });
    expect(frames[2]?.masks[0]).toEqual({ kind: 'causal', queries: 5, keys: 5, activeQuery: 3 });
    // Last layer, mean of its two heads, computed by hand: ([0.5,.25,.25] + [.3,.3,.4]) / 2.
    const weights = frames[1]?.attention[0]?.weights ?? [];
    // Keys 0…query only: the newest token did not exist when it was chosen.
    expect(weights).toHaveLength(3);
    [0.4, 0.275, 0.325].forEach((value, k) => expect(weights[k]).toBeCloseTo(value, 12));
    expect(frames[1]?.blocks[0]?.rows[0]?.tokens.map((c) => c.role)).toEqual([
      'special',
      'plain',
      'plain',
      'generated',
    ]);
    expect(frames[3]?.narration).toEqual({ key: 'gpt.stopped.eos', values: { count: 2 } });
    expect(
      headMeanRow({ layers: 1, heads: 2, queries: 2, keys: 2, values: [1, 0, 0.5, 0.5, 0, 1, 0.5, 0.5] }, 1),
    ).toEqual([0.5, 0.5]);
  });
});
