/**
 * FineTuneRuns with a stand-in for the fine-tune itself, so the moment of a cancel is exact: the answer to
 * `cancel` and the run's final event agree, before and during the save.
 */
import { describe, expect, it } from 'vitest';
import type { FinetuneProgress } from '../../../../shared/contract/finetune';
import { finetuneStartSchema } from '../../../../shared/contract/finetune';
import { LabError } from '../../../../shared/contract/errors';
import { FineTuneRuns } from '../../../../main/engine/finetune/runs';
import type { FineTuneOptions, FineTuneResult } from '../../../../main/engine/finetune/run';

const request = finetuneStartSchema.parse({
  checkpoint: { kind: 'builtin', id: 'bert-tiny' },
  task: 'brown-genre',
  steps: 2,
  seed: 0,
  outDir: '/tmp/never-written',
});

/** A fine-tune that calls `during(phase)` after its steps and while "saving", checking the signal as run.ts does. */
function standIn(during: (phase: 'trained' | 'saving') => void) {
  return async (options: FineTuneOptions): Promise<FineTuneResult> => {
    options.onStep?.(1, 1);
    options.onStep?.(2, 0.5);
    during('trained');
    if (options.signal?.aborted) throw new LabError('cancelled', 'cancelled');
    options.onSaving?.();
    during('saving');
    await new Promise((resolve) => setImmediate(resolve)); // the save's I/O
    return { task: options.task, metric: 'accuracy', score: 1, baseline: 0.5, steps: 2, seconds: 0 };
  };
}

/** Runs one stand-in fine-tune that is cancelled in `phase`; returns cancel's answer and the final event. */
async function cancelIn(phase: 'trained' | 'saving') {
  const events: FinetuneProgress[] = [];
  let answer: string | null = null;
  const runs: FineTuneRuns = new FineTuneRuns({
    checkpointDir: () => '/nowhere',
    run: standIn((now) => {
      if (now === phase) answer = runs.cancel(runId).state;
    }),
  });
  const { runId, finished } = runs.start(request, (progress) => events.push(progress));
  const final = await finished;
  return { answer, final, last: events.at(-1) };
}

describe('FineTuneRuns.cancel', () => {
  it('answers cancelled before the save, and the run ends cancelled without a checkpoint', async () => {
    const { answer, final, last } = await cancelIn('trained');
    expect([answer, final, last?.state, last?.checkpoint]).toEqual([
      'cancelled',
      'cancelled',
      'cancelled',
      null,
    ]);
  });

  it('answers done once the run is saving, and the run ends done with its checkpoint', async () => {
    const { answer, final, last } = await cancelIn('saving');
    expect([answer, final, last?.state]).toEqual(['done', 'done', 'done']);
    expect(last?.checkpoint).toBe('/tmp/never-written');
  });
});
