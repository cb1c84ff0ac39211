/**
 * Training progress outside the window: the OS taskbar (or dock) progress bar follows `train:onProgress`, and a
 * notification says when a long run ended while the window was not in focus. Electron's objects are injected,
 * so the logic is tested without Electron.
 */
import { trainProgressSchema } from '../../shared/contract/train';
import type { TrainProgress } from '../../shared/contract/train';

/** The part of a BrowserWindow this needs. */
export interface ProgressWindow {
  setProgressBar(
    progress: number,
    options?: { mode: 'none' | 'normal' | 'indeterminate' | 'error' | 'paused' },
  ): void;
  isFocused(): boolean;
}

/** What the taskbar needs from main. */
export interface TaskbarDeps {
  getWindow: () => ProgressWindow | null;
  /** Shows an OS notification. */
  notify: (title: string, body: string) => void;
  /** Runs shorter than this end without a notification (the student was watching anyway). */
  minNotifySeconds?: number;
  /** The UI language, asked when a notice is shown (`id…` = Bahasa Indonesia, English otherwise). */
  getLocale?: () => string;
}

const texts = {
  en: {
    done: 'Training finished',
    cancelled: 'Training stopped',
    failed: 'Training failed',
    body: (p: TrainProgress) =>
      p.state === 'failed'
        ? (p.error?.message ?? '')
        : `Step ${p.step} of ${p.totalSteps}${p.loss === null ? '' : `, loss ${p.loss.toFixed(3)}`}.`,
  },
  id: {
    done: 'Pelatihan selesai',
    cancelled: 'Pelatihan dihentikan',
    failed: 'Pelatihan gagal',
    body: (p: TrainProgress) =>
      p.state === 'failed'
        ? (p.error?.message ?? '')
        : `Langkah ${p.step} dari ${p.totalSteps}${p.loss === null ? '' : `, loss ${p.loss.toFixed(3)}`}.`,
  },
};

/** The taskbar progress for a progress event: a fraction while a run is live, -1 (none) once it ended. */
export function taskbarState(progress: TrainProgress): {
  value: number;
  mode: 'normal' | 'paused' | 'indeterminate' | 'none';
} {
  switch (progress.state) {
    case 'preparing':
      return { value: 2, mode: 'indeterminate' }; // Electron: a value > 1 means indeterminate
    case 'running':
      return { value: Math.min(1, progress.step / progress.totalSteps), mode: 'normal' };
    case 'paused':
      return { value: Math.min(1, progress.step / progress.totalSteps), mode: 'paused' };
    default:
      return { value: -1, mode: 'none' };
  }
}

/** Returns the listener main calls with every engine event. */
export function createTaskbarProgress(deps: TaskbarDeps): (channel: unknown, payload: unknown) => void {
  const minNotifySeconds = deps.minNotifySeconds ?? 30;
  // Each run is announced once, even if its last event repeats.
  const announced = new Set<string>();
  return (channel, payload) => {
    if (channel !== 'train:onProgress') return;
    const parsed = trainProgressSchema.safeParse(payload);
    if (!parsed.success) return;
    const progress = parsed.data;
    const window = deps.getWindow();
    if (!window) return;
    const { value, mode } = taskbarState(progress);
    window.setProgressBar(value, { mode });
    const { state } = progress;
    if (state !== 'done' && state !== 'cancelled' && state !== 'failed') return;
    if (announced.has(progress.runId)) return;
    announced.add(progress.runId);
    if (window.isFocused() || progress.elapsedSeconds < minNotifySeconds) return;
    const language = deps.getLocale?.().toLowerCase().startsWith('id') ? texts.id : texts.en;
    deps.notify(language[state], language.body(progress));
  };
}
