/**
 * One WebSocket text frame in, one response out: parses the request envelope, dispatches it through the contract,
 * and turns anything malformed into a typed error (answered when the request's id can be recovered, always logged).
 * Oversized frames never get here: the socket's `maxPayload` closes the connection with code 1009 first.
 */
import { LabError } from '../../shared/contract/errors';
import type { Dispatch } from '../host/dispatcher';
import type { RequestMessage, ResponseMessage } from '../../shared/contract/wire';
import { requestMessageSchema } from '../../shared/contract/wire';

/** The id of a request whose JSON or envelope is broken, when its head still shows one (`"id": 7`). */
export function recoverRequestId(text: string): number | null {
  const match = /"id"\s*:\s*(\d{1,15})(?![\d.eE])/.exec(text.slice(0, 512));
  return match?.[1] === undefined ? null : Number(match[1]);
}

/** A parsed request, or the typed error to answer with (and the id to answer, if one is known). */
export type ParsedFrame =
  { ok: true; request: RequestMessage } | { ok: false; id: number | null; error: LabError };

/** Parses one text frame into a request envelope. */
export function parseRequestFrame(text: string): ParsedFrame {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return {
      ok: false,
      id: recoverRequestId(text),
      error: new LabError('invalid-payload', 'The request is not valid JSON.'),
    };
  }
  const envelope = requestMessageSchema.safeParse(json);
  if (envelope.success) return { ok: true, request: envelope.data };
  const id = recoverRequestId(text);
  const error = new LabError(
    'invalid-payload',
    'The request envelope is malformed (expected kind, id, channel).',
  );
  return { ok: false, id, error };
}

/** Handles one frame: answers through `send`, logs what it refuses, never throws. */
export async function handleFrame(
  text: string,
  deps: { dispatch: Dispatch; send: (message: ResponseMessage) => void; log: (line: string) => void },
): Promise<void> {
  const parsed = parseRequestFrame(text);
  if (!parsed.ok) {
    deps.log(`[web-host] refused a request (${parsed.error.code}): ${parsed.error.message}`);
    if (parsed.id !== null)
      deps.send({ kind: 'response', id: parsed.id, result: { ok: false, error: parsed.error.toWire() } });
    return;
  }
  const { id, channel, payload } = parsed.request;
  const result = await deps.dispatch(channel, payload);
  if (!result.ok) deps.log(`[web-host] ${channel} failed (${result.error.code}): ${result.error.message}`);
  deps.send({ kind: 'response', id, result });
}
