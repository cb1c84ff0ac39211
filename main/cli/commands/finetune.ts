/**
 * `attention-lab finetune --checkpoint DIR --task brown-genre|brown-pos|t5-pos|csv:FILE [--steps N] [--seed S]
 * --out DIR [--json]`: fine-tunes a BERT checkpoint with a new output layer and saves it with its head and
 * label names, or a T5 checkpoint text-to-text with no new layer (`t5-pos`, or `csv:FILE` of `input,target`
 * rows: a CSV is read as `text,label` or `input,target` by the checkpoint's family; see main/engine/finetune).
 *
 * Progress goes out every tenth of the run: with --json as `{"step", "loss"}` lines on stdout, otherwise as
 * text on stderr. The last stdout line is `{"task", "metric", "score", "baseline"}` with --json: held-out
 * accuracy and the majority-label baseline.
 */
import { startEngine } from '../../engine/engine';
import { runFineTune } from '../../engine/finetune/run';
import { intFlag, requiredFlag } from '../args';
import type { Command } from '../command';

export const finetuneCommand: Command = {
  name: 'finetune',
  summary:
    'Fine-tune BERT with a new output layer (Brown genre, tags, your CSV) or T5 text-to-text (tags, your CSV).',
  flags: {
    checkpoint: {
      type: 'string',
      value: 'DIR',
      description: 'a BERT or T5 checkpoint folder (required)',
    },
    task: {
      type: 'string',
      value: 'brown-genre|brown-pos|t5-pos|csv:FILE',
      description:
        'BERT: Brown genre, Brown part-of-speech tags or a text,label CSV; T5: t5-pos or an input,target CSV (required)',
    },
    steps: { type: 'string', value: 'N', description: 'training steps (default 300)' },
    seed: {
      type: 'string',
      value: 'S',
      description: 'random seed for the split, head and batches (default 0)',
    },
    out: { type: 'string', value: 'DIR', description: 'folder for the fine-tuned checkpoint (required)' },
    json: { type: 'boolean', description: 'JSON progress lines and a JSON result line on stdout' },
  },
  async run(flags, output) {
    const checkpoint = requiredFlag(flags, 'checkpoint');
    const task = requiredFlag(flags, 'task');
    const outDir = requiredFlag(flags, 'out');
    const steps = intFlag(flags, 'steps', 300, 1, 100_000);
    const seed = intFlag(flags, 'seed', 0, -(2 ** 31), 2 ** 31 - 1);
    const isJson = flags['json'] === true;
    await startEngine();
    const every = Math.max(1, Math.round(steps / 10));
    const result = await runFineTune({
      checkpoint,
      task,
      steps,
      seed,
      outDir,
      onStep(step, loss) {
        if (step % every !== 0 && step !== steps) return;
        if (isJson) output.out(JSON.stringify({ step, loss }));
        else output.err(`step ${step}/${steps} loss ${loss.toFixed(3)}`);
      },
    });
    const { metric, score, baseline } = result;
    if (isJson) output.out(JSON.stringify({ task, metric, score, baseline }));
    else {
      output.out(
        `${task}: held-out ${metric} ${(score * 100).toFixed(1)} % (majority baseline ${(baseline * 100).toFixed(1)} %) ` +
          `after ${steps} steps in ${result.seconds.toFixed(0)} s; checkpoint in ${outDir}`,
      );
    }
    return 0;
  },
};
