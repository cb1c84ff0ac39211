/**
 * Supervises the engine process, whatever starts it (Electron `utilityProcess`, Node `fork`): matches responses
 * to requests, checks a heartbeat, restarts after a crash up to a cap per time window, and reports its status.
 */
import type { EngineStatus } from '../../shared/contract/engine';
import { engineStatusSchema } from '../../shared/contract/engine';
import type { EventChannel } from '../../shared/contract/api';
import { isEventChannel } from '../../shared/contract/api';
import { LabError } from '../../shared/contract/errors';
import type { Message, Result } from '../../shared/contract/wire';
import { messageSchema } from '../../shared/contract/wire';

/** A running engine process, as the supervisor needs it. */
export interface EngineProcess {
  send(message: Message): void;
  onMessage(listener: (message: unknown) => void): void;
  onExit(listener: (code: number | null) => void): void;
  kill(): void;
}

/** Timers, injectable so tests run on a fake clock. */
export interface Clock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface SupervisorOptions {
  spawn: () => EngineProcess;
  /** Restarts allowed within `restartWindowMs` before the supervisor gives up. */
  maxRestarts?: number;
  restartWindowMs?: number;
  /** How often the engine is pinged once ready, and how long it may take to answer. */
  heartbeatIntervalMs?: number;
  heartbeatTimeoutMs?: number;
  clock?: Clock;
  onStatus?: (status: EngineStatus) => void;
  onEvent?: (channel: EventChannel, payload: unknown) => void;
  log?: (line: string) => void;
}

const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** Creates a supervisor; call `start()` to spawn the engine. */
export function createSupervisor(options: SupervisorOptions) {
  const maxRestarts = options.maxRestarts ?? 3;
  const restartWindowMs = options.restartWindowMs ?? 60_000;
  const heartbeatIntervalMs = options.heartbeatIntervalMs ?? 5_000;
  const heartbeatTimeoutMs = options.heartbeatTimeoutMs ?? 30_000;
  const clock = options.clock ?? systemClock;
  const log = options.log ?? (() => {});

  let child: EngineProcess | null = null;
  let nextId = 1;
  let crashTimes: number[] = [];
  let restarts = 0;
  let isStopping = false;
  let heartbeatTimer: unknown = null;
  let restartTimer: unknown = null;
  const pending = new Map<number, (result: Result) => void>();
  let status: EngineStatus = {
    state: 'stopped',
    backend: null,
    device: null,
    attempts: [],
    tfjsVersion: null,
    restarts: 0,
    message: null,
  };

  function setStatus(patch: Partial<EngineStatus>): void {
    status = { ...status, ...patch, restarts };
    options.onStatus?.(status);
  }

  function failPending(error: LabError): void {
    for (const resolve of pending.values()) resolve({ ok: false, error: error.toWire() });
    pending.clear();
  }

  function scheduleHeartbeat(): void {
    clock.clearTimeout(heartbeatTimer);
    heartbeatTimer = clock.setTimeout(() => void beat(), heartbeatIntervalMs);
  }

  async function beat(): Promise<void> {
    const beating = child;
    if (!beating || status.state !== 'ready') return;
    let isAnswered = false;
    const watchdog = clock.setTimeout(() => {
      if (isAnswered || child !== beating) return;
      log(`[supervisor] engine missed its heartbeat for ${heartbeatTimeoutMs} ms; killing it`);
      beating.kill();
    }, heartbeatTimeoutMs);
    await request('engine:ping', { nonce: 'heartbeat' });
    isAnswered = true;
    clock.clearTimeout(watchdog);
    if (child === beating) scheduleHeartbeat();
  }

  function handleMessage(raw: unknown): void {
    const parsed = messageSchema.safeParse(raw);
    if (!parsed.success) {
      log('[supervisor] dropped a malformed message from the engine');
      return;
    }
    const message = parsed.data;
    if (message.kind === 'response') {
      const resolve = pending.get(message.id);
      pending.delete(message.id);
      resolve?.(message.result as Result);
    } else if (message.kind === 'event') {
      if (message.channel === 'engine:onStatus') {
        const reported = engineStatusSchema.safeParse(message.payload);
        if (reported.success) {
          setStatus({ ...reported.data, message: status.state === 'restarting' ? status.message : null });
          if (reported.data.state === 'ready') scheduleHeartbeat();
        }
      } else if (isEventChannel(message.channel)) {
        options.onEvent?.(message.channel, message.payload);
      }
    }
  }

  function handleExit(exited: EngineProcess, code: number | null): void {
    if (child !== exited) return;
    child = null;
    const exit = `exit code ${code ?? 'none'}`;
    handleGone(`The engine stopped (${exit}).`, `The engine stopped unexpectedly (${exit})`);
  }

  /** The engine is gone (exited, or could not be spawned): fail what waits on it, then restart or give up. */
  function handleGone(crashMessage: string, what: string): void {
    clock.clearTimeout(heartbeatTimer);
    failPending(new LabError('engine-crashed', crashMessage));
    if (isStopping) {
      setStatus({ state: 'stopped', message: null });
      return;
    }
    const now = clock.now();
    crashTimes = [...crashTimes.filter((t) => now - t < restartWindowMs), now];
    if (crashTimes.length > maxRestarts) {
      setStatus({
        state: 'crashed',
        message:
          `The engine crashed ${crashTimes.length} times within ${Math.round(restartWindowMs / 1000)} s and was ` +
          'not restarted again. Save your work, then restart Attention Lab; details are in the log.',
      });
      return;
    }
    restarts += 1;
    setStatus({ state: 'restarting', message: `${what}; restarting it (restart ${restarts}).` });
    restartTimer = clock.setTimeout(() => {
      restartTimer = null;
      spawnChild();
    }, 250 * crashTimes.length);
  }

  function spawnChild(): void {
    if (isStopping) return;
    if (status.state !== 'restarting') setStatus({ state: 'starting', message: null });
    let spawned: EngineProcess;
    try {
      spawned = options.spawn();
    } catch (error) {
      // Thrown from a restart timer this would crash the host; it is one more failed start instead.
      const reason = error instanceof Error ? error.message : String(error);
      log(`[supervisor] could not start the engine: ${reason}`);
      handleGone('The engine could not start.', `The engine could not start (${reason})`);
      return;
    }
    child = spawned;
    spawned.onMessage(handleMessage);
    spawned.onExit((code) => handleExit(spawned, code));
  }

  /** Sends a request to the engine; resolves with its result, or a typed error when it is not running. */
  function request(channel: string, payload: unknown): Promise<Result> {
    if (
      !child ||
      (status.state !== 'ready' && status.state !== 'starting' && status.state !== 'restarting')
    ) {
      const error = new LabError('engine-unavailable', status.message ?? 'The engine is not running.');
      return Promise.resolve({ ok: false, error: error.toWire() });
    }
    const id = nextId++;
    const target = child;
    return new Promise((resolve) => {
      pending.set(id, resolve);
      try {
        target.send({ kind: 'request', id, channel, payload });
      } catch (error) {
        pending.delete(id);
        const reason = error instanceof Error ? error.message : String(error);
        resolve({ ok: false, error: new LabError('engine-unavailable', reason).toWire() });
      }
    });
  }

  return {
    start(): void {
      if (child || restartTimer !== null) return; // already running, or about to restart
      isStopping = false;
      spawnChild();
    },
    request,
    status: (): EngineStatus => status,
    /** Stops the engine for good (app quit). */
    stop(): void {
      isStopping = true;
      clock.clearTimeout(heartbeatTimer);
      clock.clearTimeout(restartTimer);
      restartTimer = null;
      if (child) child.kill();
      else setStatus({ state: 'stopped', message: null }); // between a crash and its restart, or never started
    },
  };
}

/** A started supervisor. */
export type Supervisor = ReturnType<typeof createSupervisor>;
