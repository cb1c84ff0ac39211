/** Validation at every boundary: parse a channel's input or output, or throw a typed `invalid-payload` error. */
import type { z } from 'zod';
import { LabError } from './errors';
import { events, isEventChannel, isRequestChannel, requests } from './api';
import type { EventChannel, EventPayload, RequestChannel, RequestInput, RequestOutput } from './api';

function parse<T>(schema: z.ZodType, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data as T;
  const issue = result.error.issues[0];
  const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
  throw new LabError('invalid-payload', `Invalid ${what}${where}: ${issue?.message ?? 'malformed'}`);
}

/** Checks that `channel` is a request channel of the contract. */
export function assertRequestChannel(channel: unknown): RequestChannel {
  if (!isRequestChannel(channel)) {
    throw new LabError('unknown-channel', `Unknown request channel: ${String(channel).slice(0, 64)}`);
  }
  return channel;
}

/** Validates a request's input. */
export function parseInput<C extends RequestChannel>(channel: C, input: unknown): RequestInput<C> {
  return parse<RequestInput<C>>(requests[channel].input, input, `input for ${channel}`);
}

/** Validates a request's output. */
export function parseOutput<C extends RequestChannel>(channel: C, output: unknown): RequestOutput<C> {
  return parse<RequestOutput<C>>(requests[channel].output, output, `output of ${channel}`);
}

/** Validates an event's payload. */
export function parseEvent<C extends EventChannel>(channel: C, payload: unknown): EventPayload<C> {
  if (!isEventChannel(channel))
    throw new LabError('unknown-channel', `Unknown event channel: ${String(channel)}`);
  return parse<EventPayload<C>>(events[channel], payload, `payload of ${channel}`);
}
