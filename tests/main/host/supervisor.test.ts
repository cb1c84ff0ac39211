import { describe, expect, it } from 'vitest';
import type { EngineStatus } from '../../../shared/contract/engine';
import type { FinetuneProgress, FinetuneState } from '../../../shared/contract/finetune';
import type { TrainProgress, TrainState } from '../../../shared/contract/train';
import type { Result } from '../../../shared/contract/wire';
import { createSupervisor } from '../../../main/host/supervisor';
import type { SupervisorOptions } from '../../../main/host/supervisor';
import { FakeClock, FakeEngine, readyStatus, settle } from './fakes';

const interval = 5_000;
const timeout = 30_000;

function setup(options: Partial<SupervisorOptions> = {}) {
  const clock = new FakeClock();
  const engines: FakeEngine[] = [];
  const statuses: EngineStatus[] = [];
  const events: Array<[string, unknown]> = [];
  const logged: string[] = [];
  const supervisor = createSupervisor({
    spawn: () => {
      const engine = new FakeEngine();
      engines.push(engine);
      return engine;
    },
    clock,
    heartbeatIntervalMs: interval,
    heartbeatTimeoutMs: timeout,
    maxRestarts: 3,
    restartWindowMs: 60_000,
    onStatus: (status) => statuses.push(status),
    onEvent: (channel, payload) => events.push([channel, payload]),
    log: (line) => logged.push(line),
    ...options,
  });
  const latest = (): FakeEngine => {
    const engine = engines.at(-1);
    if (!engine) throw new Error('no engine was spawned');
    return engine;
  };
  /** Starts and brings the engine to ready. */
  const startReady = (): FakeEngine => {
    supervisor.start();
    latest().report(readyStatus);
    return latest();
  };
  return { clock, engines, statuses, events, logged, supervisor, latest, startReady };
}

const codeOf = (result: Result): string | null => (result.ok ? null : result.error.code);

/** A valid `train:onProgress` payload. */
function progress(runId: string, state: TrainState, step = 1): TrainProgress {
  return {
    runId,
    state,
    step,
    totalSteps: 100,
    loss: 4.2,
    valLoss: null,
    valLossStep: null,
    learningRate: 1e-3,
    tokensPerSecond: 50,
    etaSeconds: 10,
    elapsedSeconds: 3,
    checkpoint: null,
    error: null,
  };
}
const progressEvent = (payload: unknown) => ({ kind: 'event', channel: 'train:onProgress', payload });

describe('supervisor', () => {
  it('is stopped until started, and refuses requests with engine-unavailable', async () => {
    const { supervisor, engines } = setup();
    expect(supervisor.status().state).toBe('stopped');
    expect(codeOf(await supervisor.request('engine:ping', { nonce: 'a' }))).toBe('engine-unavailable');
    expect(engines).toHaveLength(0);
  });

  it('spawns on start and adopts the status the engine reports', () => {
    const { supervisor, statuses, startReady } = setup();
    startReady();
    expect(statuses.map((s) => s.state)).toEqual(['starting', 'ready']);
    expect(supervisor.status()).toEqual({ ...readyStatus, restarts: 0, message: null });
  });

  it('matches responses to requests by id, in any order', async () => {
    const { supervisor, startReady } = setup();
    const engine = startReady();
    const first = supervisor.request('engine:ping', { nonce: 'first' });
    const second = supervisor.request('engine:ping', { nonce: 'second' });
    const [a, b] = engine.requests('engine:ping');
    expect(a?.payload).toEqual({ nonce: 'first' });
    expect(b?.payload).toEqual({ nonce: 'second' });
    engine.respond(b?.id ?? -1, { ok: true, value: 'for second' });
    engine.respond(a?.id ?? -1, { ok: false, error: { code: 'busy', message: 'for first' } });
    expect(await first).toEqual({ ok: false, error: { code: 'busy', message: 'for first' } });
    expect(await second).toEqual({ ok: true, value: 'for second' });
  });

  it('accepts requests while the engine is starting', async () => {
    const { supervisor, latest } = setup();
    supervisor.start();
    const pending = supervisor.request('engine:ping', { nonce: 'early' });
    const request = latest().requests()[0];
    latest().respond(request?.id ?? -1, { ok: true, value: 1 });
    expect(await pending).toEqual({ ok: true, value: 1 });
  });

  it('drops malformed messages and stray responses, and logs them', async () => {
    const { supervisor, startReady, logged } = setup();
    const engine = startReady();
    const pending = supervisor.request('engine:ping', { nonce: 'a' });
    engine.receive('garbage');
    engine.receive({ kind: 'response', id: 'one', result: { ok: true, value: 1 } });
    engine.respond(999, { ok: true, value: 'nobody asked' });
    expect(logged.filter((line) => line.includes('malformed'))).toHaveLength(2);
    engine.respond(engine.requests()[0]?.id ?? -1, { ok: true, value: 'mine' });
    expect(await pending).toEqual({ ok: true, value: 'mine' });
  });

  it('forwards valid contract events from the engine and ignores others', () => {
    const { events, startReady } = setup();
    const engine = startReady();
    engine.receive(progressEvent(progress('r1', 'running')));
    engine.receive({ kind: 'event', channel: 'engine:onMystery', payload: 1 });
    expect(events).toEqual([['train:onProgress', progress('r1', 'running')]]);
  });

  it('drops and logs events whose payload breaks the contract', () => {
    const { events, logged, supervisor, startReady } = setup();
    const engine = startReady();
    engine.receive(progressEvent({ step: 1 }));
    engine.receive(progressEvent({ ...progress('r1', 'running'), state: 'exploded' }));
    engine.receive({ kind: 'event', channel: 'engine:onStatus', payload: { state: 'ready' } });
    expect(events).toEqual([]);
    expect(logged.filter((line) => line.includes('dropped an invalid'))).toHaveLength(3);
    expect(supervisor.status()).toMatchObject({ state: 'ready', backend: 'wasm' });
  });

  it('pings the engine once ready, and keeps pinging while it answers', async () => {
    const { clock, startReady } = setup();
    const engine = startReady();
    await clock.advance(interval - 1);
    expect(engine.requests('engine:ping')).toHaveLength(0);
    await clock.advance(1);
    const beat = engine.requests('engine:ping')[0];
    expect(beat?.payload).toEqual({ nonce: 'heartbeat' });
    engine.respond(beat?.id ?? -1, { ok: true, value: { nonce: 'heartbeat', pid: 1, uptimeMs: 1 } });
    await settle();
    await clock.advance(interval);
    expect(engine.requests('engine:ping')).toHaveLength(2);
    expect(engine.kills).toBe(0);
  });

  it('kills an engine that stays silent for the heartbeat timeout', async () => {
    const { clock, startReady, logged } = setup();
    const engine = startReady(); // its last message: the ready status, at 0
    await clock.advance(interval);
    expect(engine.requests('engine:ping')).toHaveLength(1);
    await clock.advance(timeout - interval - 1);
    expect(engine.kills).toBe(0);
    await clock.advance(1);
    expect(engine.kills).toBe(1);
    expect(logged.some((line) => line.includes('missed its heartbeat'))).toBe(true);
  });

  it('keeps an engine that is busy training: every progress event counts as a sign of life', async () => {
    const { clock, supervisor, events, startReady } = setup();
    const engine = startReady();
    for (let t = 20_000; t <= 60_000; t += 20_000) {
      await clock.advance(20_000); // a long training step: the ping stays unanswered
      engine.receive(progressEvent(progress('r1', 'running', t / 20_000)));
    }
    await clock.advance(timeout - 1);
    expect(engine.requests('engine:ping')).toHaveLength(1);
    expect(engine.kills).toBe(0);
    expect(events).toHaveLength(3);
    await clock.advance(1); // now silent for the whole timeout
    expect(engine.kills).toBe(1);
    engine.exit(null);
    expect(supervisor.status().message).toMatch(/missed its heartbeat.*restarting/);
    await clock.advance(250);
    expect(supervisor.status()).toMatchObject({ state: 'restarting', restarts: 1 });
  });

  it('allows 120 s of silence by default, as a long training step needs', async () => {
    const { clock, startReady } = setup({ heartbeatTimeoutMs: undefined });
    const engine = startReady();
    await clock.advance(119_999);
    expect(engine.kills).toBe(0);
    await clock.advance(1);
    expect(engine.kills).toBe(1);
  });

  it('kills and restarts an engine that does not start before the start deadline', async () => {
    const { clock, supervisor, engines, latest } = setup({ startTimeoutMs: 10_000 });
    supervisor.start();
    const pending = supervisor.request('engine:ping', { nonce: 'early' });
    await clock.advance(9_999);
    expect(latest().kills).toBe(0);
    await clock.advance(1);
    expect(latest().kills).toBe(1);
    latest().exit(null);
    expect(codeOf(await pending)).toBe('engine-crashed');
    expect(supervisor.status().message).toMatch(/did not start within 10 s.*restarting/);
    await clock.advance(250);
    expect(engines).toHaveLength(2);
    latest().report(readyStatus);
    await clock.advance(10_000);
    expect(latest().kills).toBe(0);
    expect(supervisor.status()).toMatchObject({ state: 'ready', restarts: 1 });
  });

  it('has a 60 s start deadline by default', async () => {
    const { clock, supervisor, latest } = setup();
    supervisor.start();
    await clock.advance(59_999);
    expect(latest().kills).toBe(0);
    await clock.advance(1);
    expect(latest().kills).toBe(1);
  });

  it("keeps an engine that reports it cannot run, with the engine's own message", async () => {
    const { clock, supervisor, latest } = setup();
    supervisor.start();
    const message = 'ATTENTION_LAB_BACKEND must be one of auto, tensorflow, wasm, cpu; got "gpu"';
    latest().report({ ...readyStatus, state: 'stopped', backend: null, device: null, message });
    await clock.advance(300_000);
    expect(latest().kills).toBe(0);
    expect(supervisor.status()).toMatchObject({ state: 'stopped', message });
    expect(await supervisor.request('engine:ping', { nonce: 'a' })).toEqual({
      ok: false,
      error: { code: 'engine-unavailable', message },
    });
  });

  it('reports every unfinished run as failed when the engine dies', async () => {
    const { events, startReady } = setup();
    const engine = startReady();
    engine.receive(progressEvent(progress('a', 'running', 7)));
    engine.receive(progressEvent(progress('b', 'paused')));
    engine.receive(progressEvent(progress('c', 'running')));
    engine.receive(progressEvent(progress('c', 'done', 100)));
    events.length = 0;
    engine.exit(137);
    expect(events.map(([channel]) => channel)).toEqual(['train:onProgress', 'train:onProgress']);
    const finals = events.map(([, payload]) => payload as TrainProgress);
    expect(finals.map((p) => [p.runId, p.state, p.step, p.error?.code])).toEqual([
      ['a', 'failed', 7, 'engine-crashed'],
      ['b', 'failed', 1, 'engine-crashed'],
    ]);
    expect(finals[0]?.error?.message).toContain('exit code 137');
  });

  it('reports an unfinished fine-tuning run as failed too, on its own channel', async () => {
    const { events, startReady } = setup();
    const engine = startReady();
    const finetune = (state: FinetuneState, step: number): FinetuneProgress => ({
      runId: 'a', // the same id as a training run: the tracker keeps both
      state,
      step,
      totalSteps: 60,
      loss: 1.5,
      etaSeconds: 4,
      result: null,
      checkpoint: null,
      error: null,
    });
    engine.receive(progressEvent(progress('a', 'running', 3)));
    engine.receive({ kind: 'event', channel: 'finetune:onProgress', payload: finetune('running', 12) });
    events.length = 0;
    engine.exit(1);
    const finals = events.map(([channel, payload]) => {
      const p = payload as { state: string; step: number; etaSeconds: number };
      return [channel, p.state, p.step, p.etaSeconds];
    });
    expect(finals).toEqual([
      ['train:onProgress', 'failed', 3, 0],
      ['finetune:onProgress', 'failed', 12, 0],
    ]);
  });

  it('reports a lost run only once, not again after the next crash', async () => {
    const { clock, events, latest, startReady } = setup();
    startReady().receive(progressEvent(progress('a', 'running')));
    latest().exit(1);
    await clock.advance(250);
    latest().report(readyStatus);
    latest().exit(1);
    expect(events.filter(([, p]) => (p as TrainProgress).state === 'failed')).toHaveLength(1);
  });

  it('restarts an engine it killed for a missed heartbeat', async () => {
    const { clock, supervisor, engines, startReady } = setup();
    const engine = startReady();
    await clock.advance(interval + timeout);
    expect(engine.kills).toBe(1);
    engine.exit(null); // what the killed process does next
    await clock.advance(250);
    expect(engines).toHaveLength(2);
    expect(supervisor.status()).toMatchObject({ state: 'restarting', restarts: 1 });
  });

  it('answers engine-unavailable when a message cannot be posted', async () => {
    const { supervisor, startReady } = setup();
    const engine = startReady();
    engine.send = () => {
      throw new Error('channel closed');
    };
    expect(await supervisor.request('engine:ping', { nonce: 'a' })).toEqual({
      ok: false,
      error: { code: 'engine-unavailable', message: 'channel closed' },
    });
  });

  it('fails pending requests with engine-crashed when the engine dies', async () => {
    const { supervisor, startReady } = setup();
    const engine = startReady();
    const pending = supervisor.request('engine:ping', { nonce: 'a' });
    engine.exit(139);
    const result = await pending;
    expect(codeOf(result)).toBe('engine-crashed');
    expect(result.ok ? '' : result.error.message).toContain('exit code 139');
  });

  it('restarts a crashed engine, counts the restart and tells the user', async () => {
    const { clock, supervisor, engines, startReady } = setup();
    startReady().exit(1);
    expect(supervisor.status()).toMatchObject({ state: 'restarting', restarts: 1 });
    expect(supervisor.status().message).toMatch(/stopped unexpectedly .*restarting/);
    await clock.advance(250);
    expect(engines).toHaveLength(2);
    engines[1]?.report(readyStatus);
    expect(supervisor.status()).toMatchObject({ state: 'ready', restarts: 1, backend: 'wasm' });
  });

  it('gives up after the restart cap within the window, with a clear message', async () => {
    const { clock, supervisor, engines, latest, startReady } = setup();
    startReady();
    for (let crash = 1; crash <= 3; crash += 1) {
      latest().exit(1);
      await clock.advance(1_000);
      expect(engines, `after crash ${crash}`).toHaveLength(crash + 1);
    }
    latest().exit(1);
    await clock.advance(10_000);
    expect(engines).toHaveLength(4);
    expect(supervisor.status()).toMatchObject({ state: 'crashed', restarts: 3 });
    expect(supervisor.status().message).toMatch(/crashed 4 times within 60 s/);
    const refused = await supervisor.request('engine:ping', { nonce: 'a' });
    expect(refused).toEqual({
      ok: false,
      error: { code: 'engine-unavailable', message: supervisor.status().message },
    });
  });

  it('keeps restarting when crashes are spread beyond the window', async () => {
    const { clock, supervisor, engines, latest, startReady } = setup();
    startReady();
    for (let crash = 1; crash <= 6; crash += 1) {
      latest().exit(1);
      await clock.advance(30_000);
      latest().report(readyStatus);
    }
    expect(engines).toHaveLength(7);
    expect(supervisor.status()).toMatchObject({ state: 'ready', restarts: 6 });
  });

  it('stops for good: kills the engine, fails what is pending and does not restart', async () => {
    const { clock, supervisor, engines, startReady } = setup();
    const engine = startReady();
    const pending = supervisor.request('engine:ping', { nonce: 'a' });
    supervisor.stop();
    expect(engine.kills).toBe(1);
    engine.exit(null);
    expect(codeOf(await pending)).toBe('engine-crashed');
    await clock.advance(120_000);
    expect(engines).toHaveLength(1);
    expect(supervisor.status().state).toBe('stopped');
    expect(engine.requests('engine:ping')).toHaveLength(1); // no heartbeat after stop
  });

  it('stops cleanly while waiting to restart', async () => {
    const { clock, supervisor, engines, startReady } = setup();
    startReady().exit(1);
    supervisor.stop();
    await clock.advance(120_000);
    expect(engines).toHaveLength(1);
    expect(supervisor.status()).toMatchObject({ state: 'stopped' });
    expect(codeOf(await supervisor.request('engine:ping', { nonce: 'a' }))).toBe('engine-unavailable');
  });

  it('does not spawn twice when started again while a restart is pending', async () => {
    const { clock, supervisor, engines, startReady } = setup();
    startReady().exit(1);
    supervisor.stop();
    supervisor.start();
    await clock.advance(120_000);
    expect(engines).toHaveLength(2);
  });

  it('treats a spawn that throws as a crash instead of throwing out of a timer', async () => {
    let attempts = 0;
    const { clock, supervisor } = setup({
      spawn: () => {
        attempts += 1;
        throw new Error('engine.mjs not found');
      },
    });
    expect(() => supervisor.start()).not.toThrow();
    await clock.advance(60_000);
    expect(attempts).toBe(4);
    expect(supervisor.status().state).toBe('crashed');
  });
});
