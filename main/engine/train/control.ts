/**
 * Pause, resume and cancel for a training run. The loop checks it between steps (never inside one), so a
 * step or a checkpoint save always completes before the run pauses or stops.
 */
import { LabError } from '../../../shared/contract/errors';

/** What the user asked for. */
export type RequestedState = 'running' | 'paused' | 'cancelled';

/** A run's pause/resume/cancel switch, shared by the loop and whoever controls it. */
export class RunControl {
  private requested: RequestedState = 'running';
  private wake: (() => void) | null = null;

  /** What the user last asked for. */
  get state(): RequestedState {
    return this.requested;
  }

  /** Has cancel been asked for? */
  get isCancelled(): boolean {
    return this.requested === 'cancelled';
  }

  /** Asks the loop to pause after the current step. */
  pause(): void {
    if (this.requested === 'cancelled') throw new LabError('invalid-argument', 'This run was cancelled.');
    this.requested = 'paused';
  }

  /** Lets a paused loop continue. */
  resume(): void {
    if (this.requested === 'cancelled') throw new LabError('invalid-argument', 'This run was cancelled.');
    this.requested = 'running';
    this.wakeLoop();
  }

  /** Asks the loop to stop after the current step (or checkpoint save); cannot be undone. */
  cancel(): void {
    this.requested = 'cancelled';
    this.wakeLoop();
  }

  /** Resolves once the run is no longer paused (running again, or cancelled). */
  async whilePaused(): Promise<void> {
    while (this.requested === 'paused') {
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }

  private wakeLoop(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }
}
