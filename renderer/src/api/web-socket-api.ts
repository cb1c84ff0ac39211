/**
 * The browser's LabApi: the one contract over the web host's WebSocket. Requests carry ids and wait for their
 * response; events fan out to listeners; a lost connection rejects what is pending with a typed error and
 * reconnects with exponential backoff.
 */
import type { EventChannel, LabApi, RequestChannel } from '../../../shared/contract/api';
import { fromWireError, LabError } from '../../../shared/contract/errors';
import { parseEvent, parseOutput } from '../../../shared/contract/validate';
import { maxMessageBytes, messageSchema } from '../../../shared/contract/wire';

/** Whether the socket is usable. */
export type ConnectionState = 'connecting' | 'open' | 'closed';

/** The browser's LabApi, which can also tell the page about its connection. */
export interface WebLabApi extends LabApi {
  onConnection(listener: (state: ConnectionState) => void): () => void;
}

interface Pending {
  channel: RequestChannel;
  resolve: (value: never) => void;
  reject: (error: LabError) => void;
}

/** WebSocket close code for "message too big" (RFC 6455): the host's `maxPayload` was exceeded. */
const closeMessageTooBig = 1009;

/** The host's WebSocket address for this page: same host, `/ws`, the token from the page's own query if any. */
export function socketUrlFor(location: Pick<Location, 'protocol' | 'host' | 'search'>): string {
  const token = new URLSearchParams(location.search).get('token');
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}/ws${token ? `?token=${encodeURIComponent(token)}` : ''}`;
}

/** Connects to `url` and returns the API; it keeps reconnecting until the page closes. */
export function createWebSocketLabApi(
  url: string,
  options: { initialDelayMs?: number; maxDelayMs?: number } = {},
): WebLabApi {
  const initialDelayMs = options.initialDelayMs ?? 250;
  const maxDelayMs = options.maxDelayMs ?? 8_000;
  const pending = new Map<number, Pending>();
  const outbox: string[] = [];
  const eventListeners = new Map<string, Set<(payload: unknown) => void>>();
  const connectionListeners = new Set<(state: ConnectionState) => void>();
  let socket: WebSocket;
  let state: ConnectionState = 'connecting';
  let failures = 0;
  let nextId = 1;

  const setState = (next: ConnectionState) => {
    state = next;
    connectionListeners.forEach((listener) => listener(next));
  };

  function receive(data: unknown): void {
    if (typeof data !== 'string') return;
    let json: unknown;
    try {
      json = JSON.parse(data);
    } catch {
      console.warn('[lab-api] dropped a message that is not JSON');
      return;
    }
    const parsed = messageSchema.safeParse(json);
    if (!parsed.success) return console.warn('[lab-api] dropped a malformed message');
    const message = parsed.data;
    if (message.kind === 'response') {
      const request = pending.get(message.id);
      pending.delete(message.id);
      if (!request) return;
      if (!message.result.ok) return request.reject(fromWireError(message.result.error));
      try {
        request.resolve(parseOutput(request.channel, message.result.value) as never);
      } catch (error) {
        request.reject(error as LabError);
      }
    } else if (message.kind === 'event') {
      const listeners = eventListeners.get(message.channel);
      if (!listeners) return;
      let payload: unknown;
      try {
        payload = parseEvent(message.channel as EventChannel, message.payload);
      } catch (error) {
        return console.warn('[lab-api] dropped an invalid event', error);
      }
      for (const listener of [...listeners]) {
        try {
          listener(payload);
        } catch (error) {
          console.error(`[lab-api] a listener of ${message.channel} threw`, error); // the others still hear it
        }
      }
    }
  }

  function connect(): void {
    setState('connecting');
    socket = new WebSocket(url);
    socket.addEventListener('open', () => {
      failures = 0;
      setState('open');
      outbox.splice(0).forEach((text) => socket.send(text));
    });
    socket.addEventListener('message', (event) => receive(event.data));
    socket.addEventListener('close', (event) => {
      const error =
        event.code === closeMessageTooBig
          ? new LabError('payload-too-large', `A message was larger than ${maxMessageBytes} bytes.`)
          : new LabError('engine-unavailable', 'The connection to the Attention Lab web host was lost.');
      outbox.length = 0;
      pending.forEach((request) => request.reject(error));
      pending.clear();
      setState('closed');
      const delay = Math.min(maxDelayMs, initialDelayMs * 2 ** failures);
      failures += 1;
      setTimeout(connect, delay * (0.75 + Math.random() * 0.5)); // jitter: many tabs do not retry in step
    });
  }

  connect();
  return {
    invoke(channel, input) {
      return new Promise((resolve, reject) => {
        const id = nextId++;
        const text = JSON.stringify({ kind: 'request', id, channel, payload: input });
        if (new TextEncoder().encode(text).length > maxMessageBytes) {
          reject(new LabError('payload-too-large', `The request is larger than ${maxMessageBytes} bytes.`));
          return;
        }
        if (state === 'closed') {
          reject(
            new LabError('engine-unavailable', 'Not connected to the Attention Lab web host; reconnecting.'),
          );
          return;
        }
        pending.set(id, { channel, resolve: resolve as (value: never) => void, reject });
        if (state === 'open') socket.send(text);
        else outbox.push(text);
      });
    },
    on(channel, listener) {
      const listeners = eventListeners.get(channel) ?? new Set();
      eventListeners.set(channel, listeners);
      const wrapped = listener as (payload: unknown) => void;
      listeners.add(wrapped);
      return () => listeners.delete(wrapped);
    },
    onConnection(listener) {
      connectionListeners.add(listener);
      listener(state);
      return () => connectionListeners.delete(listener);
    },
  };
}
