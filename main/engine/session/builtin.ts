/**
 * The built-in models: the tiny BERT, T5 and GPT that `npm run train:assets` trains on Brown and writes to
 * assets/checkpoints/<id>/, and where to find that folder at run time:
 * - packaged app: electron-builder copies assets/checkpoints to `<resources>/assets/checkpoints`
 *   (`extraResources` in electron-builder.yml), found through `process.resourcesPath`;
 * - from the built dist/ (dist/main/engine.mjs) and from the sources (main/engine/session/): the first
 *   `assets/checkpoints` folder up from this module's directory — the repository's (or `app.asar/assets/…`
 *   should the folder ever be packed inside the archive instead).
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BuiltinModelId } from '../../../shared/contract/model';
import type { ModelFamily } from '../models/config';

/** A shipped model as the app lists it. */
export interface BuiltinModel {
  id: BuiltinModelId;
  family: ModelFamily;
  name: string;
  description: string;
}

/** Every built-in model, in the chapter's order (encoder-only, encoder–decoder, decoder-only). */
export const builtinModels: readonly BuiltinModel[] = [
  {
    id: 'bert-tiny',
    family: 'bert',
    name: 'Tiny BERT',
    description:
      'Encoder-only, 2 layers × 4 heads, trained on the Brown corpus to fill in masked words: every token attends to every token.',
  },
  {
    id: 't5-tiny',
    family: 't5',
    name: 'Tiny T5',
    description:
      'Encoder–decoder, 2 + 2 layers × 4 heads, trained on Brown by span corruption: the decoder writes the missing spans after sentinels like <X>, attending to the input through cross-attention.',
  },
  {
    id: 'gpt-tiny',
    family: 'gpt',
    name: 'Tiny GPT',
    description:
      'Decoder-only, 2 layers × 4 heads, trained on Brown to predict the next word: each token attends to itself and the tokens before it.',
  },
];

/** The catalogue entry of `id`. */
export function builtinModel(id: BuiltinModelId): BuiltinModel {
  const model = builtinModels.find((entry) => entry.id === id);
  if (!model) throw new Error(`Unknown built-in model ${id}`);
  return model;
}

const relativeFolder = join('assets', 'checkpoints');

/**
 * The folder holding the built-in checkpoints: the packaged app's resources first, then the nearest
 * `assets/checkpoints` up from `moduleDir`; the first of these places when none exists.
 */
export function builtinCheckpointsRoot(options: { resourcesPath?: string; moduleDir?: string } = {}): string {
  const resourcesPath =
    options.resourcesPath ?? (process as NodeJS.Process & { resourcesPath?: string }).resourcesPath;
  const moduleDir = options.moduleDir ?? dirname(fileURLToPath(import.meta.url));
  const candidates: string[] = resourcesPath ? [join(resourcesPath, relativeFolder)] : [];
  for (let dir = moduleDir, level = 0; level < 5; level++, dir = dirname(dir)) {
    candidates.push(join(dir, relativeFolder));
  }
  return candidates.find((candidate) => existsSync(candidate)) ?? candidates[0] ?? relativeFolder;
}
