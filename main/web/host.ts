/**
 * The web host: serves the built renderer on a loopback address behind a random token and bridges the one
 * contract over a WebSocket to the engine, which runs as a forked Node child under the shared supervisor.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import type { IncomingMessage } from 'node:http';
import { WebSocket, WebSocketServer } from 'ws';
import type { EngineStatus } from '../../shared/contract/engine';
import type { EventMessage, Message } from '../../shared/contract/wire';
import { maxMessageBytes } from '../../shared/contract/wire';
import { appInfo } from '../host/app-info';
import { createDispatcher } from '../host/dispatcher';
import { createSupervisor } from '../host/supervisor';
import type { SupervisorOptions } from '../host/supervisor';
import { browserFallbacks } from './browser-fallbacks';
import { createAccessGuard, createToken, hostWithPort } from './access';
import { cspDirectives, serializeCsp } from '../host/csp';
import type { ForkedEngine } from './engine-process';
import { forkEngine } from './engine-process';
import { createRequestHandler, parseRequestUrl } from './http-handler';
import { assertLoopback } from './loopback';
import { handleFrame } from './ws-messages';

/** Where the renderer asks for its WebSocket. */
export const socketPath = '/ws';

/** Where and what the web host serves. */
export interface WebHostOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** A loopback address; anything else is refused. */
  host?: string;
  /** The built renderer (`dist/renderer`). */
  rendererDir: string;
  /** The engine entry to fork (`dist/main/engine.mjs`, or `main/engine/entry.ts` with `engineExecArgv`). */
  engineEntry: string;
  engineExecArgv?: string[];
  /** A fixed token (tests); a random one otherwise. */
  token?: string;
  /** Restart cap and heartbeat timing, passed to the supervisor. */
  supervisor?: Pick<
    SupervisorOptions,
    'maxRestarts' | 'restartWindowMs' | 'heartbeatIntervalMs' | 'heartbeatTimeoutMs' | 'startTimeoutMs'
  >;
  log?: (line: string) => void;
}

/** Starts the host; resolves once it listens (the engine keeps starting in the background). */
export async function startWebHost(options: WebHostOptions) {
  const host = assertLoopback(options.host ?? '127.0.0.1');
  const token = options.token ?? createToken();
  const log = options.log ?? ((line: string) => console.error(line));
  const statusListeners = new Set<(status: EngineStatus) => void>();
  let engine: ForkedEngine | null = null;

  const wss = new WebSocketServer({ noServer: true, maxPayload: maxMessageBytes });
  const send = (socket: WebSocket, message: Message) => {
    if (socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(message));
  };
  const broadcast = (message: EventMessage) => wss.clients.forEach((socket) => send(socket, message));

  const supervisor = createSupervisor({
    ...options.supervisor,
    spawn: () => (engine = forkEngine(options.engineEntry, { execArgv: options.engineExecArgv, log })),
    onStatus: (status) => {
      broadcast({ kind: 'event', channel: 'engine:onStatus', payload: status });
      statusListeners.forEach((listener) => listener(status));
    },
    onEvent: (channel, payload) => broadcast({ kind: 'event', channel, payload }),
    log,
  });
  const dispatch = createDispatcher({
    host: {
      'app:info': async () => appInfo('web'),
      'engine:status': async () => supervisor.status(),
      ...browserFallbacks,
    },
    engine: supervisor,
    log,
  });

  const server = createServer();
  server.on('clientError', (_error, socket) => socket.destroy());
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  server.on('error', (error) => log(`[web-host] server error: ${error.message}`));
  const port = (server.address() as AddressInfo).port;
  const guard = createAccessGuard({ token, host, port });
  const csp = serializeCsp(cspDirectives([`ws://${hostWithPort(host, port)}`]));
  const handleRequest = createRequestHandler({ guard, rendererDir: options.rendererDir, csp, log });
  server.on('request', (request, response) => {
    handleRequest(request, response).catch((error: unknown) => {
      log(`[web-host] request failed: ${String(error)}`);
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });

  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy()); // a peer that resets mid-handshake must not crash the host
    if (!guard.isHostAllowed(request.headers.host)) {
      log(`[web-host] refused a WebSocket for host "${String(request.headers.host).slice(0, 80)}"`);
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    // Anyone who can reach the port controls the request line; a malformed one must not throw out of here.
    const url = parseRequestUrl(request.url, guard.origin);
    if (!url) {
      const reply = 'HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n';
      socket.end(reply, () => socket.destroy());
      return;
    }
    const isAllowed =
      url.pathname === socketPath &&
      guard.isOriginAllowed(request.headers.origin) &&
      guard.tokenSource(url, request.headers.cookie) !== null;
    if (!isAllowed) {
      log(`[web-host] refused a WebSocket from origin "${String(request.headers.origin).slice(0, 80)}"`);
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
  });

  wss.on('connection', (ws: WebSocket) => {
    ws.on('error', (error) => log(`[web-host] WebSocket closed: ${error.message}`));
    ws.on('message', (data) => {
      // binaryType is 'nodebuffer' (ws's default), so every frame arrives as one Buffer.
      const text = Buffer.isBuffer(data) ? data.toString('utf8') : '';
      void handleFrame(text, { dispatch, send: (message) => send(ws, message), log });
    });
    // A page that (re)connects learns the current status without asking.
    send(ws, { kind: 'event', channel: 'engine:onStatus', payload: supervisor.status() });
  });

  supervisor.start();
  return {
    port,
    host,
    token,
    origin: guard.origin,
    /** The address to open: it carries the token. */
    url: `${guard.origin}/?token=${token}`,
    status: (): EngineStatus => supervisor.status(),
    /** Listens to engine status changes; returns the unsubscribe function. */
    onStatus(listener: (status: EngineStatus) => void): () => void {
      statusListeners.add(listener);
      return () => statusListeners.delete(listener);
    },
    /** Closes every socket, the server and the engine. */
    async close(): Promise<void> {
      supervisor.stop();
      wss.clients.forEach((ws) => ws.terminate());
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      const exiting = engine?.exited ?? Promise.resolve();
      await Promise.race([exiting, new Promise((resolve) => setTimeout(resolve, 3_000).unref())]);
    },
  };
}

/** A running web host. */
export type WebHost = Awaited<ReturnType<typeof startWebHost>>;
