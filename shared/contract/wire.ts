/**
 * The message envelope every transport carries (Electron IPC results, the engine's port, the web host's
 * WebSocket): requests with an id, responses that echo it with a result, and one-way events.
 */
import { z } from 'zod';
import { wireErrorSchema } from './errors';

/** Largest serialized message any transport accepts, in bytes. */
export const maxMessageBytes = 8 * 1024 * 1024;

/** A result: the value, or a typed error. */
export const resultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: wireErrorSchema }),
]);

/** A result: the value, or a typed error. */
export type Result<T = unknown> =
  { ok: true; value: T } | { ok: false; error: z.infer<typeof wireErrorSchema> };

/** A request envelope. */
export const requestMessageSchema = z.object({
  kind: z.literal('request'),
  id: z.number().int().nonnegative(),
  channel: z.string().max(64),
  payload: z.unknown(),
});

/** A response envelope. */
export const responseMessageSchema = z.object({
  kind: z.literal('response'),
  id: z.number().int().nonnegative(),
  result: resultSchema,
});

/** A one-way event envelope. */
export const eventMessageSchema = z.object({
  kind: z.literal('event'),
  channel: z.string().max(64),
  payload: z.unknown(),
});

/** Any envelope. */
export const messageSchema = z.discriminatedUnion('kind', [
  requestMessageSchema,
  responseMessageSchema,
  eventMessageSchema,
]);

export type RequestMessage = z.infer<typeof requestMessageSchema>;
export type ResponseMessage = z.infer<typeof responseMessageSchema>;
export type EventMessage = z.infer<typeof eventMessageSchema>;
export type Message = z.infer<typeof messageSchema>;
