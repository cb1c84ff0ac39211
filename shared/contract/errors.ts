/** Typed errors: expected failures carry a `code` and cross every process boundary as `{ code, message }`. */
import { z } from 'zod';

/** Every code an expected failure may carry. Bugs cross as `internal`. */
export const errorCodes = [
  'invalid-payload',
  'unknown-channel',
  'payload-too-large',
  'forbidden-sender',
  'engine-unavailable',
  'engine-crashed',
  'timeout',
  'not-found',
  'invalid-argument',
  'invalid-corpus',
  'invalid-checkpoint',
  'wrong-model-family',
  'cancelled',
  'busy',
  /** The host cannot do this (e.g. a native dialog in the browser): the renderer uses its own fallback. */
  'unsupported',
  'internal',
] as const;

/** One of {@link errorCodes}. */
export type ErrorCode = (typeof errorCodes)[number];

/** The wire form of an error. */
export const wireErrorSchema = z.object({
  code: z.enum(errorCodes),
  message: z.string().max(4000),
});

/** The wire form of an error. */
export type WireError = z.infer<typeof wireErrorSchema>;

/** An expected failure with a code a student-facing message can be chosen by. */
export class LabError extends Error {
  override readonly name = 'LabError';
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }

  /** The `{ code, message }` that crosses process boundaries. */
  toWire(): WireError {
    return { code: this.code, message: this.message.slice(0, 4000) };
  }
}

/** A short id that ties a generic message on screen to the full error in the log ("e-3f9a1c07"). */
export function newErrorId(): string {
  return `e-${Math.floor(Math.random() * 2 ** 32)
    .toString(16)
    .padStart(8, '0')}`;
}

/** The sentence a student sees for a bug: nothing internal (paths, TF.js or emscripten text), only the id. */
export function internalErrorMessage(id: string): string {
  return `Something went wrong inside Attention Lab (error ${id}). Try again; if it happens again, report this id.`;
}

/** The full text of an unexpected error for the log: its id and its stack (or its message). */
export function describeInternalError(id: string, error: unknown): string {
  const detail = error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);
  return `internal error ${id}: ${detail}`;
}

/** Where {@link toWireError} sends an unexpected error by default: the console (stderr in Node). */
export function logInternalError(id: string, error: unknown): void {
  console.error(describeInternalError(id, error));
}

/**
 * Turns anything thrown into its wire form. LabErrors keep their code and message; anything else is a bug and
 * becomes `internal` with a generic sentence and a fresh id, while `report` (default: the console) gets the
 * full error with the same id.
 */
export function toWireError(
  error: unknown,
  report: (id: string, error: unknown) => void = logInternalError,
): WireError {
  if (error instanceof LabError) return error.toWire();
  const id = newErrorId();
  report(id, error);
  return { code: 'internal', message: internalErrorMessage(id) };
}

/** Rebuilds a {@link LabError} from its wire form. */
export function fromWireError(wire: WireError): LabError {
  return new LabError(wire.code, wire.message);
}
