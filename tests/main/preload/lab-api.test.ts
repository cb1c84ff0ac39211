import { describe, expect, it, vi } from 'vitest';
import type { EngineStatus } from '../../../shared/contract/engine';
import { fromWireError, LabError, wireErrorSchema } from '../../../shared/contract/errors';
import type { Result } from '../../../shared/contract/wire';
import { createDispatcher } from '../../../main/host/dispatcher';
import { appInfo } from '../../../main/host/app-info';
import { eventChannel, invokeChannel } from '../../../main/electron/ipc-channels';
import { createInvokeHandler } from '../../../main/electron/ipc-handler';
import { createLabApi, labApiGlobalName } from '../../../main/preload/lab-api';
import type { RendererIpc } from '../../../main/preload/lab-api';

const status: EngineStatus = {
  state: 'ready',
  backend: 'cpu',
  device: 'CPU (plain JavaScript)',
  attempts: [],
  tfjsVersion: '4.22.0',
  restarts: 0,
  message: null,
};

/** A stand-in for ipcRenderer: records invokes, answers with `answer`, and lets the test emit events. */
function fakeIpc(answer: (channel: string, ...args: unknown[]) => Promise<unknown>) {
  const invoked: unknown[][] = [];
  const listeners = new Map<string, Array<(event: unknown, ...args: unknown[]) => void>>();
  const ipc: RendererIpc = {
    invoke: (channel, ...args) => {
      invoked.push([channel, ...args]);
      return answer(channel, ...args);
    },
    on: (channel, listener) => listeners.set(channel, [...(listeners.get(channel) ?? []), listener]),
  };
  const rawEvent = { sender: 'ipcRenderer itself', senderId: 0 };
  const emit = (...args: unknown[]) =>
    listeners.get(eventChannel)?.forEach((listener) => listener(rawEvent, ...args));
  return { ipc, invoked, emit, listeners };
}

const ok = (value: unknown): Promise<Result> => Promise.resolve({ ok: true, value });

describe('lab-api', () => {
  it('is exposed as window.attentionLab with exactly invoke and on', () => {
    expect(labApiGlobalName).toBe('attentionLab');
    expect(Object.keys(createLabApi(fakeIpc(() => ok(null)).ipc)).sort()).toEqual(['invoke', 'on']);
  });

  it('sends a contract request over lab:invoke and resolves with the unwrapped value', async () => {
    const { ipc, invoked } = fakeIpc(() => ok(status));
    await expect(createLabApi(ipc).invoke('engine:status', {})).resolves.toEqual(status);
    expect(invoked).toEqual([[invokeChannel, 'engine:status', {}]]);
  });

  it('rejects a channel outside the contract without sending it', async () => {
    const { ipc, invoked } = fakeIpc(() => ok(null));
    const api = createLabApi(ipc);
    // @ts-expect-error -- the renderer's types forbid it; the check is for plain JavaScript callers
    await expect(api.invoke('fs:readFile', { path: '/etc/passwd' })).rejects.toEqual({
      name: 'LabError',
      code: 'unknown-channel',
      message: 'Unknown request channel: fs:readFile',
    });
    expect(invoked).toEqual([]);
  });

  it('rejects with the code and message of a wire error', async () => {
    const { ipc } = fakeIpc(() =>
      Promise.resolve({
        ok: false,
        error: { code: 'engine-crashed', message: 'The engine stopped (exit code 1).' },
      }),
    );
    const reason: unknown = await createLabApi(ipc)
      .invoke('engine:ping', { nonce: 'a' })
      .catch((e: unknown) => e);
    expect(reason).toEqual({
      name: 'LabError',
      code: 'engine-crashed',
      message: 'The engine stopped (exit code 1).',
    });
    // What the renderer does with it: it is a WireError, so it becomes a LabError again.
    const rebuilt = fromWireError(wireErrorSchema.parse(reason));
    expect(rebuilt).toBeInstanceOf(LabError);
    expect(rebuilt.code).toBe('engine-crashed');
  });

  it('survives the bridge: the rejection is plain data, copied whole by structured clone', async () => {
    const { ipc } = fakeIpc(() =>
      Promise.resolve({ ok: false, error: { code: 'busy', message: 'Training.' } }),
    );
    const reason: unknown = await createLabApi(ipc)
      .invoke('app:info', {})
      .catch((e: unknown) => e);
    expect(structuredClone(reason)).toEqual({ name: 'LabError', code: 'busy', message: 'Training.' });
  });

  it('rejects with internal on a malformed answer, and with invalid-payload when IPC cannot clone the input', async () => {
    const malformed = fakeIpc(() => Promise.resolve({ value: 1 }));
    await expect(createLabApi(malformed.ipc).invoke('app:info', {})).rejects.toMatchObject({
      code: 'internal',
    });
    const uncloneable = fakeIpc(() => Promise.reject(new Error('Error: An object could not be cloned.')));
    await expect(createLabApi(uncloneable.ipc).invoke('app:info', {})).rejects.toMatchObject({
      code: 'invalid-payload',
    });
    const noHandler = fakeIpc(() => Promise.reject(new Error("No handler registered for 'lab:invoke'")));
    await expect(createLabApi(noHandler.ipc).invoke('app:info', {})).rejects.toMatchObject({
      code: 'internal',
    });
  });

  it('delivers contract events to their listeners only, without the raw IPC event', () => {
    const { ipc, emit } = fakeIpc(() => ok(null));
    const api = createLabApi(ipc);
    const statuses: unknown[][] = [];
    api.on('engine:onStatus', (...args: unknown[]) => statuses.push(args));
    emit('engine:onStatus', status);
    emit('train:onProgress', { step: 1 });
    emit('engine:onSecret', status);
    expect(statuses).toEqual([[status]]);
  });

  it('registers one IPC listener however many subscribers there are', () => {
    const { ipc, listeners } = fakeIpc(() => ok(null));
    const api = createLabApi(ipc);
    for (let i = 0; i < 20; i += 1) api.on('engine:onStatus', () => {});
    expect(listeners.get(eventChannel)).toHaveLength(1);
    expect([...listeners.keys()]).toEqual([eventChannel]);
  });

  it('unsubscribes exactly the subscription it returned', () => {
    const { ipc, emit } = fakeIpc(() => ok(null));
    const api = createLabApi(ipc);
    const calls: string[] = [];
    const listener = () => calls.push('same');
    const first = api.on('engine:onStatus', listener);
    api.on('engine:onStatus', listener);
    first();
    first(); // twice is harmless
    emit('engine:onStatus', status);
    expect(calls).toEqual(['same']);
  });

  it('refuses to subscribe to a channel outside the contract', () => {
    const api = createLabApi(fakeIpc(() => ok(null)).ipc);
    // @ts-expect-error -- as above, for plain JavaScript callers
    expect(() => api.on('lab:anything', () => {})).toThrow('Unknown event channel: lab:anything');
  });

  it('keeps delivering to other listeners when one throws', () => {
    const { ipc, emit } = fakeIpc(() => ok(null));
    const api = createLabApi(ipc);
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const calls: string[] = [];
    api.on('engine:onStatus', () => {
      throw new Error('listener bug');
    });
    api.on('engine:onStatus', () => calls.push('second'));
    emit('engine:onStatus', status);
    expect(calls).toEqual(['second']);
    expect(error).toHaveBeenCalledOnce();
    error.mockRestore();
  });
});

describe('lab-api over the main-process handler', () => {
  /** Preload → (structured clone, as IPC does) → ipc handler → real dispatcher → host handlers. */
  function wired() {
    const dispatch = createDispatcher({
      host: {
        'app:info': async () => appInfo('electron', { locale: 'id-ID' }),
        'engine:status': async () => status,
      },
      engine: {
        request: () =>
          Promise.resolve({ ok: false, error: { code: 'engine-unavailable', message: 'Not yet.' } }),
      },
    });
    const handle = createInvokeHandler<null>({
      dispatch,
      checkSender: () => ({ isTrusted: true }),
      log: () => {},
    });
    const { ipc } = fakeIpc((_channel, ...args) =>
      handle(null, ...(structuredClone(args) as [unknown, unknown])).then((result) =>
        structuredClone(result),
      ),
    );
    return createLabApi(ipc);
  }

  it('answers app:info end to end', async () => {
    const info = await wired().invoke('app:info', {});
    expect(info).toMatchObject({ name: 'Attention Lab', host: 'electron', locale: 'id-ID' });
  });

  it('carries a typed error from main to the renderer', async () => {
    await expect(wired().invoke('engine:ping', { nonce: 'x' })).rejects.toEqual({
      name: 'LabError',
      code: 'engine-unavailable',
      message: 'Not yet.',
    });
    // @ts-expect-error -- malformed on purpose
    await expect(wired().invoke('engine:ping', { nonce: 3 })).rejects.toMatchObject({
      code: 'invalid-payload',
    });
  });
});
