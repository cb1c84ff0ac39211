/** The engine as a forked Node child, wrapped as the supervisor's `EngineProcess` (messages over the IPC channel). */
import { fork } from 'node:child_process';
import type { EngineProcess } from '../host/supervisor';

/** A forked engine: the supervisor's view, plus what a clean shutdown waits for. */
export interface ForkedEngine extends EngineProcess {
  readonly pid: number | undefined;
  /** Settles when the child has exited. */
  readonly exited: Promise<void>;
}

/** Forks `entry` (a built `engine.mjs`, or a `.ts` file with `execArgv: ['--import', 'tsx']`). */
export function forkEngine(
  entry: string,
  options: { execArgv?: string[]; log?: (line: string) => void } = {},
): ForkedEngine {
  const log = options.log ?? (() => {});
  const child = fork(entry, [], {
    execArgv: options.execArgv ?? [],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    serialization: 'json',
  });
  // A failed send (the child just died) or spawn must not take the host down; the exit handler reports it.
  child.on('error', (error) => log(`[web-host] engine process error: ${error.message}`));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    pid: child.pid,
    exited,
    send(message) {
      if (!child.connected) return;
      child.send(message, (error) => {
        if (error) log(`[web-host] could not send to the engine: ${error.message}`);
      });
    },
    onMessage: (listener) => void child.on('message', listener),
    onExit: (listener) => void child.on('exit', (code) => listener(code)),
    kill: () => void child.kill(),
  };
}
