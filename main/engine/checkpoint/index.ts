/** Checkpoints: a versioned folder with config, tokenizer, weights and training metadata. */
export { saveCheckpoint } from './save';
export type { SaveOptions, TrainingRecord } from './save';
export { loadCheckpoint } from './load';
export type { LoadedCheckpoint } from './load';
export { checkpointFiles, checkpointFormatVersion } from './format';
export type { TrainingMetadata } from './format';
export { weightDtypes } from './float16';
export type { WeightDtype } from './float16';
