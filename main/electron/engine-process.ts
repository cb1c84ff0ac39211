/**
 * The engine as an Electron `utilityProcess`, adapted to the supervisor's `EngineProcess`: messages through
 * `postMessage`/`'message'`, `'exit'` for crashes, and its stdout/stderr copied to the log line by line.
 */
import { createInterface } from 'node:readline';
import type { ForkOptions } from 'electron';
import type { EngineProcess } from '../host/supervisor';

/** The part of Electron's `UtilityProcess` the adapter uses. */
export interface UtilityProcessLike {
  readonly stdout: NodeJS.ReadableStream | null;
  readonly stderr: NodeJS.ReadableStream | null;
  postMessage(message: unknown): void;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  on(event: 'error', listener: (type: string, location: string) => void): unknown;
  kill(): boolean;
}

/** `utilityProcess.fork`, injected. */
export type ForkUtilityProcess = (
  modulePath: string,
  args: string[],
  options: ForkOptions,
) => UtilityProcessLike;

/** How the engine is forked: a name the OS task manager shows, and piped output for the log. */
export const engineForkOptions: ForkOptions = { serviceName: 'Attention Lab engine', stdio: 'pipe' };

function logLines(stream: NodeJS.ReadableStream | null, log: (line: string) => void): void {
  if (stream) createInterface({ input: stream, crlfDelay: Infinity }).on('line', log);
}

/** Forks the engine module (dist/main/engine.mjs) and adapts it for the supervisor. */
export function forkEngineProcess(deps: {
  fork: ForkUtilityProcess;
  modulePath: string;
  log: (line: string) => void;
}): EngineProcess {
  const child = deps.fork(deps.modulePath, [], engineForkOptions);
  let hasExited = false;
  logLines(child.stdout, (line) => deps.log(`[engine] ${line}`));
  logLines(child.stderr, (line) => deps.log(`[engine:stderr] ${line}`));
  child.on('exit', (code) => {
    hasExited = true;
    deps.log(`[engine] exited with code ${code}`);
  });
  child.on('error', (type, location) => deps.log(`[engine] ${type} at ${location}`));
  return {
    send(message) {
      if (hasExited) return; // the supervisor learns of the exit through onExit and fails the request there
      try {
        child.postMessage(message);
      } catch (error) {
        deps.log(`[engine] could not post a message: ${String(error)}`);
      }
    },
    onMessage(listener) {
      child.on('message', listener);
    },
    onExit(listener) {
      child.on('exit', (code) => listener(code));
    },
    kill() {
      if (!hasExited) child.kill();
    },
  };
}
