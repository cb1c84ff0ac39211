/**
 * The one contract between renderer, host (Electron main or the web host) and engine: every request channel
 * (`domain:verb`) with the zod schemas of its input and output and who serves it, and every event (`domain:onX`).
 */
import { z } from 'zod';
import { appInfoSchema } from './app';
import { engineStatusSchema, pingRequestSchema, pingResponseSchema } from './engine';
import {
  finetuneControlResultSchema,
  finetuneProgressSchema,
  finetuneRunSchema,
  finetuneStartedSchema,
  finetuneStartSchema,
} from './finetune';
import {
  attentionComputeSchema,
  attentionResultSchema,
  builtinModelListSchema,
  generateRunSchema,
  generationSchema,
  maskedPredictionSchema,
  modelInfoSchema,
  modelOpenSchema,
  modelRefSchema,
  nextPredictionSchema,
  predictMaskedSchema,
  predictNextSchema,
  vocabularySchema,
} from './model';
import {
  libraryDeletedSchema,
  libraryDeleteSchema,
  libraryExportSchema,
  libraryImportSchema,
  libraryListingSchema,
  libraryListSchema,
  libraryPathSchema,
  libraryRenameSchema,
} from './library';
import {
  checkpointChoiceSchema,
  snapshotCopiedSchema,
  snapshotCopySchema,
  snapshotSavedSchema,
  snapshotSaveSchema,
} from './snapshot';
import {
  trainAttentionSchema,
  trainControlResultSchema,
  trainHistoryResultSchema,
  trainHistorySchema,
  trainProgressSchema,
  trainRunSchema,
  trainStartedSchema,
  trainStartSchema,
} from './train';
import { walkthroughExportedSchema, walkthroughExportSchema } from '../walkthrough/export-contract';

const empty = z.object({}).strict();

/** Who answers a request: the host itself, or the engine process behind it. */
export type ServedBy = 'host' | 'engine';

interface RequestSpec {
  input: z.ZodType;
  output: z.ZodType;
  servedBy: ServedBy;
}

/** Every request channel. */
export const requests = {
  'app:info': { input: empty, output: appInfoSchema, servedBy: 'host' },
  'engine:status': { input: empty, output: engineStatusSchema, servedBy: 'host' },
  'engine:ping': { input: pingRequestSchema, output: pingResponseSchema, servedBy: 'engine' },
  'train:start': { input: trainStartSchema, output: trainStartedSchema, servedBy: 'engine' },
  'train:pause': { input: trainRunSchema, output: trainControlResultSchema, servedBy: 'engine' },
  'train:resume': { input: trainRunSchema, output: trainControlResultSchema, servedBy: 'engine' },
  'train:cancel': { input: trainRunSchema, output: trainControlResultSchema, servedBy: 'engine' },
  'train:attention': { input: trainAttentionSchema, output: attentionResultSchema, servedBy: 'engine' },
  'model:open': { input: modelOpenSchema, output: modelInfoSchema, servedBy: 'engine' },
  'model:listBuiltin': { input: empty, output: builtinModelListSchema, servedBy: 'engine' },
  'model:vocabulary': { input: modelRefSchema, output: vocabularySchema, servedBy: 'engine' },
  'attention:compute': { input: attentionComputeSchema, output: attentionResultSchema, servedBy: 'engine' },
  'predict:masked': { input: predictMaskedSchema, output: maskedPredictionSchema, servedBy: 'engine' },
  'predict:next': { input: predictNextSchema, output: nextPredictionSchema, servedBy: 'engine' },
  'generate:run': { input: generateRunSchema, output: generationSchema, servedBy: 'engine' },
  'snapshot:save': { input: snapshotSaveSchema, output: snapshotSavedSchema, servedBy: 'host' },
  'snapshot:copy': { input: snapshotCopySchema, output: snapshotCopiedSchema, servedBy: 'host' },
  'dialog:chooseCheckpoint': { input: empty, output: checkpointChoiceSchema, servedBy: 'host' },
  'library:list': { input: libraryListSchema, output: libraryListingSchema, servedBy: 'engine' },
  'library:rename': { input: libraryRenameSchema, output: libraryPathSchema, servedBy: 'engine' },
  'library:delete': { input: libraryDeleteSchema, output: libraryDeletedSchema, servedBy: 'engine' },
  'library:import': { input: libraryImportSchema, output: libraryPathSchema, servedBy: 'engine' },
  'library:export': { input: libraryExportSchema, output: libraryPathSchema, servedBy: 'engine' },
  'train:history': { input: trainHistorySchema, output: trainHistoryResultSchema, servedBy: 'engine' },
  'finetune:start': { input: finetuneStartSchema, output: finetuneStartedSchema, servedBy: 'engine' },
  'finetune:cancel': { input: finetuneRunSchema, output: finetuneControlResultSchema, servedBy: 'engine' },
  'walkthrough:export': {
    input: walkthroughExportSchema,
    output: walkthroughExportedSchema,
    servedBy: 'engine',
  },
} as const satisfies Record<`${string}:${string}`, RequestSpec>;

/** Every event channel, with its payload schema. */
export const events = {
  /** The engine's status changed (started, backend chosen, crashed, restarted). */
  'engine:onStatus': engineStatusSchema,
  /** A training run stepped or changed state (running, paused, done, cancelled, failed). */
  'train:onProgress': trainProgressSchema,
  /** A fine-tuning run stepped or changed state (running, done with its scores, cancelled, failed). */
  'finetune:onProgress': finetuneProgressSchema,
} as const satisfies Record<`${string}:on${string}`, z.ZodType>;

export type RequestChannel = keyof typeof requests;
export type EventChannel = keyof typeof events;
export type RequestInput<C extends RequestChannel> = z.input<(typeof requests)[C]['input']>;
export type RequestOutput<C extends RequestChannel> = z.output<(typeof requests)[C]['output']>;
export type EventPayload<C extends EventChannel> = z.output<(typeof events)[C]>;

/** Is `channel` a request channel of the contract? */
export function isRequestChannel(channel: unknown): channel is RequestChannel {
  return typeof channel === 'string' && Object.hasOwn(requests, channel);
}

/** Is `channel` an event channel of the contract? */
export function isEventChannel(channel: unknown): channel is EventChannel {
  return typeof channel === 'string' && Object.hasOwn(events, channel);
}

/** The API the renderer sees, the same under Electron (preload) and in the browser (web host). */
export interface LabApi {
  /** Sends a request; resolves with the validated output or rejects with a `LabError`. */
  invoke<C extends RequestChannel>(channel: C, input: RequestInput<C>): Promise<RequestOutput<C>>;
  /** Subscribes to an event; returns the unsubscribe function. */
  on<C extends EventChannel>(channel: C, listener: (payload: EventPayload<C>) => void): () => void;
}
