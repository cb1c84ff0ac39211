/**
 * The engine's side of the protocol: validates each request envelope and its input against the contract,
 * runs the handler, and answers with a result. A bad message gets a typed error; nothing here throws out.
 */
import { requests } from '../../shared/contract/api';
import type {
  EventChannel,
  EventPayload,
  RequestChannel,
  RequestInput,
  RequestOutput,
} from '../../shared/contract/api';
import { describeInternalError, LabError, toWireError } from '../../shared/contract/errors';
import { assertRequestChannel, parseInput, parseOutput } from '../../shared/contract/validate';
import type { Message, Result } from '../../shared/contract/wire';
import { requestMessageSchema } from '../../shared/contract/wire';

/** The channels the engine serves. */
export type EngineChannel = {
  [C in RequestChannel]: (typeof requests)[C]['servedBy'] extends 'engine' ? C : never;
}[RequestChannel];

/** Lets a handler push events to whoever listens. */
export interface EngineContext {
  emit<C extends EventChannel>(channel: C, payload: EventPayload<C>): void;
}

/** One handler per engine channel. */
export type EngineHandlers = {
  [C in EngineChannel]: (input: RequestInput<C>, context: EngineContext) => Promise<RequestOutput<C>>;
};

/** Writes an unexpected error to stderr with the id its `internal` answer carries (the host keeps the log). */
export function reportEngineError(id: string, error: unknown): void {
  process.stderr.write(`[engine] ${describeInternalError(id, error)}\n`);
}

/** Runs one request through its handler, validating input and output. */
export async function runRequest(
  handlers: EngineHandlers,
  channel: unknown,
  payload: unknown,
  context: EngineContext,
): Promise<Result> {
  try {
    const name = assertRequestChannel(channel);
    if (requests[name].servedBy !== 'engine') {
      throw new LabError('unknown-channel', `The engine does not serve ${name}`);
    }
    const engineChannel = name as EngineChannel;
    const input = parseInput(engineChannel, payload);
    const handler = handlers[engineChannel] as (input: unknown, context: EngineContext) => Promise<unknown>;
    const output = await handler(input, context);
    return { ok: true, value: parseOutput(engineChannel, output) };
  } catch (error) {
    return { ok: false, error: toWireError(error, reportEngineError) };
  }
}

/** Wires handlers to a transport: `send` posts envelopes out, the returned function takes envelopes in. */
export function createEngineServer(handlers: EngineHandlers, send: (message: Message) => void) {
  const context: EngineContext = {
    emit: (channel, payload) => send({ kind: 'event', channel, payload }),
  };
  return async function receive(raw: unknown): Promise<void> {
    const envelope = requestMessageSchema.safeParse(raw);
    if (!envelope.success) {
      const id =
        typeof raw === 'object' && raw !== null && 'id' in raw && Number.isInteger(raw.id) ? raw.id : -1;
      if (typeof id === 'number' && id >= 0) {
        const error = { code: 'invalid-payload' as const, message: 'Malformed request envelope' };
        send({ kind: 'response', id, result: { ok: false, error } });
      }
      return;
    }
    const { id, channel, payload } = envelope.data;
    send({ kind: 'response', id, result: await runRequest(handlers, channel, payload, context) });
  };
}
