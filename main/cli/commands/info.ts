/** `attention-lab info [--json]`: the same facts as `app:info` + `engine:status`, without a window. */
import { appInfo } from '../../host/app-info';
import { startEngine } from '../../engine/engine';
import type { Command } from '../command';

export const infoCommand: Command = {
  name: 'info',
  summary: 'Show versions, platform and the TensorFlow.js backend the engine chose (and why).',
  flags: { json: { type: 'boolean', description: 'print one JSON object' } },
  async run(flags, output) {
    const engine = await startEngine();
    const info = { app: appInfo('cli'), engine: engine.status() };
    if (flags['json']) {
      output.out(JSON.stringify(info));
      return 0;
    }
    output.out(
      `${info.app.name} ${info.app.version} on ${info.app.platform}-${info.app.arch}, Node ${info.app.versions.node}`,
    );
    output.out(
      `TensorFlow.js ${info.engine.tfjsVersion}; backend: ${info.engine.backend ?? 'none'} (${info.engine.device ?? '-'})`,
    );
    for (const attempt of info.engine.attempts) {
      output.out(
        `  ${attempt.loaded ? 'loaded ' : 'skipped'} ${attempt.backend.padEnd(10)} ${attempt.source}${attempt.reason ? ` — ${attempt.reason}` : ''}`,
      );
    }
    return 0;
  },
};
