import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EngineStatus } from '../../../shared/contract/engine';
import { openSocket, pageHeaders, socketUrl, startTestHost } from './web-host-fixture';
import type { SocketClient, TestHost } from './web-host-fixture';

describe('host (engine supervision)', () => {
  let fixture: TestHost;
  let client: SocketClient;
  beforeAll(async () => {
    fixture = await startTestHost();
    client = await openSocket(socketUrl(fixture.host), pageHeaders(fixture.host));
    await client.waitForStatus('ready');
  });
  afterAll(async () => {
    client.ws.close();
    await fixture.close();
  });

  it('restarts a killed engine and tells the page: restarting, then ready again', async () => {
    const before = (await client.request('engine:ping', { nonce: 'a' })).result as { value: { pid: number } };
    const seen = client.messages.length;
    process.kill(before.value.pid, 'SIGKILL');
    const restarting = await client.waitForStatus('restarting', seen);
    expect((restarting as { payload: EngineStatus }).payload.message).toContain('restarting');
    const ready = await client.waitForStatus('ready', client.messages.indexOf(restarting));
    expect((ready as { payload: EngineStatus }).payload.restarts).toBe(1);
    const after = (await client.request('engine:ping', { nonce: 'b' })).result as { value: { pid: number } };
    expect(after.value.pid).not.toBe(before.value.pid);
    expect(fixture.host.status()).toMatchObject({ state: 'ready', restarts: 1 });
  });

  it('stops the engine when the host closes', async () => {
    const ping = (await client.request('engine:ping', { nonce: 'c' })).result as { value: { pid: number } };
    const states: string[] = [];
    fixture.host.onStatus((status) => states.push(status.state));
    await fixture.host.close();
    expect(states).toContain('stopped');
    expect(() => process.kill(ping.value.pid, 0)).toThrow();
  });
});
