import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { parseWalkthrough } from '../../../shared/walkthrough/parse';
import { promptingFigure } from '../../../shared/walkthrough/prompting-figure';
import type { WalkthroughStep } from '../../../shared/walkthrough/schema';
import { embedFigure, slideFileName, slideSize, slideSvg } from '../../../shared/walkthrough/slide';

const both = (en: string, id: string) => ({ en, id });
const steps = parseWalkthrough(
  JSON.stringify({
    format: 'attention-lab-walkthrough',
    version: 1,
    title: both('T', 'T'),
    steps: [
      {
        id: 'love',
        kind: 'attention',
        model: 'bert-tiny',
        text: 'I love this red car',
        view: 'head',
        focus: 'love',
        title: both('Love & <attention>', 'Cinta & <perhatian>'),
        narration: both('Every token attends to "love" & more.', 'Semua token memperhatikan "love".'),
      },
      {
        id: 'scaling',
        kind: 'text',
        title: both('Scaling', 'Skalabilitas'),
        narration: both('Power laws. '.repeat(20).trim(), 'Hukum pangkat. '.repeat(20).trim()),
      },
      {
        id: 'few',
        kind: 'prompting',
        model: 'gpt-tiny',
        shot: 'one',
        task: 'Name the day after each day:',
        examples: [
          { input: 'monday', output: 'tuesday' },
          { input: 'tuesday', output: 'wednesday' },
        ],
        prompt: 'thursday',
        title: both('One-shot', 'One-shot'),
        narration: both('One example.', 'Satu contoh.'),
      },
    ],
  }),
).steps;
const [attention, text, prompting] = steps as [WalkthroughStep, WalkthroughStep, WalkthroughStep];

/** A 200 × 100 figure: one rectangle with a label. */
const figure = {
  svg: '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100" viewBox="0 0 200 100" font-family="Arial"><rect width="200" height="100" fill="#123456"/><text x="10" y="50">figure</text></svg>',
  width: 200,
  height: 100,
};

/** The text content of every `<text>` element, unescaped, in document order. */
function texts(svg: string): string[] {
  return [...svg.matchAll(/<text[^>]*>(.*?)<\/text>/g)].map((m) =>
    (m[1] ?? '')
      .replace(/<[^>]+>/g, '')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&'),
  );
}

describe('slideSvg', () => {
  it('draws a parseable 1600 × 900 SVG with the title, the counter, the focus and the narration as caption', () => {
    const svg = slideSvg(attention, { index: 2, total: 17, language: 'en', figure });
    const image = new Resvg(svg).render();
    expect([image.width, image.height]).toEqual([slideSize.width, slideSize.height]);
    const all = texts(svg);
    expect(all).toContain('Love & <attention>');
    expect(all).toContain('3 / 17');
    expect(all).toContain('Look at the row of “love”.');
    expect(all).toContain('figure');
    expect(all.join(' ')).toContain('Every token attends to "love" & more.');
  });

  it('speaks Indonesian when asked', () => {
    const all = texts(slideSvg(attention, { index: 0, total: 1, language: 'id', figure }));
    expect(all).toContain('Cinta & <perhatian>');
    expect(all).toContain('Lihat baris “love”.');
    expect(all.join(' ')).toContain('Semua token memperhatikan "love".');
  });

  it('sets a text step in large type over several lines', () => {
    const svg = slideSvg(text, { index: 0, total: 3, language: 'en' });
    const lines = [...svg.matchAll(/<text[^>]*font-size="(\d+)"[^>]*>[^<]*laws/g)];
    expect(lines.length).toBeGreaterThan(2);
    expect(Number(lines[0]?.[1])).toBeGreaterThanOrEqual(30);
    expect(texts(svg).join(' ')).toContain('Power laws. '.repeat(20).trim());
  });

  it('cuts a narration too long for the slide with an ellipsis', () => {
    const long = { ...text, narration: both('word '.repeat(2000).trim(), 'kata') };
    const all = texts(slideSvg(long, { index: 0, total: 1, language: 'en', figure }));
    expect(all.at(-1)).toMatch(/…$/);
    expect(all.length).toBeLessThan(12);
  });
});

describe('embedFigure', () => {
  it('scales a figure into the box keeping its proportions, at most 1.6 times, centred', () => {
    const small = embedFigure(figure, { x: 0, y: 0, width: 1000, height: 1000 });
    expect(small).toMatch(
      /^<svg x="340" y="420" width="320" height="160" viewBox="0 0 200 100" font-family="Arial">/,
    );
    const large = embedFigure(figure, { x: 10, y: 20, width: 100, height: 100 });
    expect(large).toMatch(/^<svg x="10" y="45" width="100" height="50" /);
    expect(large).toContain('<rect width="200" height="100" fill="#123456"/>');
  });
});

describe('slideFileName', () => {
  it('numbers from 01 with the step id, with more digits for long walkthroughs', () => {
    expect(slideFileName(attention, 0, 17)).toBe('01-love.png');
    expect(slideFileName(attention, 9, 17, 'svg')).toBe('10-love.svg');
    expect(slideFileName(attention, 4, 120)).toBe('005-love.png');
  });
});

describe('promptingFigure', () => {
  it('lays out the task, the examples of the setting and the prompt with the continuation', () => {
    if (prompting.kind !== 'prompting') throw new Error('not a prompting step');
    const drawn = promptingFigure(prompting, 'en', ', and the first');
    const all = texts(drawn.svg);
    expect(all).toContain('Name the day after each day:');
    expect(all).toContain('monday -- tuesday');
    expect(all).not.toContain('tuesday -- wednesday'); // one-shot shows one example
    expect(all).toContain('thursday -- , and the first');
    expect(new Resvg(drawn.svg).render().height).toBe(drawn.height);
    const zero = promptingFigure({ ...prompting, shot: 'zero' }, 'id', '');
    expect(texts(zero.svg)).toContain('tidak ada (zero-shot)');
    expect(texts(zero.svg)).toContain('Deskripsi tugas');
  });
});
