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

/** Turns anything thrown into its wire form; unknown errors become `internal` and keep only their message. */
export function toWireError(error: unknown): WireError {
  if (error instanceof LabError) return error.toWire();
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'internal', message: message.slice(0, 4000) };
}

/** Rebuilds a {@link LabError} from its wire form. */
export function fromWireError(wire: WireError): LabError {
  return new LabError(wire.code, wire.message);
}
