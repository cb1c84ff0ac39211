/** Test doubles for the supervisor: a manual clock and an engine process driven by the test. */
import type { EngineStatus } from '../../../shared/contract/engine';
import type { Message, Result } from '../../../shared/contract/wire';
import type { Clock, EngineProcess } from '../../../main/host/supervisor';

/** A clock that only moves when the test says so. */
export class FakeClock implements Clock {
  private time = 0;
  private nextHandle = 1;
  private readonly timers = new Map<number, { at: number; callback: () => void }>();

  now(): number {
    return this.time;
  }
  setTimeout(callback: () => void, ms: number): unknown {
    const handle = this.nextHandle++;
    this.timers.set(handle, { at: this.time + ms, callback });
    return handle;
  }
  clearTimeout(handle: unknown): void {
    this.timers.delete(handle as number);
  }
  /** Timers still waiting. */
  get pending(): number {
    return this.timers.size;
  }
  /** Moves time forward by `ms`, firing due timers in order and letting promises settle after each. */
  async advance(ms: number): Promise<void> {
    const end = this.time + ms;
    for (;;) {
      const due = [...this.timers.entries()]
        .filter(([, timer]) => timer.at <= end)
        .sort((a, b) => a[1].at - b[1].at || a[0] - b[0])[0];
      if (!due) break;
      const [handle, timer] = due;
      this.timers.delete(handle);
      this.time = timer.at;
      timer.callback();
      await settle();
    }
    this.time = end;
    await settle();
  }
}

/** Lets pending promise callbacks run. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 10; i += 1) await Promise.resolve();
}

/** An engine process the test drives: it sees what was sent and decides what comes back. */
export class FakeEngine implements EngineProcess {
  readonly sent: Message[] = [];
  kills = 0;
  private messageListeners: Array<(message: unknown) => void> = [];
  private exitListeners: Array<(code: number | null) => void> = [];

  send(message: Message): void {
    this.sent.push(message);
  }
  onMessage(listener: (message: unknown) => void): void {
    this.messageListeners.push(listener);
  }
  onExit(listener: (code: number | null) => void): void {
    this.exitListeners.push(listener);
  }
  kill(): void {
    this.kills += 1;
  }
  /** Delivers a raw message from the engine. */
  receive(message: unknown): void {
    for (const listener of this.messageListeners) listener(message);
  }
  /** Answers request `id`. */
  respond(id: number, result: Result): void {
    this.receive({ kind: 'response', id, result });
  }
  /** Reports the engine's status (as engine/entry.ts does on start). */
  report(status: EngineStatus): void {
    this.receive({ kind: 'event', channel: 'engine:onStatus', payload: status });
  }
  /** The process ends. */
  exit(code: number | null): void {
    for (const listener of this.exitListeners) listener(code);
  }
  /** Requests sent so far, by channel. */
  requests(channel?: string): Array<Extract<Message, { kind: 'request' }>> {
    return this.sent.filter(
      (message): message is Extract<Message, { kind: 'request' }> =>
        message.kind === 'request' && (channel === undefined || message.channel === channel),
    );
  }
}

/** The status a healthy engine reports. */
export const readyStatus: EngineStatus = {
  state: 'ready',
  backend: 'wasm',
  device: 'CPU (WebAssembly, SIMD)',
  attempts: [
    {
      backend: 'tensorflow',
      source: '@tensorflow/tfjs-node-gpu',
      loaded: false,
      reason: 'not installed',
      elapsedMs: 3,
    },
    { backend: 'wasm', source: '@tensorflow/tfjs-backend-wasm', loaded: true, reason: null, elapsedMs: 40 },
  ],
  tfjsVersion: '4.22.0',
  restarts: 0,
  message: null,
};
