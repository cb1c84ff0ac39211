/**
 * Reading a checkpoint folder, validating everything before a single weight is used: every file present and
 * well-formed, a format version this build reads, the expected model family, a vocabulary of the configured
 * size, and weights whose names, shapes and byte ranges match the model exactly.
 */
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { LabError } from '../../../shared/contract/errors';
import { Vocabulary } from '../../../shared/text/vocabulary';
import type { ModelConfig, ModelFamily } from '../models/config';
import type { TransformerModel } from '../models/model';
import { createModel } from '../models/model';
import { bytesPerValue, fromFloat16Bits } from './float16';
import type { TrainingMetadata, WeightEntry, WeightManifest } from './format';
import { checkpointFiles, manifestSchema, parseFile, trainingSchema } from './format';
import { readBytes, readConfig, readJson } from './read';

/** A loaded checkpoint: a ready model (the caller disposes it), its vocabulary and training record. */
export interface LoadedCheckpoint {
  dir: string;
  config: ModelConfig;
  model: TransformerModel;
  vocab: Vocabulary;
  training: TrainingMetadata;
}

async function readVocabulary(dir: string, config: ModelConfig): Promise<Vocabulary> {
  const raw = await readJson(dir, checkpointFiles.tokenizer);
  let vocab: Vocabulary;
  try {
    vocab = Vocabulary.fromJSON(raw);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new LabError('invalid-checkpoint', `${checkpointFiles.tokenizer} in ${dir}: ${why}`);
  }
  if (vocab.size !== config.vocabSize) {
    throw new LabError(
      'invalid-checkpoint',
      `${checkpointFiles.tokenizer} in ${dir} has ${vocab.size} tokens but config.json says ${config.vocabSize}.`,
    );
  }
  return vocab;
}

/** Checks the manifest against the model's weights and the size of weights.bin. */
function checkManifest(manifest: WeightManifest, model: TransformerModel, bytes: number, dir: string): void {
  const file = checkpointFiles.manifest;
  const fail = (why: string): never => {
    throw new LabError('invalid-checkpoint', `${file} in ${dir} does not match the model: ${why}.`);
  };
  if (bytes !== manifest.byteLength) {
    throw new LabError(
      'invalid-checkpoint',
      `${checkpointFiles.weights} in ${dir} has ${bytes} bytes but should have ${manifest.byteLength}` +
        `${bytes < manifest.byteLength ? ' (it is truncated)' : ''}.`,
    );
  }
  const listed = new Set<string>();
  for (const entry of manifest.weights) {
    if (listed.has(entry.name)) fail(`weight ${entry.name} is listed twice`);
    listed.add(entry.name);
    const weight = model.weights.get(entry.name);
    if (!weight) fail(`it has a weight ${entry.name} this model does not have`);
    const expected = weight?.shape ?? [];
    if (entry.shape.length !== expected.length || entry.shape.some((size, i) => size !== expected[i])) {
      fail(
        `weight ${entry.name} has shape [${entry.shape.join(', ')}], the model needs [${expected.join(', ')}]`,
      );
    }
    const size = entry.shape.reduce((product, n) => product * n, 1);
    const width = bytesPerValue[entry.dtype];
    if (
      entry.byteLength !== size * width ||
      entry.offset % width !== 0 ||
      entry.offset + entry.byteLength > bytes
    ) {
      fail(`weight ${entry.name} has a byte range that does not fit its shape or ${checkpointFiles.weights}`);
    }
  }
  for (const name of model.weights.keys()) if (!listed.has(name)) fail(`weight ${name} is missing`);
}

/** One weight's values as float32 (float16 widened exactly). */
function readValues(bytes: Buffer, entry: WeightEntry): Float32Array {
  const raw = bytes.subarray(entry.offset, entry.offset + entry.byteLength);
  // Copy into an aligned buffer: a typed-array view needs a byte offset divisible by its element size.
  if (entry.dtype === 'float16') {
    const half = new Uint16Array(entry.byteLength / 2);
    new Uint8Array(half.buffer).set(raw);
    return fromFloat16Bits(half);
  }
  const values = new Float32Array(entry.byteLength / 4);
  new Uint8Array(values.buffer).set(raw);
  return values;
}

/**
 * Loads the checkpoint in `dir`. Throws `not-found` when there is no folder, `invalid-checkpoint` for
 * anything missing, damaged or inconsistent (naming the file), `wrong-model-family` when `expectFamily` is
 * given and differs.
 */
export async function loadCheckpoint(
  dir: string,
  options: { expectFamily?: ModelFamily } = {},
): Promise<LoadedCheckpoint> {
  const folder = resolve(dir);
  const info = await stat(folder).catch(() => null);
  if (!info?.isDirectory()) throw new LabError('not-found', `There is no checkpoint folder at ${folder}.`);
  const config = await readConfig(folder, options.expectFamily);
  const vocab = await readVocabulary(folder, config);
  const manifest = parseFile(
    manifestSchema,
    await readJson(folder, checkpointFiles.manifest),
    checkpointFiles.manifest,
    folder,
  );
  const training = parseFile(
    trainingSchema,
    await readJson(folder, checkpointFiles.training),
    checkpointFiles.training,
    folder,
  );
  const bytes = await readBytes(folder, checkpointFiles.weights);
  const model = createModel(config, 0);
  try {
    checkManifest(manifest, model, bytes.byteLength, folder);
    for (const entry of manifest.weights) {
      const values = readValues(bytes, entry);
      const weight = model.weights.get(entry.name);
      if (weight) tf.tidy(() => weight.assign(tf.tensor(values, weight.shape, 'float32')));
    }
  } catch (error) {
    model.dispose();
    throw error;
  }
  return { dir: folder, config, model, vocab, training };
}
