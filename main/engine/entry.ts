/**
 * The engine process's entry point. Under Electron it is a `utilityProcess` and talks through
 * `process.parentPort`; under the web host it is a forked Node child and talks through `process.send`.
 * The first message out is an `engine:onStatus` event with the backend chosen.
 */
import { createEngineServer } from './server';
import { startEngine } from './engine';
import type { Message } from '../../shared/contract/wire';

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

async function main(): Promise<void> {
  const transport = connect();
  const engine = await startEngine();
  const receive = createEngineServer(engine.handlers, transport.send);
  transport.listen((raw) => void receive(raw));
  transport.send({ kind: 'event', channel: 'engine:onStatus', payload: engine.status() });
  // A lost host means nobody can use us: leave instead of lingering.
  process.on('disconnect', () => process.exit(0));
}

main().catch((error: unknown) => {
  console.error('[engine] failed to start:', error);
  process.exit(1);
});
