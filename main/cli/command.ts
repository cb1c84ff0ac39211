/** What a CLI command is: its flags, its help line and what it runs. */
import type { FlagSpec, ParsedFlags } from './args';

/** Where a command writes: stdout for results (JSON lines with --json), stderr for progress and messages. */
export interface Output {
  out(line: string): void;
  err(line: string): void;
  /** Is stderr a terminal (progress bars only there)? */
  isTty: boolean;
}

/** One subcommand of `attention-lab`. */
export interface Command {
  name: string;
  summary: string;
  flags: Record<string, FlagSpec>;
  /** Returns the exit code. */
  run(flags: ParsedFlags, output: Output): Promise<number>;
}
