/**
 * A run's checkpoint history (see history-folder.ts for where it lives): written as the run saves — float16
 * copies, atomic like every checkpoint — replaced when a new run starts into the same folder, and listed by
 * `train:history` with the losses at each step, leaving out (and naming) any entry that is damaged.
 */
import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { LabError } from '../../../shared/contract/errors';
import type { TrainHistory, TrainHistoryEntry } from '../../../shared/contract/train';
import type { Vocabulary } from '../../../shared/text/vocabulary';
import type { TrainingRecord } from '../checkpoint';
import { saveCheckpoint } from '../checkpoint';
import { checkpointFiles, parseFile, trainingSchema } from '../checkpoint/format';
import { readConfig, readJson } from '../checkpoint/read';
import { removeFolderAtomically } from '../checkpoint/remove-folder';
import { inspectCheckpoint } from '../library/inspect';
import type { TransformerModel } from '../models/model';
import {
  historyDir,
  historyEntryName,
  historyEntryStep,
  historyStranger,
  isHistoryLitter,
} from './history-folder';

/** The folder's entries, or `null` when it does not exist. */
async function entriesOf(dir: string): Promise<Dirent[] | null> {
  const info = await stat(dir).catch(() => null);
  if (!info) return null;
  if (!info.isDirectory()) {
    throw new LabError('invalid-argument', `${dir} is a file, not a training history folder.`);
  }
  return readdir(dir, { withFileTypes: true });
}

/**
 * Refuses to replace `<checkpoint>.history` when it holds anything but history entries (see
 * historyStranger in history-folder.ts): a student's own files there must never be deleted with it.
 */
export async function assertHistoryReplaceable(checkpoint: string): Promise<void> {
  const dir = historyDir(checkpoint);
  if ((await entriesOf(dir)) === null) return; // a file there is refused
  const stranger = await historyStranger(checkpoint);
  if (stranger !== null) {
    throw new LabError(
      'invalid-argument',
      `The folder ${dir} holds "${stranger}", which is not part of a training history; move it away or ` +
        'choose another output folder.',
    );
  }
}

/** Deletes the history of `checkpoint` (moved to a hidden name first, one atomic step, then removed). */
export async function clearHistory(checkpoint: string): Promise<void> {
  const dir = historyDir(checkpoint);
  if ((await entriesOf(dir)) === null) return;
  await assertHistoryReplaceable(checkpoint);
  await removeFolderAtomically(dir);
}

/** Writes the history entry of step `record.steps` (float16 weights); returns its folder. */
export async function saveHistoryEntry(
  checkpoint: string,
  model: TransformerModel,
  vocab: Vocabulary,
  record: TrainingRecord,
): Promise<string> {
  const dir = join(historyDir(checkpoint), historyEntryName(record.steps));
  await saveCheckpoint(dir, model, vocab, record, { weightDtype: 'float16' });
  return dir;
}

/** The entry in folder `path` for `step`, checked; throws `invalid-checkpoint` saying what is wrong. */
async function readEntry(path: string, step: number, expectedConfig: string): Promise<TrainHistoryEntry> {
  await inspectCheckpoint(path); // every file present and consistent
  if (JSON.stringify(await readConfig(path)) !== expectedConfig) {
    throw new LabError('invalid-checkpoint', `${path} holds a different model than its checkpoint.`);
  }
  const training = parseFile(
    trainingSchema,
    await readJson(path, checkpointFiles.training),
    checkpointFiles.training,
    path,
  );
  if (training.steps !== step) {
    throw new LabError(
      'invalid-checkpoint',
      `${path} is named after step ${step} but its ${checkpointFiles.training} says step ${training.steps}.`,
    );
  }
  const losses = training.losses ?? [];
  const atStep = losses.findLast((point) => point.step === step);
  const validated = losses.findLast((point) => point.step <= step && point.valLoss !== undefined);
  const { mtimeMs: savedAt } = await stat(join(path, checkpointFiles.weights));
  return { step, path, loss: atStep?.loss ?? null, valLoss: validated?.valLoss ?? null, savedAt };
}

/** The history of the checkpoint folder `checkpoint`: its entries by step, and those left out with why. */
export async function readHistory(checkpoint: string): Promise<TrainHistory> {
  const dir = resolve(checkpoint);
  const info = await stat(dir).catch(() => null);
  if (!info?.isDirectory()) throw new LabError('not-found', `There is no checkpoint folder at ${dir}.`);
  const expectedConfig = JSON.stringify(await readConfig(dir));
  const history: TrainHistory = { checkpoint: dir, steps: [], skipped: [] };
  const entries = await entriesOf(historyDir(dir)).catch(() => null);
  for (const entry of entries ?? []) {
    // A save in progress, one being deleted, or a file manager's litter.
    if (entry.name.startsWith('.') || isHistoryLitter(entry.name, entry.isDirectory())) continue;
    const path = join(historyDir(dir), entry.name);
    const step = historyEntryStep(entry.name);
    if (step === null || !entry.isDirectory()) {
      history.skipped.push({
        path,
        reason: 'Not a history entry (those are folders named like step-000050).',
      });
      continue;
    }
    try {
      history.steps.push(await readEntry(path, step, expectedConfig));
    } catch (error) {
      if (!(error instanceof LabError)) throw error;
      history.skipped.push({ path, reason: error.message });
    }
  }
  history.steps.sort((a, b) => a.step - b.step);
  return history;
}
