import { describe, expect, it } from 'vitest';
import type { TrainProgress } from '../../../shared/contract/train';
import { createTaskbarProgress, taskbarState } from '../../../main/electron/taskbar-progress';
import type { ProgressWindow } from '../../../main/electron/taskbar-progress';

function progress(overrides: Partial<TrainProgress>): TrainProgress {
  return {
    runId: 'run-1',
    state: 'running',
    step: 0,
    totalSteps: 40,
    loss: null,
    valLoss: null,
    valLossStep: null,
    learningRate: 0.001,
    tokensPerSecond: 100,
    etaSeconds: 10,
    elapsedSeconds: 0,
    checkpoint: null,
    error: null,
    ...overrides,
  };
}

/** A window that records what it was told. */
function fakeWindow(isFocused: boolean) {
  const calls: Array<{ value: number; mode: string | undefined }> = [];
  const window: ProgressWindow = {
    setProgressBar: (value, options) => calls.push({ value, mode: options?.mode }),
    isFocused: () => isFocused,
  };
  return { window, calls };
}

describe('taskbar-progress', () => {
  it('maps each state to a taskbar value: a fraction while live, -1 when ended', () => {
    expect(taskbarState(progress({ state: 'running', step: 10 }))).toEqual({ value: 0.25, mode: 'normal' });
    expect(taskbarState(progress({ state: 'paused', step: 30 }))).toEqual({ value: 0.75, mode: 'paused' });
    expect(taskbarState(progress({ state: 'preparing' })).mode).toBe('indeterminate');
    for (const state of ['done', 'cancelled', 'failed'] as const) {
      expect(taskbarState(progress({ state }))).toEqual({ value: -1, mode: 'none' });
    }
  });

  it('follows the progress events of a run and clears the bar when it ends', () => {
    const { window, calls } = fakeWindow(true);
    const onEvent = createTaskbarProgress({ getWindow: () => window, notify: () => {} });
    onEvent('engine:onStatus', { state: 'ready' });
    onEvent('train:onProgress', progress({ step: 10 }));
    onEvent('train:onProgress', progress({ step: 20 }));
    onEvent('train:onProgress', progress({ state: 'done', step: 40 }));
    expect(calls.map((call) => call.value)).toEqual([0.25, 0.5, -1]);
  });

  it('ignores payloads that are not progress', () => {
    const { window, calls } = fakeWindow(true);
    const onEvent = createTaskbarProgress({ getWindow: () => window, notify: () => {} });
    onEvent('train:onProgress', { runId: 'x', step: 'three' });
    expect(calls).toEqual([]);
  });

  it('notifies once when a long run ends while the window is unfocused', () => {
    const { window } = fakeWindow(false);
    const notices: Array<[string, string]> = [];
    const onEvent = createTaskbarProgress({
      getWindow: () => window,
      notify: (title, body) => notices.push([title, body]),
      minNotifySeconds: 30,
    });
    const done = progress({ state: 'done', step: 40, loss: 3.14159, elapsedSeconds: 95 });
    onEvent('train:onProgress', done);
    onEvent('train:onProgress', done);
    expect(notices).toEqual([['Training finished', 'Step 40 of 40, loss 3.142.']]);
  });

  it('stays quiet for a focused window or a short run, and speaks Indonesian for an id locale', () => {
    const notices: string[] = [];
    const focused = fakeWindow(true).window;
    createTaskbarProgress({ getWindow: () => focused, notify: (title) => notices.push(title) })(
      'train:onProgress',
      progress({ state: 'done', elapsedSeconds: 500 }),
    );
    const unfocused = fakeWindow(false).window;
    const onEvent = createTaskbarProgress({
      getWindow: () => unfocused,
      notify: (title) => notices.push(title),
      getLocale: () => 'id-ID',
    });
    onEvent('train:onProgress', progress({ runId: 'short', state: 'done', elapsedSeconds: 5 }));
    onEvent('train:onProgress', progress({ runId: 'long', state: 'cancelled', elapsedSeconds: 60 }));
    expect(notices).toEqual(['Pelatihan dihentikan']);
  });
});
