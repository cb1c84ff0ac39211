/**
 * The engine process's entry point. Under Electron it is a `utilityProcess` and talks through
 * `process.parentPort`; under the web host it is a forked Node child and talks through `process.send`.
 * The first message out is an `engine:onStatus` event with the backend chosen, or with why the engine cannot run.
 */
import { createEngineServer } from './server';
import { startEngine } from './engine';
import type { Engine } from './engine';
import { startFailureStatus } from './backend';
import { LabError } from '../../shared/contract/errors';
import type { Message } from '../../shared/contract/wire';
import { requestMessageSchema } from '../../shared/contract/wire';

interface ParentPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
}

function connect(): { send: (message: Message) => void; listen: (receive: (raw: unknown) => void) => void } {
  const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort;
  if (parentPort) {
    return {
      send: (message) => parentPort.postMessage(message),
      listen: (receive) => parentPort.on('message', (event) => receive(event.data)),
    };
  }
  if (process.send) {
    return {
      send: (message) => process.send?.(message),
      listen: (receive) => process.on('message', receive),
    };
  }
  throw new Error('The engine must be started by a host (Electron utilityProcess or a forked Node process).');
}

type Transport = ReturnType<typeof connect>;

/** Stays up without an engine, answering every request with why: exiting would only make the host restart us. */
function serveStartFailure(transport: Transport, error: unknown): void {
  const status = startFailureStatus(error);
  const refusal = new LabError(
    'engine-unavailable',
    status.message ?? 'The engine could not start.',
  ).toWire();
  transport.listen((raw) => {
    const request = requestMessageSchema.safeParse(raw);
    if (request.success)
      transport.send({ kind: 'response', id: request.data.id, result: { ok: false, error: refusal } });
  });
  transport.send({ kind: 'event', channel: 'engine:onStatus', payload: status });
}

async function main(): Promise<void> {
  const transport = connect();
  // A lost host means nobody can use us: leave instead of lingering.
  process.on('disconnect', () => process.exit(0));
  // Ctrl+C in the host's terminal reaches us too; the host stops us itself, so dying first would look like a crash.
  process.on('SIGINT', () => {});
  let engine: Engine;
  try {
    engine = await startEngine();
  } catch (error) {
    console.error('[engine] could not start:', error instanceof Error ? error.message : error);
    serveStartFailure(transport, error);
    return;
  }
  const receive = createEngineServer(engine.handlers, transport.send);
  transport.listen((raw) => void receive(raw));
  transport.send({ kind: 'event', channel: 'engine:onStatus', payload: engine.status() });
}

main().catch((error: unknown) => {
  console.error('[engine] failed to start:', error);
  process.exit(1);
});
