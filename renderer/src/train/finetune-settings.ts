/**
 * The Fine-tune form's values as the user types them, the tasks each family can learn, and the one conversion
 * to a `finetune:start` request that names every field it cannot accept.
 */
import type { FinetuneStartInput } from '../../../shared/contract/finetune';
import type { CheckpointsFolder } from './train-settings';
import { distinctFolder, folderStamp } from './train-settings';

/** The families that fine-tune (a GPT adapts by prompting instead). */
export type FinetuneFamily = 'bert' | 't5';

/** Where the checkpoint comes from: a shipped model, the last training run's folder, or a typed folder. */
export type CheckpointChoice = 'bert-tiny' | 't5-tiny' | 'last' | 'folder';

/** The tasks of the form; `csv` is `text,label` for BERT and `input,target` for T5. */
export type FinetuneTaskChoice = 'brown-genre' | 'brown-pos' | 't5-pos' | 'csv';

/** The tasks each family can learn, in the form's order. */
export const tasksByFamily: Record<FinetuneFamily, readonly FinetuneTaskChoice[]> = {
  bert: ['brown-genre', 'brown-pos', 'csv'],
  t5: ['t5-pos', 'csv'],
};

/** Everything the form holds. */
export interface FinetuneSettings {
  checkpoint: CheckpointChoice;
  /** The folder typed in (choice `folder`). */
  folderPath: string;
  /** The family of the typed folder (the form cannot read it before the run). */
  folderFamily: FinetuneFamily;
  task: FinetuneTaskChoice;
  csvPath: string;
  steps: string;
  seed: string;
  outDir: string;
}

/** A field the request cannot accept. */
export type FinetuneField = 'folderPath' | 'csvPath' | 'steps' | 'seed' | 'outDir' | 'last';

/** The last training run's checkpoint, when it is a BERT or T5 the form can offer. */
export interface LastRun {
  path: string;
  family: FinetuneFamily;
}

/** The family of the chosen checkpoint. */
export function familyOf(settings: FinetuneSettings, lastRun: LastRun | null): FinetuneFamily {
  if (settings.checkpoint === 'bert-tiny') return 'bert';
  if (settings.checkpoint === 't5-tiny') return 't5';
  if (settings.checkpoint === 'last') return lastRun?.family ?? 'bert';
  return settings.folderFamily;
}

/** The task kept when the family changes: the same one if that family has it, else the family's first. */
export function taskFor(family: FinetuneFamily, task: FinetuneTaskChoice): FinetuneTaskChoice {
  const tasks = tasksByFamily[family];
  return tasks.includes(task) ? task : (tasks[0] ?? 'csv');
}

/** "finetune-brown-genre-2026-11-26-141205": a fresh folder name per task and second. */
function runFolderName(task: FinetuneTaskChoice, now: Date): string {
  return `finetune-${task}-${folderStamp(now)}`;
}

/** `<checkpoints folder>/finetune-<task>-<stamp>`; empty while the folder is not known yet. */
export function defaultFinetuneOutDir(
  task: FinetuneTaskChoice,
  now: Date,
  folder: CheckpointsFolder | null,
): string {
  if (!folder) return '';
  return `${folder.path.replace(/[\\/]+$/, '')}${folder.separator}${runFolderName(task, now)}`;
}

/** Whether `outDir` is still a default the form may replace when the task changes. */
export function isDefaultFinetuneOutDir(outDir: string, folder: CheckpointsFolder | null): boolean {
  if (outDir === '') return true;
  if (!folder) return false;
  const base = `${folder.path.replace(/[\\/]+$/, '')}${folder.separator}`;
  return outDir.startsWith(base) && /^finetune-[a-z0-9-]+$/.test(outDir.slice(base.length));
}

/**
 * The output folder after a fine-tune into `ranInto` ended: a fresh default when the field still holds that
 * run's default (so a second run does not overwrite the first), else the field as the user left it.
 */
export function finetuneOutDirAfterRun(
  settings: FinetuneSettings,
  ranInto: string,
  now: Date,
  folder: CheckpointsFolder | null,
): string {
  const isRunDefault = settings.outDir === ranInto && isDefaultFinetuneOutDir(settings.outDir, folder);
  return isRunDefault
    ? distinctFolder(defaultFinetuneOutDir(settings.task, now, folder), ranInto)
    : settings.outDir;
}

/** The form's first values: the shipped BERT learning Brown genres. */
export function defaultFinetuneSettings(now: Date, folder: CheckpointsFolder | null): FinetuneSettings {
  return {
    checkpoint: 'bert-tiny',
    folderPath: '',
    folderFamily: 'bert',
    task: 'brown-genre',
    csvPath: '',
    steps: '300',
    seed: '0',
    outDir: defaultFinetuneOutDir('brown-genre', now, folder),
  };
}

/** A non-negative whole number, or `null`. */
function wholeNumber(text: string): number | null {
  const trimmed = text.trim();
  return /^\d+$/.test(trimmed) ? Number(trimmed) : null;
}

/** The request, or the fields to fix (the engine still checks paths and bounds and says why). */
export function toFinetuneInput(
  settings: FinetuneSettings,
  lastRun: LastRun | null,
): { input: FinetuneStartInput; invalid: [] } | { input: null; invalid: FinetuneField[] } {
  const invalid: FinetuneField[] = [];
  const steps = wholeNumber(settings.steps);
  if (steps === null || steps < 1) invalid.push('steps');
  const seed = wholeNumber(settings.seed);
  if (seed === null) invalid.push('seed');
  const folderPath = settings.folderPath.trim();
  if (settings.checkpoint === 'folder' && folderPath === '') invalid.push('folderPath');
  if (settings.checkpoint === 'last' && !lastRun) invalid.push('last');
  const csvPath = settings.csvPath.trim();
  if (settings.task === 'csv' && csvPath === '') invalid.push('csvPath');
  const outDir = settings.outDir.trim();
  if (outDir === '') invalid.push('outDir');
  if (invalid.length > 0 || steps === null || seed === null) return { input: null, invalid };
  const checkpoint: FinetuneStartInput['checkpoint'] =
    settings.checkpoint === 'bert-tiny' || settings.checkpoint === 't5-tiny'
      ? { kind: 'builtin', id: settings.checkpoint }
      : { kind: 'checkpoint', path: settings.checkpoint === 'last' ? (lastRun?.path ?? '') : folderPath };
  const task = settings.task === 'csv' ? { csv: csvPath } : settings.task;
  return { input: { checkpoint, task, steps, seed, outDir }, invalid: [] };
}
