import { describe, expect, it } from 'vitest';
import type { EngineStatus } from '../../../shared/contract/engine';
import { LabError } from '../../../shared/contract/errors';
import type { Result } from '../../../shared/contract/wire';
import { createDispatcher } from '../../../main/host/dispatcher';
import type { HostHandlers } from '../../../main/host/dispatcher';
import { appInfo } from '../../../main/host/app-info';
import { readyStatus } from './fakes';

const pong = { nonce: 'n', pid: 7, uptimeMs: 1 };

function setup(host: Partial<HostHandlers> = {}, engineResult: Result = { ok: true, value: pong }) {
  const hostCalls: string[] = [];
  const logged: string[] = [];
  const engineCalls: Array<[string, unknown]> = [];
  const dispatch = createDispatcher({
    host: {
      'app:info': async () => {
        hostCalls.push('app:info');
        return appInfo('electron', { locale: 'en-GB', electron: '45.5.0', chrome: '142.0.0.0' });
      },
      'engine:status': async () => {
        hostCalls.push('engine:status');
        return readyStatus;
      },
      ...host,
    },
    engine: {
      request: async (channel, payload) => {
        engineCalls.push([channel, payload]);
        return engineResult;
      },
    },
    log: (line) => logged.push(line),
  });
  return { dispatch, hostCalls, engineCalls, logged };
}

const codeOf = (result: Result): string | null => (result.ok ? null : result.error.code);

describe('dispatcher', () => {
  it('answers host channels itself, with validated output', async () => {
    const { dispatch, hostCalls, engineCalls } = setup();
    const info = await dispatch('app:info', {});
    expect(info).toMatchObject({
      ok: true,
      value: { name: 'Attention Lab', host: 'electron', locale: 'en-GB', versions: { electron: '45.5.0' } },
    });
    expect(await dispatch('engine:status', {})).toEqual({ ok: true, value: readyStatus });
    expect(hostCalls).toEqual(['app:info', 'engine:status']);
    expect(engineCalls).toEqual([]);
  });

  it('forwards engine channels to the engine with the parsed input', async () => {
    const { dispatch, hostCalls, engineCalls } = setup();
    expect(await dispatch('engine:ping', { nonce: 'n' })).toEqual({ ok: true, value: pong });
    expect(engineCalls).toEqual([['engine:ping', { nonce: 'n' }]]);
    expect(hostCalls).toEqual([]);
  });

  it("passes the engine's typed error through unchanged", async () => {
    const crashed: Result = { ok: false, error: { code: 'engine-crashed', message: 'The engine stopped.' } };
    const { dispatch } = setup({}, crashed);
    expect(await dispatch('engine:ping', { nonce: 'n' })).toEqual(crashed);
  });

  it('answers unknown channels with unknown-channel, whatever their type', async () => {
    const { dispatch, hostCalls, engineCalls } = setup();
    for (const channel of ['fs:read', 'constructor', 'toString', '__proto__', '', 42, null, undefined, {}]) {
      expect(codeOf(await dispatch(channel, {})), String(channel)).toBe('unknown-channel');
    }
    expect(hostCalls).toEqual([]);
    expect(engineCalls).toEqual([]);
  });

  it('answers malformed input with invalid-payload naming the field', async () => {
    const { dispatch, engineCalls } = setup();
    const result = await dispatch('engine:ping', { nonce: 42 });
    expect(codeOf(result)).toBe('invalid-payload');
    expect(result.ok ? '' : result.error.message).toMatch(/^Invalid input for engine:ping at nonce/);
    for (const input of [undefined, null, 'x', [], { nonce: 'a'.repeat(65) }, { nonce: 'a', more: 1 }]) {
      expect(codeOf(await dispatch('engine:ping', input)), JSON.stringify(input)).toBe('invalid-payload');
    }
    expect(codeOf(await dispatch('app:info', { extra: true }))).toBe('invalid-payload');
    expect(engineCalls).toEqual([]);
  });

  it("refuses a host handler's malformed output with invalid-payload", async () => {
    const broken = { ...readyStatus, backend: 'webgpu' } as unknown as EngineStatus;
    const { dispatch } = setup({ 'engine:status': async () => broken });
    const result = await dispatch('engine:status', {});
    expect(codeOf(result)).toBe('invalid-payload');
    expect(result.ok ? '' : result.error.message).toMatch(/^Invalid output of engine:status at backend/);
  });

  it('turns a throwing host handler into a result: LabErrors keep their code, bugs become internal', async () => {
    const { dispatch } = setup({
      'app:info': async () => {
        throw new LabError('busy', 'Busy now.');
      },
      'engine:status': async () => {
        throw new TypeError('x is undefined');
      },
    });
    expect(await dispatch('app:info', {})).toEqual({
      ok: false,
      error: { code: 'busy', message: 'Busy now.' },
    });
    expect(await dispatch('engine:status', {})).toEqual({
      ok: false,
      error: {
        code: 'internal',
        message: expect.stringMatching(/^Something went wrong.*error e-[0-9a-f]{8}/),
      },
    });
  });

  it('turns a rejecting engine into an internal error instead of throwing', async () => {
    const dispatch = createDispatcher({
      host: { 'app:info': async () => appInfo('cli'), 'engine:status': async () => readyStatus },
      engine: { request: () => Promise.reject(new Error('port closed')) },
    });
    expect(await dispatch('engine:ping', { nonce: 'a' })).toEqual({
      ok: false,
      error: {
        code: 'internal',
        message: expect.stringMatching(/^Something went wrong.*error e-[0-9a-f]{8}/),
      },
    });
  });

  it('turns an engine answer that breaks the contract into a logged internal error', async () => {
    const { dispatch, logged } = setup({}, { ok: true, value: { nonce: 'n', pid: 'seven' } });
    const result = await dispatch('engine:ping', { nonce: 'n' });
    expect(codeOf(result)).toBe('internal');
    expect(result.ok ? '' : result.error.message).toMatch(/engine:ping.*pid/);
    expect(logged.some((line) => line.includes('broke the contract'))).toBe(true);
  });
});
