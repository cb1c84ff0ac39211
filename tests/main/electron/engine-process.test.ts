import { EventEmitter } from 'node:events';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { engineForkOptions, forkEngineProcess } from '../../../main/electron/engine-process';
import type { UtilityProcessLike } from '../../../main/electron/engine-process';

/** A stand-in for Electron's UtilityProcess: an EventEmitter with piped output. */
class FakeUtilityProcess extends EventEmitter implements UtilityProcessLike {
  readonly stdout = new PassThrough();
  readonly stderr = new PassThrough();
  readonly posted: unknown[] = [];
  kills = 0;
  postMessage(message: unknown): void {
    this.posted.push(message);
  }
  kill(): boolean {
    this.kills += 1;
    return true;
  }
}

function fork() {
  const calls: Array<{ modulePath: string; args: string[]; options: unknown }> = [];
  const child = new FakeUtilityProcess();
  const logged: string[] = [];
  const engine = forkEngineProcess({
    fork: (modulePath, args, options) => {
      calls.push({ modulePath, args, options });
      return child;
    },
    modulePath: '/app/dist/main/engine.mjs',
    log: (line) => logged.push(line),
  });
  return { calls, child, engine, logged };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('engine-process', () => {
  it('forks the engine module with a service name and piped output', () => {
    const { calls } = fork();
    expect(calls).toEqual([
      { modulePath: '/app/dist/main/engine.mjs', args: [], options: engineForkOptions },
    ]);
    expect(engineForkOptions).toEqual({ serviceName: 'Attention Lab engine', stdio: 'pipe' });
  });

  it('posts messages and delivers the messages it receives', () => {
    const { child, engine } = fork();
    const received: unknown[] = [];
    engine.onMessage((message) => received.push(message));
    engine.send({ kind: 'request', id: 1, channel: 'engine:ping', payload: { nonce: 'a' } });
    child.emit('message', { kind: 'response', id: 1, result: { ok: true, value: 1 } });
    expect(child.posted).toEqual([
      { kind: 'request', id: 1, channel: 'engine:ping', payload: { nonce: 'a' } },
    ]);
    expect(received).toEqual([{ kind: 'response', id: 1, result: { ok: true, value: 1 } }]);
  });

  it('reports the exit code, then neither posts nor kills', () => {
    const { child, engine, logged } = fork();
    const codes: Array<number | null> = [];
    engine.onExit((code) => codes.push(code));
    child.emit('exit', 134);
    engine.send({ kind: 'event', channel: 'engine:onStatus', payload: null });
    engine.kill();
    expect(codes).toEqual([134]);
    expect(child.posted).toEqual([]);
    expect(child.kills).toBe(0);
    expect(logged).toContain('[engine] exited with code 134');
  });

  it('kills a running engine', () => {
    const { child, engine } = fork();
    engine.kill();
    expect(child.kills).toBe(1);
  });

  it('logs a failed post instead of throwing', () => {
    const { child, engine, logged } = fork();
    child.postMessage = () => {
      throw new Error('channel closed');
    };
    expect(() => engine.send({ kind: 'event', channel: 'x:onY', payload: null })).not.toThrow();
    expect(logged.some((line) => line.includes('channel closed'))).toBe(true);
  });

  it('copies stdout and stderr to the log, line by line', async () => {
    const { child, logged } = fork();
    child.stdout.write('backend: wasm\npartial');
    child.stdout.end(' line\n');
    child.stderr.end('Warning: no CUDA\n');
    child.emit('error', 'FatalError', 'v8::ToLocalChecked');
    await flush();
    expect(logged).toEqual(
      expect.arrayContaining([
        '[engine] backend: wasm',
        '[engine] partial line',
        '[engine:stderr] Warning: no CUDA',
        '[engine] FatalError at v8::ToLocalChecked',
      ]),
    );
  });
});
