/**
 * `attention-lab walkthrough --lang en|id [--file WALKTHROUGH] --out DIR [--scale 1|2] [--json]`: a walkthrough
 * (the chapter's by default) as numbered PNG slides — each step's live view with its narration as the caption —
 * for a slide deck, without a window. Runs the models in-process and writes each file atomically.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { LabError } from '../../../shared/contract/errors';
import { chapterWalkthrough } from '../../../shared/walkthrough/chapter';
import { parseWalkthrough } from '../../../shared/walkthrough/parse';
import type { Walkthrough, WalkthroughLanguage } from '../../../shared/walkthrough/schema';
import { maxWalkthroughBytes, walkthroughLanguages } from '../../../shared/walkthrough/schema';
import { startEngine } from '../../engine/engine';
import { exportWalkthrough } from '../../engine/walkthrough/export';
import { choiceFlag, requiredFlag } from '../args';
import type { Command } from '../command';

/** The walkthrough file at `path`, read and checked (its name leads every error). */
async function readWalkthrough(path: string): Promise<Walkthrough> {
  let text: string;
  try {
    const bytes = await readFile(path);
    if (bytes.length > maxWalkthroughBytes) {
      throw new LabError(
        'payload-too-large',
        `${path} is too large for a walkthrough (${bytes.length} bytes).`,
      );
    }
    text = bytes.toString('utf8');
  } catch (error) {
    if (error instanceof LabError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT'
        ? 'there is no such file'
        : code === 'EISDIR'
          ? 'it is a folder'
          : (error as Error).message;
    throw new LabError('not-found', `Cannot read the walkthrough ${path}: ${reason}.`);
  }
  try {
    return parseWalkthrough(text);
  } catch (error) {
    if (error instanceof LabError) throw new LabError(error.code, `${path}: ${error.message}`);
    throw error;
  }
}

/** The `walkthrough` subcommand. */
export const walkthroughCommand: Command = {
  name: 'walkthrough',
  summary:
    'Export a classroom walkthrough (default: the chapter) as numbered PNG slides with narration captions.',
  flags: {
    lang: { type: 'string', value: 'en|id', description: 'language of titles and narration (default en)' },
    file: { type: 'string', value: 'WALKTHROUGH', description: 'a walkthrough file (default: the chapter)' },
    out: {
      type: 'string',
      value: 'DIR',
      description: 'folder for 01-….png, 02-….png, … (created if missing)',
    },
    scale: {
      type: 'string',
      value: '1|2',
      description: 'pixels per slide pixel: 1 = 1600×900, 2 = 3200×1800 (default 1)',
    },
    json: { type: 'boolean', description: 'print {"files":[…],"lang","steps"} as one JSON line' },
  },
  async run(flags, output) {
    const language = choiceFlag<WalkthroughLanguage>(flags, 'lang', walkthroughLanguages, 'en');
    const out = requiredFlag(flags, 'out');
    const scale = Number(choiceFlag(flags, 'scale', ['1', '2'], '1'));
    const file = typeof flags['file'] === 'string' ? flags['file'] : undefined;
    const walkthrough = file === undefined ? chapterWalkthrough() : await readWalkthrough(file);
    await startEngine();
    const { files } = await exportWalkthrough(walkthrough, { language, outDir: out, scale });
    if (flags['json']) output.out(JSON.stringify({ files, lang: language, steps: walkthrough.steps.length }));
    else output.out(`Wrote ${files.length} slides (${language}) to ${resolve(out)}`);
    return 0;
  },
};
