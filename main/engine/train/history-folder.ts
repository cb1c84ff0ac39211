/**
 * Where a run's checkpoint history lives: `<checkpoint>.history/step-000050/`, a folder beside the checkpoint
 * (each save of the checkpoint replaces its folder atomically, which would take a history inside it along).
 * Shared by training (writes it), `train:history` (lists it) and the library (moves it with its checkpoint).
 * A folder of that name counts as the checkpoint's history only when it holds nothing but history entries
 * (and the litter file managers leave behind).
 */
import { readdir, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { maxHistoryEntries } from '../../../shared/contract/train';
import { checkpointFiles } from '../checkpoint/format';

/** The ending of a history folder's name. */
export const historySuffix = '.history';

/** The history folder of the checkpoint folder `checkpoint`. */
export function historyDir(checkpoint: string): string {
  return `${resolve(checkpoint)}${historySuffix}`;
}

/** The folder name of the history entry of `step` ("step-000050"). */
export function historyEntryName(step: number): string {
  return `step-${String(step).padStart(6, '0')}`;
}

/** The step an entry's folder name stands for, or `null` when the name is not one of ours. */
export function historyEntryStep(name: string): number | null {
  const match = /^step-(\d{6,})$/.exec(name);
  return match?.[1] === undefined ? null : Number(match[1]);
}

/** Whether a folder named `name` may be a history folder (its name ends in `.history`). */
export function isHistoryFolderName(name: string): boolean {
  return name.endsWith(historySuffix) && name.length > historySuffix.length;
}

/** The checkpoint folder a history folder belongs to. */
export function checkpointOfHistory(history: string): string {
  const dir = resolve(history);
  if (!isHistoryFolderName(basename(dir))) throw new Error(`${dir} is not a history folder`);
  return dir.slice(0, -historySuffix.length);
}

/** A save of an entry in progress (or its previous version set aside, or one being deleted): see save.ts. */
const savingEntry = /^\.step-\d{6,}\.(writing|previous|deleting)-/;

/** Files that Finder and Explorer drop into any folder they show. */
const fileManagerLitter = new Set(['.ds_store', 'thumbs.db', 'desktop.ini']);

/**
 * Whether a history folder's item named `name` is no one's content: macOS's `._name` AppleDouble files,
 * `.DS_Store`, `Thumbs.db`, `desktop.ini`, or one of our entries being saved or deleted (hidden names).
 */
export function isHistoryLitter(name: string, isDirectory: boolean): boolean {
  if (isDirectory) return savingEntry.test(name);
  return name.startsWith('._') || fileManagerLitter.has(name.toLowerCase());
}

const ourFiles = new Set<string>(Object.values(checkpointFiles));

/** Whether the folder `dir` holds at least one file of a checkpoint's (a damaged entry is still ours). */
async function holdsCheckpointFile(dir: string): Promise<boolean> {
  const names = await readdir(dir).catch(() => []);
  return names.some((name) => ourFiles.has(name));
}

/**
 * The first thing in `<checkpoint>.history` that is not part of a training history — anything but
 * `step-NNNNNN` folders holding a checkpoint's files (damaged or not) and litter (see
 * {@link isHistoryLitter}) — or `null` when there is none (an empty or missing folder included). Throws
 * (ENOTDIR) when the name is a file.
 */
export async function historyStranger(checkpoint: string): Promise<string | null> {
  const dir = historyDir(checkpoint);
  const entries = await readdir(dir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  for (const entry of entries) {
    if (isHistoryLitter(entry.name, entry.isDirectory())) continue;
    const isEntry =
      entry.isDirectory() &&
      historyEntryStep(entry.name) !== null &&
      (await holdsCheckpointFile(join(dir, entry.name)));
    if (!isEntry) return entry.name;
  }
  return null;
}

/**
 * The history folder of `checkpoint` when there is one and it is a training history (see
 * {@link historyStranger}); otherwise `null`, and a folder of that name is someone else's to leave alone.
 */
export async function ownHistoryDir(checkpoint: string): Promise<string | null> {
  try {
    await readdir(historyDir(checkpoint)); // there, and a folder
    return (await historyStranger(checkpoint)) === null ? historyDir(checkpoint) : null;
  } catch {
    return null; // missing, or a file
  }
}

/**
 * Whether the folder `dir` is an orphan history: named `<name>.history`, a training history (see
 * {@link historyStranger}), and nothing named `<name>` beside it any more (its checkpoint was deleted or
 * renamed outside the lab). The library lists it so that it can be deleted.
 */
export async function isOrphanHistory(dir: string): Promise<boolean> {
  if (!isHistoryFolderName(basename(dir))) return false;
  const checkpoint = checkpointOfHistory(dir);
  if (
    await stat(checkpoint).then(
      () => true,
      () => false,
    )
  )
    return false;
  return (await ownHistoryDir(checkpoint)) !== null;
}

/**
 * The steps whose checkpoint a run of `steps` steps saving every `checkpointEvery` (0 = only at the last)
 * keeps in its history: step 0, then every save — or, when that is more than `max` entries in all, step 0 and
 * `max - 1` saves spread evenly (the first and the last always among them). Computed without listing every
 * save, so a million-step run costs nothing.
 */
export function plannedHistorySteps(
  steps: number,
  checkpointEvery: number,
  max: number = maxHistoryEntries,
): number[] {
  // The trainer saves at each multiple of checkpointEvery below `steps`, and at `steps`.
  const periodic = checkpointEvery > 0 ? Math.floor((steps - 1) / checkpointEvery) : 0;
  const saves = periodic + 1;
  const saveAt = (index: number): number => (index < periodic ? (index + 1) * checkpointEvery : steps);
  const room = Math.max(1, max - 1); // step 0 takes one entry
  if (saves <= room) return [0, ...Array.from({ length: saves }, (_, i) => saveAt(i))];
  if (room === 1) return [0, steps];
  return [0, ...Array.from({ length: room }, (_, i) => saveAt(Math.round((i * (saves - 1)) / (room - 1))))];
}
