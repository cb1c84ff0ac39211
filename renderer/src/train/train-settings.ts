/**
 * The Train form's values as the user types them (strings, so a half-typed number stays on screen), their
 * defaults, and the one conversion to a `train:start` request that names every field it cannot accept.
 */
import type { TrainStartInput } from '../../../shared/contract/train';

/** A model family the lab trains. */
export type TrainFamily = TrainStartInput['family'];

/** How the model's size is chosen: a preset, or every size by hand. */
export type SizeMode = 'tiny' | 'small' | 'custom';

/** The custom size fields, in the form's order. */
export const sizeFields = ['layers', 'dModel', 'heads', 'dFf', 'maxLength'] as const;
export type SizeField = (typeof sizeFields)[number];

/** The numeric run fields, in the form's order. */
export const runFields = ['steps', 'learningRate', 'batchSize', 'seed'] as const;
export type RunField = (typeof runFields)[number];

/** Everything the form holds. */
export interface TrainSettings {
  family: TrainFamily;
  sizeMode: SizeMode;
  sizes: Record<SizeField, string>;
  corpus: 'brown' | 'file';
  corpusPath: string;
  run: Record<RunField, string>;
  /** Steps between checkpoints (each kept in the run's history for replay); empty = about a tenth of the run. */
  checkpointEvery: string;
  outDir: string;
}

/** A field the request cannot accept, by its name in the form. */
export type SettingsField = SizeField | RunField | 'checkpointEvery' | 'corpusPath' | 'outDir';

/** The sizes of the engine's `tiny` preset: where a custom size starts. */
const tinySizes: Record<SizeField, string> = {
  layers: '2',
  dModel: '128',
  heads: '4',
  dFf: '512',
  maxLength: '64',
};

/** Where new checkpoints go (`app:info`'s `paths.checkpoints`) and the separator of the engine's platform. */
export interface CheckpointsFolder {
  path: string;
  separator: '/' | '\\';
}

/** The checkpoints folder `app:info` names, joined with Windows' separator on Windows and `/` elsewhere. */
export function checkpointsFolder(info: {
  platform: string;
  paths: { checkpoints: string };
}): CheckpointsFolder {
  return { path: info.paths.checkpoints, separator: info.platform === 'win32' ? '\\' : '/' };
}

/** "2026-11-26-141205": the local date and time to the second, stamped on default output folders. */
export function folderStamp(now: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  const time = `${pad(now.getHours())}${pad(now.getMinutes())}${pad(now.getSeconds())}`;
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}-${time}`;
}

/** "gpt-2026-11-26-141205": a fresh folder name per family and second. */
function runFolderName(family: TrainFamily, now: Date): string {
  return `${family}-${folderStamp(now)}`;
}

/**
 * `<checkpoints folder>/gpt-2026-11-26-141205`, a full path the engine resolves the same wherever it runs; empty
 * while the folder is not known yet (`app:info` has not answered).
 */
export function defaultOutDir(family: TrainFamily, now: Date, folder: CheckpointsFolder | null): string {
  if (!folder) return '';
  const base = folder.path.replace(/[\\/]+$/, '');
  return `${base}${folder.separator}${runFolderName(family, now)}`;
}

/** Whether `outDir` is still a default (empty, or a family folder of {@link defaultOutDir}) the form may replace. */
export function isDefaultOutDir(outDir: string, folder: CheckpointsFolder | null): boolean {
  if (outDir === '') return true;
  if (!folder) return false;
  const base = `${folder.path.replace(/[\\/]+$/, '')}${folder.separator}`;
  return outDir.startsWith(base) && /^(bert|t5|gpt)-[\d-]+$/.test(outDir.slice(base.length));
}

/**
 * `fresh`, or — when a run ended within the second its folder was stamped, so the new default would name the
 * same folder — `fresh-2`, `fresh-3`, … past the one the run used.
 */
export function distinctFolder(fresh: string, ranInto: string): string {
  if (fresh !== ranInto && !ranInto.startsWith(`${fresh}-`)) return fresh;
  const used = Number(/^-(\d+)$/.exec(ranInto.slice(fresh.length))?.[1] ?? 1);
  return `${fresh}-${used + 1}`;
}

/**
 * The output folder after a run into `ranInto` ended: a fresh default when the field still holds that run's
 * default (so a second run does not overwrite the first), else the field as the user left it.
 */
export function outDirAfterRun(
  settings: TrainSettings,
  ranInto: string,
  now: Date,
  folder: CheckpointsFolder | null,
): string {
  const isRunDefault = settings.outDir === ranInto && isDefaultOutDir(settings.outDir, folder);
  return isRunDefault
    ? distinctFolder(defaultOutDir(settings.family, now, folder), ranInto)
    : settings.outDir;
}

/** The form's first values (the output folder follows once `folder` is known). */
export function defaultSettings(now: Date, folder: CheckpointsFolder | null = null): TrainSettings {
  return {
    family: 'gpt',
    sizeMode: 'tiny',
    sizes: { ...tinySizes },
    corpus: 'brown',
    corpusPath: '',
    run: { steps: '300', learningRate: '0.001', batchSize: '16', seed: '0' },
    checkpointEvery: '',
    outDir: defaultOutDir('gpt', now, folder),
  };
}

/** The checkpoint interval an empty field stands for: about ten checkpoints (and a history of about 12). */
export function autoCheckpointEvery(steps: number): number {
  return Math.max(1, Math.round(steps / 10));
}

/** A whole number or a decimal (plain or with an exponent), nothing else. */
const numberPattern = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

function parseNumber(text: string, isInteger: boolean): number | null {
  const trimmed = text.trim();
  if (!numberPattern.test(trimmed)) return null;
  const value = Number(trimmed);
  if (!Number.isFinite(value) || (isInteger && !Number.isInteger(value))) return null;
  return value;
}

/** The request, or the fields to fix (the engine still checks the bounds and says why). */
export function toStartInput(
  settings: TrainSettings,
): { input: TrainStartInput; invalid: [] } | { input: null; invalid: SettingsField[] } {
  const invalid: SettingsField[] = [];
  const read = (field: SizeField | RunField | 'checkpointEvery', text: string, isInteger = true): number => {
    const value = parseNumber(text, isInteger);
    if (value === null || value < 0) invalid.push(field);
    return value ?? 0;
  };
  const sizes: NonNullable<TrainStartInput['sizes']> = {};
  if (settings.sizeMode === 'custom') {
    for (const field of sizeFields) sizes[field] = read(field, settings.sizes[field]);
  }
  const steps = read('steps', settings.run.steps);
  const learningRate = read('learningRate', settings.run.learningRate, false);
  const batchSize = read('batchSize', settings.run.batchSize);
  const seed = read('seed', settings.run.seed);
  const checkpointEvery =
    settings.checkpointEvery.trim() === ''
      ? autoCheckpointEvery(steps)
      : read('checkpointEvery', settings.checkpointEvery);
  const corpusPath = settings.corpusPath.trim();
  if (settings.corpus === 'file' && corpusPath === '') invalid.push('corpusPath');
  const outDir = settings.outDir.trim();
  if (outDir === '') invalid.push('outDir');
  if (invalid.length > 0) return { input: null, invalid };
  return {
    input: {
      family: settings.family,
      preset: settings.sizeMode === 'small' ? 'small' : 'tiny',
      sizes,
      corpus: settings.corpus === 'file' ? { kind: 'file', path: corpusPath } : { kind: 'brown' },
      steps,
      learningRate,
      batchSize,
      seed,
      // A few validation points on any run length, so the validation curve has a shape.
      evalEvery: Math.max(1, Math.round(steps / 10)),
      checkpointEvery,
      outDir,
    },
    invalid: [],
  };
}

/** The i18n key of a field's label. */
export function fieldLabelKey(field: SettingsField): string {
  if ((sizeFields as readonly string[]).includes(field)) return `train.form.sizes.${field}`;
  if ((runFields as readonly string[]).includes(field)) return `train.form.run.${field}`;
  return `train.form.${field}`;
}
