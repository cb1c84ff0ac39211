/** Test fixture: a real web host on 127.0.0.1:0 with a tiny renderer folder and a real forked engine (via tsx). */
import { request } from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { WebSocket } from 'ws';
import type { EngineStatus } from '../../../shared/contract/engine';
import type { Message, ResponseMessage } from '../../../shared/contract/wire';
import { startWebHost } from '../../../main/web/host';
import type { WebHost, WebHostOptions } from '../../../main/web/host';

/** The engine entry, run from source. */
export const engineEntry = resolve('main/engine/entry.ts');

/** A started host with its temp folder (`renderer/` inside it, `secret.txt` beside it) and its log lines. */
export interface TestHost {
  host: WebHost;
  logs: string[];
  root: string;
  close(): Promise<void>;
}

/** Starts a host serving `index.html`, `assets/app.js` and `assets/style.css`. */
export async function startTestHost(options: Partial<WebHostOptions> = {}): Promise<TestHost> {
  const root = await mkdtemp(join(tmpdir(), 'attention-lab-web-'));
  const rendererDir = join(root, 'renderer');
  await mkdir(join(rendererDir, 'assets'), { recursive: true });
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Attention Lab</title>');
  await writeFile(join(rendererDir, 'assets', 'app.js'), 'console.log("app");');
  await writeFile(join(rendererDir, 'assets', 'style.css'), 'body { margin: 0; }');
  await writeFile(join(root, 'secret.txt'), 'outside the renderer');
  const logs: string[] = [];
  const host = await startWebHost({
    rendererDir,
    engineEntry,
    engineExecArgv: ['--import', 'tsx'],
    log: (line) => logs.push(line),
    ...options,
  });
  return {
    host,
    logs,
    root,
    async close() {
      await host.close();
      await rm(root, { recursive: true, force: true });
    },
  };
}

/** An HTTP response as tests read it. */
export interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** GETs a raw path (sent exactly as given) with the headers given; `Host` defaults to the host's own. */
export function get(host: WebHost, path: string, headers: Record<string, string> = {}): Promise<Reply> {
  return new Promise((resolvePromise, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: host.port,
        path,
        method: 'GET',
        headers: { host: `127.0.0.1:${host.port}`, ...headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolvePromise({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString(),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** A test client: an open socket that records every message from its first, to wait for responses and events. */
export type SocketClient = Awaited<ReturnType<typeof openSocket>>;

/** Opens a WebSocket; resolves when open, rejects with the HTTP status when the upgrade is refused. */
export async function openSocket(url: string, headers: Record<string, string>) {
  const ws = new WebSocket(url, { headers });
  const messages: Message[] = [];
  const waiters: Array<() => void> = [];
  ws.on('message', (data) => {
    messages.push(JSON.parse(String(data)) as Message);
    waiters.splice(0).forEach((wake) => wake());
  });
  async function waitFor<T extends Message>(predicate: (message: Message) => boolean): Promise<T> {
    for (;;) {
      const found = messages.find(predicate);
      if (found) return found as T;
      await new Promise<void>((wake) => waiters.push(wake));
    }
  }
  await new Promise<void>((resolvePromise, reject) => {
    ws.once('open', () => resolvePromise());
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });
  let nextId = 1;
  return {
    ws,
    messages,
    waitFor,
    /** Sends a request envelope and waits for its response. */
    async request(channel: string, payload: unknown): Promise<ResponseMessage> {
      const id = nextId++;
      ws.send(JSON.stringify({ kind: 'request', id, channel, payload }));
      return waitFor<ResponseMessage>((m) => m.kind === 'response' && m.id === id);
    },
    /** Waits for an `engine:onStatus` event whose state is `state`, counting only events after `after` messages. */
    waitForStatus(state: EngineStatus['state'], after = 0): Promise<Message> {
      return waitFor(
        (m) =>
          messages.indexOf(m) >= after &&
          m.kind === 'event' &&
          m.channel === 'engine:onStatus' &&
          (m.payload as EngineStatus).state === state,
      );
    },
  };
}

/** Headers a page served by `host` would send on its WebSocket upgrade (token in the query instead of a cookie). */
export function pageHeaders(host: WebHost): Record<string, string> {
  return { origin: host.origin };
}

/** The WebSocket address with the token. */
export function socketUrl(host: WebHost, token = host.token): string {
  return `ws://127.0.0.1:${host.port}/ws?token=${encodeURIComponent(token)}`;
}
