/**
 * Routes one renderer request: checks the channel and input against the contract, answers host channels
 * itself and forwards engine channels to the supervisor, checks every output against the contract (an engine
 * answer that breaks it becomes an `internal` error), and returns a result (never throws).
 */
import { requests } from '../../shared/contract/api';
import type { RequestChannel, RequestInput, RequestOutput } from '../../shared/contract/api';
import { LabError, toWireError } from '../../shared/contract/errors';
import { assertRequestChannel, parseInput, parseOutput } from '../../shared/contract/validate';
import type { Result } from '../../shared/contract/wire';

/** Channels the host answers itself. */
export type HostChannel = {
  [C in RequestChannel]: (typeof requests)[C]['servedBy'] extends 'host' ? C : never;
}[RequestChannel];

/** Host channels every host serves; the others (native dialogs, the clipboard) a host may leave out. */
export type CoreHostChannel = 'app:info' | 'engine:status';

/** A handler for each host channel a host serves. */
export type HostHandlerMap = { [C in HostChannel]: (input: RequestInput<C>) => Promise<RequestOutput<C>> };

/** The core handlers, and any others; a channel without a handler answers `unsupported`. */
export type HostHandlers = Pick<HostHandlerMap, CoreHostChannel> & Partial<HostHandlerMap>;

/** Builds the dispatch function shared by Electron main and the web host. */
export function createDispatcher(deps: {
  host: HostHandlers;
  engine: { request(channel: string, payload: unknown): Promise<Result> };
  log?: (line: string) => void;
}) {
  const log = deps.log ?? (() => {});

  /** The engine is a separate program: its answer is checked like any other input. */
  async function askEngine(name: RequestChannel, input: unknown): Promise<Result> {
    const result = await deps.engine.request(name, input);
    if (!result.ok) return result;
    try {
      return { ok: true, value: parseOutput(name, result.value) };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      log(`[dispatcher] the engine broke the contract: ${reason}`);
      const message = `The engine sent an answer to ${name} that Attention Lab cannot read (${reason}).`;
      return { ok: false, error: new LabError('internal', message).toWire() };
    }
  }

  return async function dispatch(channel: unknown, payload: unknown): Promise<Result> {
    try {
      const name = assertRequestChannel(channel);
      const input = parseInput(name, payload);
      if (requests[name].servedBy === 'engine') return await askEngine(name, input);
      const hostChannel = name as HostChannel;
      const handler = deps.host[hostChannel] as ((input: unknown) => Promise<unknown>) | undefined;
      if (!handler) throw new LabError('unsupported', `This host does not offer ${hostChannel}.`);
      return { ok: true, value: parseOutput(hostChannel, await handler(input)) };
    } catch (error) {
      return { ok: false, error: toWireError(error) };
    }
  };
}

/** A dispatch function. */
export type Dispatch = ReturnType<typeof createDispatcher>;
