/**
 * The logic behind the one IPC channel (ipc.ts wires it to Electron): checks the sender and the payload size,
 * dispatches through the contract, and forwards validated events to the window. Every failure becomes a
 * typed error result and a log line; nothing here throws.
 */
import { isEventChannel } from '../../shared/contract/api';
import type { EventChannel } from '../../shared/contract/api';
import { LabError, toWireError } from '../../shared/contract/errors';
import { parseEvent } from '../../shared/contract/validate';
import { maxMessageBytes } from '../../shared/contract/wire';
import type { Result } from '../../shared/contract/wire';
import type { Dispatch } from '../host/dispatcher';
import type { SenderVerdict } from './sender';

/** Size of `value` serialized as JSON, in UTF-8 bytes; throws when it is not plain data (cycles, BigInt). */
export function serializedSize(value: unknown): number {
  const json = JSON.stringify(value);
  return json === undefined ? 0 : Buffer.byteLength(json, 'utf8');
}

function describe(channel: unknown): string {
  return typeof channel === 'string' ? channel.slice(0, 64) : typeof channel;
}

/** Builds the `lab:invoke` handler: `(event, channel, input) → Result`. */
export function createInvokeHandler<E>(deps: {
  dispatch: Dispatch;
  checkSender: (event: E) => SenderVerdict;
  log: (line: string) => void;
  maxBytes?: number;
}): (event: E, channel: unknown, input: unknown) => Promise<Result> {
  const maxBytes = deps.maxBytes ?? maxMessageBytes;
  const fail = (channel: unknown, error: LabError, detail = ''): Result => {
    deps.log(`[ipc] refused ${describe(channel)}: ${error.code}: ${error.message}${detail}`);
    return { ok: false, error: error.toWire() };
  };
  return async (event, channel, input) => {
    const verdict = deps.checkSender(event);
    if (!verdict.isTrusted) {
      const error = new LabError(
        'forbidden-sender',
        'This request did not come from the Attention Lab window.',
      );
      return fail(channel, error, ` (${verdict.reason})`);
    }
    let size: number;
    try {
      size = serializedSize(input);
    } catch {
      return fail(
        channel,
        new LabError('invalid-payload', 'The request could not be read: it is not plain data.'),
      );
    }
    if (size > maxBytes) {
      const limit = `${Number((maxBytes / 1024 / 1024).toFixed(2))} MB`;
      const message = `The request is too large: it is over the limit of ${limit}.`;
      return fail(channel, new LabError('payload-too-large', message), ` (${size} bytes)`);
    }
    try {
      const result = await deps.dispatch(channel, input);
      if (!result.ok)
        deps.log(`[ipc] ${describe(channel)} failed: ${result.error.code}: ${result.error.message}`);
      return result;
    } catch (error) {
      // The dispatcher never throws; this is the last line of defence against a bug.
      deps.log(`[ipc] ${describe(channel)} threw: ${String(error)}`);
      return { ok: false, error: toWireError(error) };
    }
  };
}

/** Builds the event forwarder: validates an event against the contract, then sends it; drops and logs otherwise. */
export function createEventForwarder(deps: {
  send: (channel: EventChannel, payload: unknown) => void;
  log: (line: string) => void;
}): (channel: unknown, payload: unknown) => void {
  return (channel, payload) => {
    try {
      if (!isEventChannel(channel)) throw new LabError('unknown-channel', 'not an event of the contract');
      deps.send(channel, parseEvent(channel, payload));
    } catch (error) {
      deps.log(`[ipc] dropped event ${describe(channel)}: ${toWireError(error).message}`);
    }
  };
}
