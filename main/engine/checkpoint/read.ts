/**
 * Reading the files of a checkpoint folder with errors that name the file: shared by loading, saving (which
 * replaces only folders that are checkpoints) and the library (which lists them without building a model).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { LabError } from '../../../shared/contract/errors';
import type { ModelConfig, ModelFamily } from '../models/config';
import { validateConfig } from '../models/config';
import {
  checkpointFiles,
  checkpointFormat,
  checkpointFormatVersion,
  configFileSchema,
  parseFile,
} from './format';

const familyNames: Record<ModelFamily, string> = {
  bert: 'BERT (encoder-only)',
  t5: 'T5 (encoder–decoder)',
  gpt: 'GPT (decoder-only)',
};

/** The bytes of `file` in checkpoint folder `dir`; a missing file is `invalid-checkpoint`. */
export async function readBytes(dir: string, file: string): Promise<Buffer> {
  try {
    return await readFile(join(dir, file));
  } catch {
    throw new LabError('invalid-checkpoint', `${file} is missing from the checkpoint folder ${dir}.`);
  }
}

/** `file` in `dir` parsed as JSON; missing or damaged is `invalid-checkpoint`. */
export async function readJson(dir: string, file: string): Promise<unknown> {
  const text = (await readBytes(dir, file)).toString('utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new LabError('invalid-checkpoint', `${file} in ${dir} is not valid JSON (the file is damaged).`);
  }
}

/** Reads and checks config.json (format, version, family, sizes). */
/**
 * config.json of `dir`, checked: our format marker, a version this build reads, one family (the expected one,
 * when given) and possible sizes.
 */
export async function readConfig(dir: string, expectFamily?: ModelFamily): Promise<ModelConfig> {
  const raw = await readJson(dir, checkpointFiles.config);
  const header = raw as { format?: unknown; formatVersion?: unknown } | null;
  if (typeof header !== 'object' || header === null || header.format !== checkpointFormat) {
    throw new LabError(
      'invalid-checkpoint',
      `${checkpointFiles.config} in ${dir} is not an Attention Lab checkpoint.`,
    );
  }
  if (header.formatVersion !== checkpointFormatVersion) {
    throw new LabError(
      'invalid-checkpoint',
      `${checkpointFiles.config} in ${dir} has format version ${String(header.formatVersion)}; this Attention Lab ` +
        `reads version ${checkpointFormatVersion}${Number(header.formatVersion) > checkpointFormatVersion ? ' (update the app)' : ''}.`,
    );
  }
  const file = parseFile(configFileSchema, raw, checkpointFiles.config, dir);
  const config: ModelConfig = file.config;
  if (file.family !== config.family) {
    throw new LabError(
      'invalid-checkpoint',
      `${checkpointFiles.config} in ${dir} names two different model families.`,
    );
  }
  if (expectFamily && config.family !== expectFamily) {
    throw new LabError(
      'wrong-model-family',
      `The checkpoint in ${dir} holds a ${familyNames[config.family]} model, but a ${familyNames[expectFamily]} model is needed here.`,
    );
  }
  try {
    validateConfig(config);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new LabError(
      'invalid-checkpoint',
      `${checkpointFiles.config} in ${dir} has impossible sizes: ${why}`,
    );
  }
  return config;
}

/** Whether `dir`'s config.json is one of ours (any format version), not just any file of that name. */
export async function isLabCheckpoint(dir: string): Promise<boolean> {
  try {
    const config: unknown = JSON.parse(await readFile(join(dir, checkpointFiles.config), 'utf8'));
    return (
      typeof config === 'object' &&
      config !== null &&
      'format' in config &&
      config.format === checkpointFormat &&
      'formatVersion' in config &&
      Number.isInteger(config.formatVersion)
    );
  } catch {
    return false; // missing or not JSON
  }
}
