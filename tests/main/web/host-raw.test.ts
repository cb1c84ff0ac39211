import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { get, startTestHost } from './web-host-fixture';
import type { TestHost } from './web-host-fixture';

/** Writes `text` to the port as-is and resolves with everything the server sends back before it closes. */
function rawRequest(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(text));
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => resolve(Buffer.concat(chunks).toString()));
  });
}

const upgradeHeaders = 'Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n';
const key = 'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n';

describe('host (malformed requests)', () => {
  let fixture: TestHost;
  let hostHeader: string;
  beforeAll(async () => {
    fixture = await startTestHost();
    hostHeader = `Host: 127.0.0.1:${fixture.host.port}\r\n`;
  });
  afterAll(async () => {
    await fixture.close();
  });

  it.each(['//[', 'http://a:99999/'])(
    'answers 400 to an upgrade whose target "%s" is no URL',
    async (target) => {
      const reply = await rawRequest(
        fixture.host.port,
        `GET ${target} HTTP/1.1\r\n${hostHeader}${upgradeHeaders}${key}\r\n`,
      );
      expect(reply).toMatch(/^HTTP\/1\.1 400 /);
      const page = await get(fixture.host, `/?token=${fixture.host.token}`);
      expect(page.status).toBe(200); // the host survived
    },
  );

  it('refuses an upgrade for a foreign Host before reading its target', async () => {
    const reply = await rawRequest(
      fixture.host.port,
      `GET //[ HTTP/1.1\r\nHost: evil.example\r\n${upgradeHeaders}${key}\r\n`,
    );
    expect(reply).toMatch(/^HTTP\/1\.1 403 /);
    expect((await get(fixture.host, `/?token=${fixture.host.token}`)).status).toBe(200);
  });

  it.each(['//[', 'http://a:99999/'])('answers 400, not 500, to a page request for "%s"', async (target) => {
    const reply = await rawRequest(
      fixture.host.port,
      `GET ${target} HTTP/1.1\r\n${hostHeader}Connection: close\r\n\r\n`,
    );
    expect(reply).toMatch(/^HTTP\/1\.1 400 /);
    expect(fixture.logs.some((line) => line.includes('request failed'))).toBe(false);
  });
});
