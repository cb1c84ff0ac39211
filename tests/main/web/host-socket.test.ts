import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppInfo } from '../../../shared/contract/app';
import type { EngineStatus } from '../../../shared/contract/engine';
import { maxMessageBytes } from '../../../shared/contract/wire';
import { openSocket, pageHeaders, socketUrl, startTestHost } from './web-host-fixture';
import type { SocketClient, TestHost } from './web-host-fixture';

describe('host (WebSocket)', () => {
  let fixture: TestHost;
  let client: SocketClient;
  beforeAll(async () => {
    fixture = await startTestHost();
    client = await openSocket(socketUrl(fixture.host), pageHeaders(fixture.host));
  });
  afterAll(async () => {
    client.ws.close();
    await fixture.close();
  });

  it('refuses an upgrade without the token, or with a wrong one', async () => {
    const url = `ws://127.0.0.1:${fixture.host.port}/ws`;
    await expect(openSocket(url, pageHeaders(fixture.host))).rejects.toThrow('HTTP 403');
    await expect(openSocket(socketUrl(fixture.host, 'wrong'), pageHeaders(fixture.host))).rejects.toThrow(
      'HTTP 403',
    );
  });

  it('accepts the token from the cookie as well as from the query', async () => {
    const cookie = `attention_lab_${fixture.host.port}=${fixture.host.token}`;
    const url = `ws://127.0.0.1:${fixture.host.port}/ws`;
    const other = await openSocket(url, { ...pageHeaders(fixture.host), cookie });
    other.ws.close();
  });

  it('refuses an upgrade from another origin, or with no origin, even with the token', async () => {
    const url = socketUrl(fixture.host);
    await expect(openSocket(url, { origin: 'http://evil.example' })).rejects.toThrow('HTTP 403');
    await expect(openSocket(url, { origin: `http://127.0.0.1:${fixture.host.port + 1}` })).rejects.toThrow(
      'HTTP 403',
    );
    await expect(openSocket(url, {})).rejects.toThrow('HTTP 403');
    expect(fixture.logs.some((line) => line.includes('refused a WebSocket'))).toBe(true);
  });

  it('sends the current engine status to a new connection', async () => {
    const event = await client.waitFor((m) => m.kind === 'event' && m.channel === 'engine:onStatus');
    expect(event).toMatchObject({ kind: 'event', channel: 'engine:onStatus' });
  });

  it('answers app:info from the host', async () => {
    const response = await client.request('app:info', {});
    expect(response.result.ok).toBe(true);
    const info = (response.result as { value: AppInfo }).value;
    expect(info).toMatchObject({ name: 'Attention Lab', host: 'web', platform: process.platform });
  });

  it('round-trips engine:ping through the real forked engine', async () => {
    await client.waitForStatus('ready');
    const response = await client.request('engine:ping', { nonce: 'hello' });
    expect(response.result).toMatchObject({ ok: true, value: { nonce: 'hello' } });
    const pid = (response.result as { value: { pid: number } }).value.pid;
    expect(pid).not.toBe(process.pid);
    const status = (await client.request('engine:status', {})).result as { value: EngineStatus };
    expect(status.value.state).toBe('ready');
    expect(status.value.backend).not.toBeNull();
  });

  it('answers malformed JSON with a typed error when the id is known, and keeps serving', async () => {
    client.ws.send('{"kind":"request","id":900,"channel":"app:info",');
    const response = await client.waitFor((m) => m.kind === 'response' && m.id === 900);
    expect(response).toMatchObject({ result: { ok: false, error: { code: 'invalid-payload' } } });
    client.ws.send('this is not JSON');
    client.ws.send(Buffer.from([0xff, 0xfe, 0x00]));
    expect((await client.request('app:info', {})).result.ok).toBe(true);
  });

  it('answers an unknown channel with unknown-channel', async () => {
    const response = await client.request('files:delete', { path: '/' });
    expect(response.result).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
  });

  it('answers invalid input with invalid-payload, for host and engine channels alike', async () => {
    const ping = await client.request('engine:ping', { nonce: 42 });
    expect(ping.result).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    const info = await client.request('app:info', { extra: true });
    expect(info.result).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
  });

  it('closes an oversized message with code 1009 (message too big) and keeps serving others', async () => {
    const big = await openSocket(socketUrl(fixture.host), pageHeaders(fixture.host));
    const closed = new Promise<number>((resolve) => big.ws.once('close', (code) => resolve(code)));
    big.ws.send(
      JSON.stringify({
        kind: 'request',
        id: 1,
        channel: 'engine:ping',
        payload: 'x'.repeat(maxMessageBytes),
      }),
    );
    expect(await closed).toBe(1009);
    expect((await client.request('engine:ping', { nonce: 'still here' })).result.ok).toBe(true);
  });
});
