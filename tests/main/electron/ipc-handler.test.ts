import { describe, expect, it } from 'vitest';
import type { EngineStatus } from '../../../shared/contract/engine';
import { maxMessageBytes } from '../../../shared/contract/wire';
import type { Result } from '../../../shared/contract/wire';
import { appInfo } from '../../../main/host/app-info';
import { createDispatcher } from '../../../main/host/dispatcher';
import {
  createEventForwarder,
  createInvokeHandler,
  serializedSize,
} from '../../../main/electron/ipc-handler';
import { checkInvokeEvent } from '../../../main/electron/sender';
import type { InvokeEventLike, SenderFrame } from '../../../main/electron/sender';

const status: EngineStatus = {
  state: 'ready',
  backend: 'wasm',
  device: 'CPU (WebAssembly, SIMD)',
  attempts: [],
  tfjsVersion: '4.22.0',
  restarts: 0,
  message: null,
};

const mainFrame: SenderFrame = { url: 'app://lab/index.html', parent: null, processId: 3, routingId: 1 };
const contents = { mainFrame };
const fromApp: InvokeEventLike = { sender: contents, senderFrame: mainFrame };

/** The real dispatcher and sender check, with an engine that echoes pings. */
function setup(options: { maxBytes?: number } = {}) {
  const logged: string[] = [];
  const engineCalls: string[] = [];
  const dispatch = createDispatcher({
    host: { 'app:info': async () => appInfo('electron'), 'engine:status': async () => status },
    engine: {
      async request(channel, payload): Promise<Result> {
        engineCalls.push(channel);
        return { ok: true, value: { nonce: (payload as { nonce: string }).nonce, pid: 7, uptimeMs: 1 } };
      },
    },
  });
  const handle = createInvokeHandler<InvokeEventLike>({
    dispatch,
    checkSender: (event) => checkInvokeEvent(event, contents),
    log: (line) => logged.push(line),
    ...options,
  });
  return { handle, logged, engineCalls };
}

const codeOf = (result: Result): string | null => (result.ok ? null : result.error.code);

describe('ipc-handler', () => {
  it('answers a host request from the app window', async () => {
    const { handle } = setup();
    const result = await handle(fromApp, 'engine:status', {});
    expect(result).toEqual({ ok: true, value: status });
  });

  it('routes an engine request to the engine', async () => {
    const { handle, engineCalls } = setup();
    const result = await handle(fromApp, 'engine:ping', { nonce: 'n1' });
    expect(result).toEqual({ ok: true, value: { nonce: 'n1', pid: 7, uptimeMs: 1 } });
    expect(engineCalls).toEqual(['engine:ping']);
  });

  it('refuses a subframe, another window or a foreign page with forbidden-sender, before dispatch', async () => {
    const { handle, logged, engineCalls } = setup();
    const senders: InvokeEventLike[] = [
      { sender: contents, senderFrame: { ...mainFrame, parent: mainFrame, routingId: 2 } },
      { sender: {}, senderFrame: mainFrame },
      { sender: contents, senderFrame: { ...mainFrame, url: 'https://evil.example/' } },
      { sender: contents, senderFrame: null },
    ];
    for (const event of senders)
      expect(codeOf(await handle(event, 'engine:ping', { nonce: 'x' }))).toBe('forbidden-sender');
    expect(engineCalls).toEqual([]);
    expect(logged.filter((line) => line.includes('forbidden-sender'))).toHaveLength(4);
  });

  it('answers an unknown channel with unknown-channel and logs it', async () => {
    const { handle, logged } = setup();
    for (const channel of ['fs:read', '__proto__', 42, null]) {
      expect(codeOf(await handle(fromApp, channel, {})), String(channel)).toBe('unknown-channel');
    }
    expect(logged.some((line) => line.includes('fs:read') && line.includes('unknown-channel'))).toBe(true);
  });

  it('answers malformed input with invalid-payload', async () => {
    const { handle, engineCalls } = setup();
    expect(codeOf(await handle(fromApp, 'engine:ping', { nonce: 5 }))).toBe('invalid-payload');
    expect(codeOf(await handle(fromApp, 'engine:ping', { nonce: 'x', extra: true }))).toBe('invalid-payload');
    expect(codeOf(await handle(fromApp, 'app:info', 'not an object'))).toBe('invalid-payload');
    expect(engineCalls).toEqual([]);
  });

  it('answers input that is not plain data with invalid-payload', async () => {
    const { handle } = setup();
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    expect(codeOf(await handle(fromApp, 'engine:ping', cyclic))).toBe('invalid-payload');
    expect(codeOf(await handle(fromApp, 'engine:ping', { nonce: 10n }))).toBe('invalid-payload');
  });

  it('answers an oversized payload with payload-too-large, before dispatch', async () => {
    const { handle, engineCalls, logged } = setup();
    const result = await handle(fromApp, 'engine:ping', { nonce: 'x'.repeat(maxMessageBytes) });
    expect(codeOf(result)).toBe('payload-too-large');
    expect(result.ok ? '' : result.error.message).toBe(
      'The request is too large: it is over the limit of 8 MB.',
    );
    expect(engineCalls).toEqual([]);
    expect(logged.some((line) => line.includes('payload-too-large'))).toBe(true);
  });

  it('measures size in UTF-8 bytes of the JSON, at the limit exactly', async () => {
    expect(serializedSize({ a: 'é' })).toBe(Buffer.byteLength('{"a":"é"}'));
    expect(serializedSize(undefined)).toBe(0);
    const limit = serializedSize({ nonce: 'abc' });
    const { handle } = setup({ maxBytes: limit });
    expect((await handle(fromApp, 'engine:ping', { nonce: 'abc' })).ok).toBe(true);
    expect(codeOf(await handle(fromApp, 'engine:ping', { nonce: 'abcd' }))).toBe('payload-too-large');
  });

  it('turns a throwing dispatcher into an internal error instead of throwing', async () => {
    const logged: string[] = [];
    const handle = createInvokeHandler<InvokeEventLike>({
      dispatch: () => Promise.reject(new Error('bug')),
      checkSender: () => ({ isTrusted: true }),
      log: (line) => logged.push(line),
    });
    expect(await handle(fromApp, 'app:info', {})).toEqual({
      ok: false,
      error: {
        code: 'internal',
        message: expect.stringMatching(/^Something went wrong.*error e-[0-9a-f]{8}/),
      },
    });
    expect(logged).toHaveLength(1);
  });
});

describe('ipc-handler: events', () => {
  function forwarder() {
    const sent: Array<[string, unknown]> = [];
    const logged: string[] = [];
    const forward = createEventForwarder({
      send: (channel, payload) => sent.push([channel, payload]),
      log: (line) => logged.push(line),
    });
    return { forward, sent, logged };
  }

  it('forwards a valid contract event', () => {
    const { forward, sent } = forwarder();
    forward('engine:onStatus', status);
    expect(sent).toEqual([['engine:onStatus', status]]);
  });

  it('drops and logs events outside the contract or with a malformed payload', () => {
    const { forward, sent, logged } = forwarder();
    forward('engine:onSecret', status);
    forward('engine:onStatus', { ...status, backend: 'webgpu' });
    forward(7, null);
    expect(sent).toEqual([]);
    expect(logged).toHaveLength(3);
  });
});
