import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { EngineStatus } from '../../../shared/contract/engine';
import { LabError } from '../../../shared/contract/errors';
import type { Message } from '../../../shared/contract/wire';
import { forcedBackend, startFailureStatus } from '../../../main/engine/backend';

describe('backend', () => {
  it('reads ATTENTION_LAB_BACKEND: a backend name forces it, auto or nothing means fastest', () => {
    expect(forcedBackend('wasm')).toBe('wasm');
    expect(forcedBackend('auto')).toBeNull();
    expect(forcedBackend(undefined)).toBeNull();
  });

  it('refuses an unknown ATTENTION_LAB_BACKEND with a typed error that names the choices', () => {
    expect(() => forcedBackend('gpu')).toThrow(LabError);
    expect(() => forcedBackend('gpu')).toThrow(/"gpu".*auto, tensorflow, wasm, cpu/);
  });

  it('turns a start failure into a stopped status with the reason', () => {
    let error: unknown;
    try {
      forcedBackend('gpu');
    } catch (thrown) {
      error = thrown;
    }
    const status = startFailureStatus(error);
    expect(status).toMatchObject({ state: 'stopped', backend: null, restarts: 0 });
    expect(status.message).toMatch(/ATTENTION_LAB_BACKEND="gpu"/);
    expect(startFailureStatus(new Error('boom\nstack')).message).toBe('The engine could not start: boom');
  });
});

describe('engine entry (forked by a host)', () => {
  let child: ChildProcess | null = null;
  afterEach(() => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
  });

  /** Forks the real entry with a bad backend setting and collects its messages. */
  function forkEntry() {
    const forked = fork(resolve('main/engine/entry.ts'), [], {
      execArgv: ['--import', 'tsx'],
      env: { ...process.env, ATTENTION_LAB_BACKEND: 'gpu' },
      stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
      serialization: 'json',
    });
    child = forked;
    const messages: Message[] = [];
    forked.on('message', (message) => messages.push(message as Message));
    /** The next message; rejects if the engine exits first. */
    const next = () =>
      new Promise<Message>((done, fail) => {
        const queued = messages.shift();
        if (queued) return done(queued);
        const onExit = (code: number | null) => fail(new Error(`the engine exited (code ${code})`));
        forked.once('exit', onExit);
        forked.once('message', () => {
          forked.off('exit', onExit);
          done(messages.shift() as Message);
        });
      });
    const exited = new Promise<number | null>((done) => forked.once('exit', (code) => done(code)));
    return { forked, next, exited };
  }

  it('reports a bad ATTENTION_LAB_BACKEND as a stopped status and stays up instead of crashing', async () => {
    const { forked, next, exited } = forkEntry();
    const first = await next();
    expect(first).toMatchObject({ kind: 'event', channel: 'engine:onStatus' });
    const status = (first as { payload: EngineStatus }).payload;
    expect(status).toMatchObject({ state: 'stopped', backend: null });
    expect(status.message).toMatch(/ATTENTION_LAB_BACKEND="gpu"/);

    forked.kill('SIGINT'); // Ctrl+C in the host's terminal: the host, not the signal, stops the engine
    forked.send({ kind: 'request', id: 1, channel: 'engine:ping', payload: { nonce: 'a' } });
    expect(await next()).toEqual({
      kind: 'response',
      id: 1,
      result: { ok: false, error: { code: 'engine-unavailable', message: status.message } },
    });
    expect(forked.exitCode).toBeNull();
    forked.disconnect(); // the host is gone: the engine leaves
    expect(await exited).toBe(0);
  }, 30_000);
});
