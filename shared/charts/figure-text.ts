/**
 * Every word drawn inside an attention figure — titles, axis titles, panel and column headers, legend labels,
 * caption labels, readouts — in English and Bahasa Indonesia. They live here, not in the renderer's resource
 * files, because the same SVG is drawn by the app, its exports and the headless `attention-lab snapshot`. The
 * Indonesian terms follow the d2l-id chapter: "self-attention encoder", "cross-attention", "kausal", "perhatian".
 */
import type { Language } from '../animations/narration';

export type { Language } from '../animations/narration';

/** The words of one language (a key missing in either language is a type error). */
export interface FigureText {
  /** The three kinds of attention, as figure titles. */
  kind: { encoder: string; decoder: string; cross: string };
  family: { bert: string; gpt: string; t5: string };
  /** Title of the triptych ("T5 attention") and of the T5 mask triptych. */
  t5Attention: string;
  t5Masks: string;
  layer: (layer: number) => string;
  head: (head: number) => string;
  headAverage: string;
  /** The heads a lines figure draws: "heads 0, 2" (one head: {@link FigureText.head}). */
  heads: (heads: readonly number[]) => string;
  everyHead: string;
  everyLayerAndHead: string;
  /** Title suffix of a mask view ("Encoder self-attention: attention mask"). */
  attentionMask: string;
  /** Heatmap axis titles. */
  axis: { query: string; key: string };
  /** Column headers of the lines view. */
  query: string;
  key: string;
  /** Overview columns after the heads. */
  average: string;
  rollout: string;
  /** Triptych panel titles and axis groups. */
  triptych: {
    encoder: string;
    cross: string;
    decoder: string;
    targetQueries: string;
    inputQueries: string;
    inputKeys: string;
    targetKeys: string;
  };
  legend: { weight: string; masked: string; mask: string; allowed: string };
  caption: {
    model: string;
    checkpoint: string;
    layer: string;
    head: string;
    text: string;
    target: string;
    date: string;
    note: string;
    /** Head values of the caption. */
    average: string;
    all: string;
  };
  /** The notice when the text (input) and/or the target was cut to the model's context. */
  truncated: (cut: { input: boolean; target: boolean }) => string;
  /** Screen-reader readouts of a cell and of the lines view. */
  readout: {
    pair: (query: string, key: string) => string;
    masked: string;
    pressEnter: string;
    heads: string;
    noLine: (query: string) => string;
    strongest: (query: string, key: string, weight: string, head: number) => string;
  };
}

const en: FigureText = {
  kind: {
    encoder: 'Encoder self-attention',
    decoder: 'Decoder self-attention (causal)',
    cross: 'Cross-attention',
  },
  family: { bert: 'BERT (encoder-only)', gpt: 'GPT (decoder-only)', t5: 'T5 (encoder–decoder)' },
  t5Attention: 'T5 attention',
  t5Masks: 'T5 attention masks',
  layer: (layer) => `layer ${layer}`,
  head: (head) => `head ${head}`,
  headAverage: 'head average',
  heads: (heads) => `head${heads.length === 1 ? '' : 's'} ${heads.join(', ')}`,
  everyHead: 'every head',
  everyLayerAndHead: 'every layer and head',
  attentionMask: 'attention mask',
  axis: { query: 'query (attends from)', key: 'key (attended to)' },
  query: 'query',
  key: 'key',
  average: 'average',
  rollout: 'rollout',
  triptych: {
    encoder: 'encoder self-attention',
    cross: 'cross-attention',
    decoder: 'decoder self-attention (causal)',
    targetQueries: 'target (queries)',
    inputQueries: 'input (queries)',
    inputKeys: 'input (keys)',
    targetKeys: 'target (keys)',
  },
  legend: {
    weight: 'attention weight',
    masked: 'masked (not allowed)',
    mask: 'attention mask',
    allowed: 'allowed (may attend)',
  },
  caption: {
    model: 'Model',
    checkpoint: 'Checkpoint',
    layer: 'Layer',
    head: 'Head',
    text: 'Text',
    target: 'Target',
    date: 'Date',
    note: 'Note',
    average: 'average',
    all: 'all',
  },
  truncated: ({ input, target }) => {
    const cut = [input ? 'text' : '', target ? 'target' : ''].filter(Boolean).join(' and ');
    return `The ${cut} was cut to fit the model's context.`;
  },
  readout: {
    pair: (query, key) => `query “${query}” → key “${key}”`,
    masked: 'masked (not allowed)',
    pressEnter: 'press Enter to open',
    heads: 'Heads',
    noLine: (query) => `“${query}”: no line above the threshold`,
    strongest: (query, key, weight, head) => `“${query}” attends most to “${key}” (${weight}, head ${head})`,
  },
};

const id: FigureText = {
  kind: {
    encoder: 'Self-attention encoder',
    decoder: 'Self-attention decoder (kausal)',
    cross: 'Cross-attention',
  },
  family: { bert: 'BERT (hanya encoder)', gpt: 'GPT (hanya decoder)', t5: 'T5 (encoder–decoder)' },
  t5Attention: 'Perhatian T5',
  t5Masks: 'Mask perhatian T5',
  layer: (layer) => `lapisan ${layer}`,
  head: (head) => `head ${head}`,
  headAverage: 'rata-rata head',
  heads: (heads) => `head ${heads.join(', ')}`,
  everyHead: 'semua head',
  everyLayerAndHead: 'semua lapisan dan head',
  attentionMask: 'mask perhatian',
  axis: { query: 'kueri (yang memperhatikan)', key: 'kunci (yang diperhatikan)' },
  query: 'kueri',
  key: 'kunci',
  average: 'rata-rata',
  rollout: 'rollout',
  triptych: {
    encoder: 'self-attention encoder',
    cross: 'cross-attention',
    decoder: 'self-attention decoder (kausal)',
    targetQueries: 'target (kueri)',
    inputQueries: 'input (kueri)',
    inputKeys: 'input (kunci)',
    targetKeys: 'target (kunci)',
  },
  legend: {
    weight: 'bobot perhatian',
    masked: 'di-mask (tidak boleh)',
    mask: 'mask perhatian',
    allowed: 'boleh diperhatikan',
  },
  caption: {
    model: 'Model',
    checkpoint: 'Checkpoint',
    layer: 'Lapisan',
    head: 'Head',
    text: 'Teks',
    target: 'Target',
    date: 'Tanggal',
    note: 'Catatan',
    average: 'rata-rata',
    all: 'semua',
  },
  truncated: ({ input, target }) => {
    const cut = [input ? 'teks' : '', target ? 'target' : ''].filter(Boolean).join(' dan ');
    return `${cut.charAt(0).toUpperCase()}${cut.slice(1)} dipotong agar muat dalam konteks model.`;
  },
  readout: {
    pair: (query, key) => `kueri “${query}” → kunci “${key}”`,
    masked: 'di-mask (tidak boleh)',
    pressEnter: 'tekan Enter untuk membuka',
    heads: 'Head',
    noLine: (query) => `“${query}”: tidak ada garis di atas ambang`,
    strongest: (query, key, weight, head) =>
      `“${query}” paling memperhatikan “${key}” (${weight}, head ${head})`,
  },
};

/** The figure words of both languages. */
export const figureTexts: Readonly<Record<Language, FigureText>> = { en, id };

/** The figure words of `language` (default English). */
export function figureText(language: Language = 'en'): FigureText {
  return figureTexts[language];
}
