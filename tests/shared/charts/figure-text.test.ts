import { describe, expect, it } from 'vitest';
import { causalMask } from '../../../shared/attention/masks';
import type { AttentionData, ViewRequest } from '../../../shared/charts/attention-view';
import { attentionFigure, attentionTitle, attentionViews } from '../../../shared/charts/attention-view';
import type { FigureText } from '../../../shared/charts/figure-text';
import { figureText, figureTexts } from '../../../shared/charts/figure-text';
import { columnName } from '../../../shared/charts/head-grid';
import { textWidth } from '../../../shared/charts/svg';
import { softmaxStack, t5Input, t5Target } from './fixtures';
import { renderSvg } from './render-svg';

const shape = (queries: number, keys: number) => ({ layers: 2, heads: 3, queries, keys });
const t5: AttentionData = {
  family: 't5',
  tokens: { input: t5Input, target: t5Target },
  attention: {
    encoder: softmaxStack(shape(4, 4), 1),
    cross: softmaxStack(shape(6, 4), 2),
    decoder: softmaxStack(shape(6, 6), 3, causalMask(6)),
  },
  isTruncated: { input: true, target: true },
};
const gptTokens = ['<bos>', 'i', 'love', 'this', 'red', 'car'];
const gpt: AttentionData = {
  family: 'gpt',
  tokens: { input: gptTokens },
  attention: { decoder: softmaxStack(shape(6, 6), 4, causalMask(6)) },
};
/** A short target: the decoder triangle is narrower than its title. */
const t5Short: AttentionData = {
  family: 't5',
  tokens: { input: ['I', '<X>', 'this', 'red', 'car'], target: ['<X>', 'love'] },
  attention: {
    encoder: softmaxStack(shape(5, 5), 5),
    cross: softmaxStack(shape(2, 5), 6),
    decoder: softmaxStack(shape(2, 2), 7, causalMask(2)),
  },
};
const caption = { checkpoint: 'tiny', text: 'I love this red car', date: '2026-11-26' };

/** Every figure the views draw: each view of GPT, and each view and kind of T5 (mask with padding). */
const requests: [AttentionData, ViewRequest][] = [
  ...attentionViews
    .filter((view) => view !== 'triptych')
    .map((view): [AttentionData, ViewRequest] => [gpt, { view, layer: 1, head: 'average', caption }]),
  ...attentionViews.flatMap((view) =>
    (view === 'triptych' ? [undefined] : ([undefined, 'encoder', 'cross', 'decoder'] as const)).map(
      (kind): [AttentionData, ViewRequest] => [
        t5,
        { view, layer: 0, head: 1, padding: 1, ...(kind ? { kind } : {}), caption },
      ],
    ),
  ),
];

/** The text of every `<text>` and `<title>` element, unescaped. */
function texts(svg: string): string[] {
  const unescape = (s: string) =>
    s
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&');
  return [...svg.matchAll(/<(text|title)[^>]*>([^<]*)<\/\1>/g)].map((m) => unescape(m[2] ?? ''));
}

/** Every word of a language's table, the parametrised ones filled in with sample values. */
function words(text: FigureText): string[] {
  const leaves = (value: unknown): string[] =>
    typeof value === 'string'
      ? [value]
      : typeof value === 'object' && value !== null
        ? Object.values(value).flatMap(leaves)
        : [];
  return [
    ...leaves({ ...text, readout: {} }),
    text.layer(1),
    text.heads([0, 2]),
    text.truncated({ input: true, target: false }),
    text.truncated({ input: false, target: true }),
    text.truncated({ input: true, target: true }),
  ];
}

/** English words that Bahasa Indonesia says differently (names and shared terms such as "Model" excluded). */
const englishOnly = words(figureTexts.en).filter((word) => !words(figureTexts.id).includes(word));

describe('figure text', () => {
  it('has every word in both languages, none empty, and most of them really translated', () => {
    for (const language of ['en', 'id'] as const) {
      for (const word of words(figureTexts[language])) expect(word.trim(), language).not.toBe('');
    }
    expect(englishOnly.length / words(figureTexts.en).length).toBeGreaterThan(0.6);
    expect(englishOnly).toEqual(expect.arrayContaining(['Encoder self-attention', 'layer 1', 'key']));
  });

  it('draws every view in Bahasa Indonesia with no English title, label, legend or caption left', () => {
    for (const [data, request] of requests) {
      const name = `${data.family} ${request.view} ${request.kind ?? ''}`;
      const { svg } = attentionFigure(data, { ...request, language: 'id' });
      const shown = texts(svg);
      expect(shown, name).toContain(attentionTitle(data.family, { ...request, language: 'id' }));
      for (const english of englishOnly) {
        expect(
          shown.filter((text) => text.includes(english)),
          `${name}: "${english}"`,
        ).toEqual([]);
      }
      expect(shown.join('\n'), name).toMatch(/Tanggal: 2026-11-26/);
    }
  });

  it('names the kinds and views with the chapter’s Indonesian terms', () => {
    const title = (data: AttentionData, request: ViewRequest) =>
      attentionTitle(data.family, { ...request, language: 'id' });
    expect(title(t5, { view: 'head', kind: 'encoder', layer: 1, head: 'average' })).toBe(
      'Self-attention encoder — lapisan 1, rata-rata head',
    );
    expect(title(gpt, { view: 'grid' })).toBe('Self-attention decoder (kausal) — semua lapisan dan head');
    expect(title(t5, { view: 'lines', heads: [0, 2] })).toBe('Cross-attention — lapisan 0, head 0, 2');
    expect(title(t5, { view: 'mask', kind: 'cross' })).toBe('Cross-attention: mask perhatian');
    expect(title(t5, { view: 'mask' })).toBe('Mask perhatian T5');
    expect(title(t5, { view: 'triptych', head: 2 })).toBe('Perhatian T5 — lapisan 0, head 2');
    const grid = attentionFigure(gpt, { view: 'grid', language: 'id' }).svg;
    expect(texts(grid)).toEqual(expect.arrayContaining(['lapisan 1', 'head 2', 'rata-rata', 'rollout']));
    const triptych = texts(attentionFigure(t5, { view: 'triptych', language: 'id', caption }).svg);
    expect(triptych).toEqual(
      expect.arrayContaining([
        'self-attention encoder',
        'cross-attention',
        'self-attention decoder (kausal)',
        'target (kueri)',
        'input (kunci)',
        'bobot perhatian',
        'di-mask (tidak boleh)',
      ]),
    );
    expect(triptych.join(' ')).toContain('Catatan: Teks dan target dipotong agar muat dalam konteks model.');
    const mask = texts(attentionFigure(gpt, { view: 'mask', language: 'id' }).svg);
    expect(mask).toEqual(expect.arrayContaining(['mask perhatian', 'boleh diperhatikan']));
    const lines = texts(attentionFigure(gpt, { view: 'lines', language: 'id' }).svg);
    expect(lines).toEqual(expect.arrayContaining(['kueri', 'kunci', 'head 0']));
    expect(columnName({ kind: 'average' }, 'id')).toBe('rata-rata');
  });

  it('keeps English the default, word for word', () => {
    for (const [data, request] of requests) {
      expect(attentionFigure(data, { ...request, language: 'en' }).svg).toBe(
        attentionFigure(data, request).svg,
      );
    }
    expect(attentionTitle('gpt', { view: 'head', layer: 1, head: 'average' })).toBe(
      'Decoder self-attention (causal) — layer 1, head average',
    );
    expect(figureText().legend.weight).toBe('attention weight');
    const { svg } = attentionFigure(t5, { view: 'triptych', caption });
    expect(texts(svg).join(' ')).toContain('Note: The text and target was cut');
  });

  it('fits every word of both languages inside its figure', () => {
    const short: [AttentionData, ViewRequest][] = [
      [t5Short, { view: 'triptych' }],
      [t5Short, { view: 'mask' }],
    ];
    for (const language of ['en', 'id'] as const) {
      for (const [data, request] of [...requests, ...short]) {
        const { svg, width, height } = attentionFigure(data, { ...request, language });
        const name = `${language} ${data.family} ${request.view} ${request.kind ?? ''}`;
        for (const m of svg.matchAll(/<text ([^>]*)>([^<]*)<\/text>/g)) {
          const attr = (key: string) => new RegExp(`${key}="([^"]*)"`).exec(m[1] ?? '')?.[1];
          const [x, y, size] = [Number(attr('x')), Number(attr('y')), Number(attr('font-size'))];
          const w = textWidth((m[2] ?? '').replace(/&[a-z]+;/g, 'x'), size);
          const anchor = attr('text-anchor') ?? 'start';
          const start = anchor === 'start' ? 0 : anchor === 'middle' ? w / 2 : w;
          // Rotated −90°: the text runs upwards from (x, y), so its extent is vertical.
          const [from, to, limit] = attr('transform')
            ? [y - w + start, y + start, height]
            : [x - start, x - start + w, width];
          expect(from, `${name}: ${m[2]}`).toBeGreaterThanOrEqual(0);
          expect(to, `${name}: ${m[2]}`).toBeLessThanOrEqual(limit);
        }
      }
    }
  });

  it('renders the Indonesian figures as valid SVG of the size they report', () => {
    for (const [data, request] of requests.filter(([, r]) => r.kind === undefined)) {
      const figure = attentionFigure(data, { ...request, language: 'id' });
      const image = renderSvg(figure.svg);
      expect([image.width, image.height]).toEqual([figure.width, figure.height]);
    }
  });
});
