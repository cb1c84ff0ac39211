/** The `attention-lab` command line: dispatches to one command, prints help, turns typed errors into exit code 2. */
import { LabError } from '../../shared/contract/errors';
import { parseFlags } from './args';
import type { Command, Output } from './command';
import { animateCommand } from './commands/animate';
import { attendCommand } from './commands/attend';
import { corruptCommand } from './commands/corrupt';
import { finetuneCommand } from './commands/finetune';
import { generateCommand } from './commands/generate';
import { infoCommand } from './commands/info';
import { snapshotCommand } from './commands/snapshot';
import { trainCommand } from './commands/train';
import { walkthroughCommand } from './commands/walkthrough';

/** Every command, in the order help lists them. */
export const commands: readonly Command[] = [
  infoCommand,
  trainCommand,
  corruptCommand,
  attendCommand,
  generateCommand,
  snapshotCommand,
  animateCommand,
  finetuneCommand,
  walkthroughCommand,
];

function help(): string {
  const lines = ['Usage: attention-lab <command> [options]', '', 'Commands:'];
  for (const command of commands) lines.push(`  ${command.name.padEnd(10)} ${command.summary}`);
  lines.push('', 'Run `attention-lab <command> --help` for its options.');
  return lines.join('\n');
}

function commandHelp(command: Command): string {
  const lines = [`Usage: attention-lab ${command.name} [options]`, '', command.summary, '', 'Options:'];
  for (const [name, spec] of Object.entries(command.flags)) {
    const flag = spec.type === 'string' ? `--${name} ${spec.value ?? 'VALUE'}` : `--${name}`;
    lines.push(`  ${flag.padEnd(28)} ${spec.description}`);
  }
  return lines.join('\n');
}

const processOutput: Output = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  isTty: Boolean(process.stderr.isTTY),
};

/** Runs the CLI with `argv` (without node and script); returns the exit code. */
export async function main(argv: readonly string[], output: Output = processOutput): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    output.out(help());
    return name === undefined ? 1 : 0;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    output.err(`Unknown command "${name}".\n\n${help()}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    output.out(commandHelp(command));
    return 0;
  }
  try {
    return await command.run(parseFlags(rest, command.flags), output);
  } catch (error) {
    if (error instanceof LabError) {
      const isJson = rest.includes('--json');
      output.err(
        isJson ? JSON.stringify({ error: error.toWire() }) : `attention-lab ${name}: ${error.message}`,
      );
      return 2;
    }
    throw error;
  }
}
