/**
 * The engine's one heavy job at a time: a training run and a fine-tuning run each hold this lock while they go,
 * so the second one asked for is refused with `busy` (two would share two cores and the memory budget, and
 * both would crawl). Requests that only read (attention, predictions) never take it.
 */
import { LabError } from '../../shared/contract/errors';

/** Who holds the engine's heavy-job slot. */
export class JobLock {
  private holder: symbol | null = null;
  private description = '';

  /** Takes the slot for `job` (e.g. "Training run run-x-1"); returns its release (safe to call twice). */
  acquire(job: string): () => void {
    if (this.holder) {
      throw new LabError('busy', `${this.description} is still going: wait for it or cancel it first.`);
    }
    const token = Symbol(job);
    this.holder = token;
    this.description = job;
    return () => {
      if (this.holder === token) this.holder = null;
    };
  }

  /** Whether a job holds the slot. */
  get isBusy(): boolean {
    return this.holder !== null;
  }
}
