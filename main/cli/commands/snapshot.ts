/**
 * `attention-lab snapshot --checkpoint DIR --view head|grid|lines|mask|triptych --text "…" [--target "…"]
 * [--layer L] [--head H|average] [--attention encoder|decoder|cross] [--scale S] [--theme light|dark]
 * [--colormap viridis|cividis|magma] [--lang en|id] --out FILE.png|FILE.svg`: an attention figure without a
 * window, for preparing slides in batch (titles, labels and caption in English or Bahasa Indonesia). Runs the
 * model in-process and writes the file atomically.
 */
import { basename, resolve } from 'node:path';
import type { AttentionKind, AttentionView, ViewRequest } from '../../../shared/charts/attention-view';
import { attentionKinds, attentionViews, withDisplayTokens } from '../../../shared/charts/attention-view';
import type { ColormapName, ThemeName } from '../../../shared/charts/color';
import type { Language } from '../../../shared/charts/figure-text';
import { colormapNames } from '../../../shared/charts/color';
import { LabError } from '../../../shared/contract/errors';
import { loadCheckpoint } from '../../engine/checkpoint';
import { startEngine } from '../../engine/engine';
import { attendText } from '../../engine/infer/attend';
import { checkWritable, snapshotFormat, snapshotScales, writeSnapshot } from '../../engine/snapshot';
import type { ParsedFlags } from '../args';
import { choiceFlag, intFlag, numberFlag, requiredChoiceFlag, requiredFlag } from '../args';
import type { Command } from '../command';

/** `--head`: a whole number or `average`. */
function headFlag(flags: ParsedFlags): number | 'average' | undefined {
  if (flags['head'] === 'average') return 'average';
  return flags['head'] === undefined ? undefined : intFlag(flags, 'head', 0, 0, 1023);
}

/** Today as YYYY-MM-DD in local time (the caption's date). */
function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export const snapshotCommand: Command = {
  name: 'snapshot',
  summary: 'Save an attention view of a checkpoint as PNG (1×–4×) or SVG, with a caption — no window needed.',
  flags: {
    checkpoint: {
      type: 'string',
      value: 'DIR',
      description: 'checkpoint folder (from `attention-lab train`)',
    },
    view: { type: 'string', value: attentionViews.join('|'), description: 'what to draw' },
    text: { type: 'string', value: 'TEXT', description: 'the text to read (T5: the encoder input)' },
    target: { type: 'string', value: 'TEXT', description: 'T5 only: the target text for the decoder' },
    layer: { type: 'string', value: 'L', description: 'layer (default 0)' },
    head: { type: 'string', value: 'H|average', description: 'head (default: head 0; lines: every head)' },
    attention: {
      type: 'string',
      value: attentionKinds.join('|'),
      description: 'kind of attention (default: the model’s own; T5: cross)',
    },
    scale: {
      type: 'string',
      value: 'S',
      description: `PNG pixels per CSS pixel, ${snapshotScales.min} to ${snapshotScales.max} (default 2)`,
    },
    theme: { type: 'string', value: 'light|dark', description: 'colours (default light)' },
    colormap: {
      type: 'string',
      value: colormapNames.join('|'),
      description: 'colour scale (default viridis)',
    },
    lang: { type: 'string', value: 'en|id', description: 'language of the figure’s words (default en)' },
    out: { type: 'string', value: 'FILE.png|FILE.svg', description: 'where to write the snapshot' },
    json: { type: 'boolean', description: 'print what was written as one JSON object' },
  },
  async run(flags, output) {
    const dir = requiredFlag(flags, 'checkpoint');
    const out = requiredFlag(flags, 'out');
    const text = requiredFlag(flags, 'text');
    if (text.trim() === '')
      throw new LabError('invalid-argument', '--text is empty: give the sentence to look at.');
    const view = requiredChoiceFlag<AttentionView>(flags, 'view', attentionViews);
    const kind = choiceFlag<AttentionKind>(flags, 'attention', attentionKinds);
    const theme = choiceFlag<ThemeName>(flags, 'theme', ['light', 'dark'], 'light');
    const colormap = choiceFlag<ColormapName>(flags, 'colormap', colormapNames, 'viridis');
    const language = choiceFlag<Language>(flags, 'lang', ['en', 'id'], 'en');
    const scale = numberFlag(flags, 'scale', 2, snapshotScales.min, snapshotScales.max);
    const layer = intFlag(flags, 'layer', 0, 0, 1023);
    const head = headFlag(flags) ?? (view === 'lines' ? undefined : 0);
    const target = typeof flags['target'] === 'string' ? flags['target'] : undefined;
    snapshotFormat(out);
    await checkWritable(out); // fail before the model runs

    await startEngine();
    const { model, vocab } = await loadCheckpoint(dir);
    try {
      const result = attendText(model, vocab, { text, ...(target !== undefined ? { target } : {}) });
      const request: ViewRequest = {
        view,
        layer,
        ...(head !== undefined ? { head } : {}),
        ...(kind ? { kind } : {}),
        ...(theme ? { theme } : {}),
        ...(colormap ? { colormap } : {}),
        ...(language ? { language } : {}),
        caption: {
          checkpoint: basename(resolve(dir)),
          text,
          ...(target !== undefined ? { target } : {}),
          date: today(),
        },
      };
      const written = await writeSnapshot(withDisplayTokens(result), request, out, scale);
      if (flags['json']) output.out(JSON.stringify({ ...written, path: resolve(written.path), view, scale }));
      else
        output.out(
          `Wrote ${resolve(written.path)} (${written.width}×${written.height}, ${written.bytes} bytes)`,
        );
      return 0;
    } finally {
      model.dispose();
    }
  },
};
