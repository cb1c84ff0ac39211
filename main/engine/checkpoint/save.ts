/**
 * Writing a checkpoint atomically: everything goes to a temporary folder beside the target, which then takes
 * the target's place. An existing checkpoint is moved aside first and deleted only once the new one is in
 * place, so a crash at any moment leaves either the old or the new checkpoint (never half of one).
 */
import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { LabError } from '../../../shared/contract/errors';
import type { Vocabulary } from '../../../shared/text/vocabulary';
import type { TransformerModel } from '../models/model';
import type { WeightDtype } from './float16';
import { toFloat16Bits } from './float16';
import type { TrainingMetadata, WeightManifest } from './format';
import { checkpointFiles, checkpointFormat, checkpointFormatVersion } from './format';
import { isLabCheckpoint } from './read';
import { hiddenSibling, moveAside } from './remove-folder';

/** How the weights are stored: `float32` (exact, the default) or `float16` (half the size, rounded). */
export interface SaveOptions {
  weightDtype?: WeightDtype;
}

/** What the trainer records; `createdAt` defaults to now. */
export interface TrainingRecord {
  steps: number;
  seed: number;
  corpus: string;
  createdAt?: string;
  losses?: TrainingMetadata['losses'];
  [key: string]: unknown;
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/** The weights' bytes and their manifest, in the model's weight order. */
async function serializeWeights(
  model: TransformerModel,
  dtype: WeightDtype,
): Promise<{ bytes: Buffer; manifest: WeightManifest }> {
  const parts: Buffer[] = [];
  const manifest: WeightManifest = { dtype, byteLength: 0, weights: [] };
  for (const [name, variable] of model.weights) {
    const values = (await variable.data()) as Float32Array;
    if (dtype === 'float16' && values.some((value) => Math.abs(value) >= 65520)) {
      throw new LabError(
        'invalid-argument',
        `Weight ${name} has values beyond float16's range (±65504); save this model as float32.`,
      );
    }
    const stored = dtype === 'float16' ? toFloat16Bits(values) : values;
    // A copy (Buffer.from of a Uint8Array copies): the backend may reuse its buffer. Little-endian on every
    // platform the lab runs on.
    const part = Buffer.from(new Uint8Array(stored.buffer, stored.byteOffset, stored.byteLength));
    manifest.weights.push({
      name,
      shape: [...variable.shape],
      dtype,
      offset: manifest.byteLength,
      byteLength: part.byteLength,
    });
    manifest.byteLength += part.byteLength;
    parts.push(part);
  }
  return { bytes: Buffer.concat(parts), manifest };
}

/**
 * Refuses a target that is not a folder, or a non-empty folder that is not an Attention Lab checkpoint: saving
 * replaces the whole folder, and a student's other files must never be deleted with it.
 */
async function assertReplaceable(target: string): Promise<void> {
  if (!(await exists(target))) return;
  const entries = await readdir(target).catch(() => {
    throw new LabError('invalid-argument', `${target} exists and is not a folder.`);
  });
  if (entries.length === 0 || (await isLabCheckpoint(target))) return;
  throw new LabError(
    'invalid-argument',
    `The folder ${target} is not empty and is not an Attention Lab checkpoint; choose an empty or new folder.`,
  );
}

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

/**
 * Writes `model`, its vocabulary and training metadata to the folder `dir` (replacing a checkpoint there, but
 * refusing any other non-empty folder),
 * the weights as float32 unless `options.weightDtype` asks for float16.
 */
export async function saveCheckpoint(
  dir: string,
  model: TransformerModel,
  vocab: Vocabulary,
  metadata: TrainingRecord,
  options: SaveOptions = {},
): Promise<void> {
  const target = resolve(dir);
  if (vocab.size !== model.config.vocabSize) {
    throw new Error(`The vocabulary has ${vocab.size} tokens but the model ${model.config.vocabSize}`);
  }
  await assertReplaceable(target);
  const parent = dirname(target);
  await mkdir(parent, { recursive: true });
  const temporary = hiddenSibling(target, 'writing');
  try {
    await mkdir(temporary);
    const { bytes, manifest } = await serializeWeights(model, options.weightDtype ?? 'float32');
    const training: TrainingMetadata = {
      ...metadata,
      createdAt: metadata.createdAt ?? new Date().toISOString(),
    };
    const { family } = model.config;
    const config = {
      format: checkpointFormat,
      formatVersion: checkpointFormatVersion,
      family,
      config: model.config,
    };
    await writeFile(join(temporary, checkpointFiles.weights), bytes);
    await writeFile(join(temporary, checkpointFiles.manifest), json(manifest));
    await writeFile(
      join(temporary, checkpointFiles.tokenizer),
      json({ type: 'word-level', ...vocab.toJSON() }),
    );
    await writeFile(join(temporary, checkpointFiles.training), json(training));
    // config.json last: a folder with it is complete.
    await writeFile(join(temporary, checkpointFiles.config), json(config));
    const previous = (await exists(target)) ? await moveAside(target, 'previous') : null;
    try {
      await rename(temporary, target);
    } catch (error) {
      if (previous) await rename(previous, target); // put the old checkpoint back
      throw error;
    }
    if (previous) await rm(previous, { recursive: true, force: true });
  } catch (error) {
    await rm(temporary, { recursive: true, force: true });
    throw error;
  }
}
