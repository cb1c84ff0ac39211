/** Schemas of the `engine:` domain: which TensorFlow.js backend runs, why, and whether the engine is alive. */
import { z } from 'zod';

/** The backends, fastest first. `tensorflow` is TF.js's name for the native `tfjs-node(-gpu)` binding. */
export const backendNames = ['tensorflow', 'wasm', 'cpu'] as const;
export const backendNameSchema = z.enum(backendNames);
export type BackendName = z.infer<typeof backendNameSchema>;

/** One attempt to load a backend, kept so the user can see why a faster one did not load. */
export const backendAttemptSchema = z.object({
  backend: backendNameSchema,
  /** The package that provides it, e.g. `@tensorflow/tfjs-node-gpu`. */
  source: z.string(),
  loaded: z.boolean(),
  /** Why it did not load (or `null` when it did). */
  reason: z.string().nullable(),
  elapsedMs: z.number().nonnegative(),
});
export type BackendAttempt = z.infer<typeof backendAttemptSchema>;

/** The engine process's life cycle, as the supervisor sees it. */
export const engineStateSchema = z.enum(['starting', 'ready', 'restarting', 'crashed', 'stopped']);
export type EngineState = z.infer<typeof engineStateSchema>;

/** `engine:status` response. */
export const engineStatusSchema = z.object({
  state: engineStateSchema,
  /** The backend in use, `null` until one loaded. */
  backend: backendNameSchema.nullable(),
  /** A human description of the device, e.g. "CPU (WebAssembly, SIMD)". */
  device: z.string().nullable(),
  attempts: z.array(backendAttemptSchema),
  tfjsVersion: z.string().nullable(),
  restarts: z.number().int().nonnegative(),
  /** A sentence for the user when something went wrong (crash, restart cap reached). */
  message: z.string().nullable(),
});
export type EngineStatus = z.infer<typeof engineStatusSchema>;

/** `engine:ping` request and response: a round trip through the engine process. */
export const pingRequestSchema = z.object({ nonce: z.string().max(64) }).strict();
export const pingResponseSchema = z.object({
  nonce: z.string(),
  pid: z.number().int(),
  uptimeMs: z.number(),
});
