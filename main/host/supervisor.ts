/**
 * Supervises the engine process, whatever starts it (Electron `utilityProcess`, Node `fork`): matches responses
 * to requests, validates the engine's events, kills an engine that does not start in time or falls silent,
 * restarts after a crash up to a cap per time window, and reports its status.
 */
import type { EngineStatus } from '../../shared/contract/engine';
import { engineStatusSchema } from '../../shared/contract/engine';
import type { EventChannel } from '../../shared/contract/api';
import { isEventChannel } from '../../shared/contract/api';
import { LabError } from '../../shared/contract/errors';
import { parseEvent } from '../../shared/contract/validate';
import type { Message, Result } from '../../shared/contract/wire';
import { messageSchema } from '../../shared/contract/wire';
import type { RunEvent } from './run-tracker';
import { createRunTracker, runChannels } from './run-tracker';

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
  /** How often the engine is pinged once ready. */
  heartbeatIntervalMs?: number;
  /**
   * How long a ready engine may stay silent (no message of any kind: answer, ping reply, progress event) before
   * it is killed. Generous because one training step blocks the engine's event loop for many seconds.
   */
  heartbeatTimeoutMs?: number;
  /** How long the engine may take to report its status after being spawned (loading a backend). */
  startTimeoutMs?: number;
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
  const heartbeatTimeoutMs = options.heartbeatTimeoutMs ?? 120_000;
  const startTimeoutMs = options.startTimeoutMs ?? 60_000;
  const clock = options.clock ?? systemClock;
  const log = options.log ?? (() => {});

  let child: EngineProcess | null = null;
  let nextId = 1;
  let crashTimes: number[] = [];
  let restarts = 0;
  let isStopping = false;
  let heartbeatTimer: unknown = null;
  let watchdogTimer: unknown = null;
  let startTimer: unknown = null;
  let restartTimer: unknown = null;
  /** Why the supervisor killed the current engine, for the restart message. */
  let killReason: string | null = null;
  const pending = new Map<number, (result: Result) => void>();
  const runs = createRunTracker();
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

  function stopTimers(): void {
    for (const timer of [heartbeatTimer, watchdogTimer, startTimer]) clock.clearTimeout(timer);
    heartbeatTimer = watchdogTimer = startTimer = null;
  }

  function kill(target: EngineProcess, reason: string): void {
    log(`[supervisor] ${reason}; killing it`);
    killReason = reason;
    target.kill();
  }

  function scheduleHeartbeat(): void {
    clock.clearTimeout(heartbeatTimer);
    heartbeatTimer = clock.setTimeout(() => void beat(), heartbeatIntervalMs);
  }

  /** One ping at a time; the watchdog, not the ping, decides when the engine is dead. */
  async function beat(): Promise<void> {
    const beating = child;
    if (!beating || status.state !== 'ready') return;
    await request('engine:ping', { nonce: 'heartbeat' });
    if (child === beating && status.state === 'ready') scheduleHeartbeat();
  }

  /** Restarts the silence countdown: any message proves the engine's event loop still turns. */
  function armWatchdog(watched: EngineProcess): void {
    clock.clearTimeout(watchdogTimer);
    watchdogTimer = clock.setTimeout(() => {
      if (child !== watched || status.state !== 'ready') return;
      kill(
        watched,
        `The engine missed its heartbeat: it sent nothing for ${Math.round(heartbeatTimeoutMs / 1000)} s`,
      );
    }, heartbeatTimeoutMs);
  }

  function handleStatus(payload: unknown, from: EngineProcess): void {
    const reported = engineStatusSchema.safeParse(payload);
    if (!reported.success) {
      log('[supervisor] dropped an invalid engine:onStatus event from the engine');
      return;
    }
    clock.clearTimeout(startTimer);
    startTimer = null;
    // The engine's own message (e.g. why no backend loaded) wins; a ready engine keeps the restart note.
    const message = reported.data.message ?? (status.state === 'restarting' ? status.message : null);
    setStatus({ ...reported.data, message });
    if (reported.data.state === 'ready') {
      scheduleHeartbeat();
      armWatchdog(from);
    } else stopTimers();
  }

  function handleEvent(channel: EventChannel, payload: unknown): void {
    try {
      const event = parseEvent(channel, payload);
      if (runChannels.has(channel)) runs.observe({ channel, progress: event } as RunEvent);
      options.onEvent?.(channel, event);
    } catch (error) {
      log(`[supervisor] dropped an invalid event: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  function handleMessage(from: EngineProcess, raw: unknown): void {
    if (from !== child) return; // a killed engine's last words
    if (status.state === 'ready') armWatchdog(from);
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
      if (message.channel === 'engine:onStatus') handleStatus(message.payload, from);
      else if (isEventChannel(message.channel)) handleEvent(message.channel, message.payload);
    }
  }

  function handleExit(exited: EngineProcess, code: number | null): void {
    if (child !== exited) return;
    child = null;
    const exit = `exit code ${code ?? 'none'}`;
    const what = killReason ?? `The engine stopped unexpectedly (${exit})`;
    killReason = null;
    handleGone(`The engine stopped (${exit}).`, what);
  }

  /** The engine is gone (exited, or could not be spawned): fail what waits on it, then restart or give up. */
  function handleGone(crashMessage: string, what: string): void {
    stopTimers();
    failPending(new LabError('engine-crashed', crashMessage));
    const lost = `${crashMessage} The run was lost; a checkpoint it already wrote is kept.`;
    for (const { channel, progress } of runs.failAll({ code: 'engine-crashed', message: lost })) {
      options.onEvent?.(channel, progress);
    }
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
    killReason = null;
    spawned.onMessage((raw) => handleMessage(spawned, raw));
    spawned.onExit((code) => handleExit(spawned, code));
    clock.clearTimeout(startTimer);
    startTimer = clock.setTimeout(() => {
      if (child !== spawned) return;
      kill(spawned, `The engine did not start within ${Math.round(startTimeoutMs / 1000)} s`);
    }, startTimeoutMs);
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
      stopTimers();
      clock.clearTimeout(restartTimer);
      restartTimer = null;
      if (child) child.kill();
      else setStatus({ state: 'stopped', message: null }); // between a crash and its restart, or never started
    },
  };
}

/** A started supervisor. */
export type Supervisor = ReturnType<typeof createSupervisor>;
