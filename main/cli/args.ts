/** A small, strict argument parser: `--flag value`, `--flag=value` and boolean `--flag`; unknown flags are errors. */
import { LabError } from '../../shared/contract/errors';

/** How a command declares its flags. */
export interface FlagSpec {
  /** `string` takes a value; `boolean` does not. */
  type: 'string' | 'boolean';
  description: string;
  /** Placeholder for help, e.g. `DIR`. */
  value?: string;
}

/** Parsed flags: strings for value flags, `true` for booleans that were given. */
export type ParsedFlags = Record<string, string | boolean | undefined>;

/** Parses `argv` against `specs`; throws `invalid-argument` on anything unknown or incomplete. */
export function parseFlags(argv: readonly string[], specs: Record<string, FlagSpec>): ParsedFlags {
  const flags: ParsedFlags = {};
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i] ?? '';
    if (!token.startsWith('--')) throw new LabError('invalid-argument', `Unexpected argument "${token}"`);
    const [name = '', inline] = token.slice(2).split(/=(.*)/s, 2);
    const spec = specs[name];
    if (!spec) throw new LabError('invalid-argument', `Unknown option --${name}`);
    if (spec.type === 'boolean') {
      if (inline !== undefined) throw new LabError('invalid-argument', `--${name} takes no value`);
      flags[name] = true;
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined || (inline === undefined && value.startsWith('--'))) {
      throw new LabError(
        'invalid-argument',
        `--${name} needs a value${spec.value ? ` (${spec.value})` : ''}`,
      );
    }
    flags[name] = value;
  }
  return flags;
}

/** Reads an integer flag within bounds, or the default. */
export function intFlag(
  flags: ParsedFlags,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const raw = flags[name];
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (typeof raw !== 'string' || !Number.isInteger(value) || value < min || value > max) {
    throw new LabError('invalid-argument', `--${name} must be a whole number from ${min} to ${max}`);
  }
  return value;
}

/** Reads a number flag within bounds, or the default. */
export function numberFlag(
  flags: ParsedFlags,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const raw = flags[name];
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (typeof raw !== 'string' || raw.trim() === '' || !Number.isFinite(value) || value < min || value > max) {
    throw new LabError('invalid-argument', `--${name} must be a number from ${min} to ${max}`);
  }
  return value;
}

/** Reads a required string flag. */
export function requiredFlag(flags: ParsedFlags, name: string): string {
  const value = flags[name];
  if (typeof value !== 'string' || value === '')
    throw new LabError('invalid-argument', `--${name} is required`);
  return value;
}

/** Reads a flag that must be one of `choices`; without it, `fallback` (undefined when there is none). */
export function choiceFlag<T extends string>(
  flags: ParsedFlags,
  name: string,
  choices: readonly T[],
  fallback: T,
): T;
export function choiceFlag<T extends string>(
  flags: ParsedFlags,
  name: string,
  choices: readonly T[],
  fallback?: T,
): T | undefined;
export function choiceFlag<T extends string>(
  flags: ParsedFlags,
  name: string,
  choices: readonly T[],
  fallback?: T,
): T | undefined {
  const value = flags[name];
  if (value === undefined) return fallback;
  if (typeof value !== 'string' || !choices.includes(value as T)) {
    throw new LabError(
      'invalid-argument',
      `--${name} must be one of ${choices.join(', ')}; got "${String(value)}".`,
    );
  }
  return value as T;
}

/** Reads a required flag that must be one of `choices`. */
export function requiredChoiceFlag<T extends string>(
  flags: ParsedFlags,
  name: string,
  choices: readonly T[],
): T {
  const value = choiceFlag(flags, name, choices);
  if (value === undefined) {
    throw new LabError('invalid-argument', `--${name} is required (${choices.join(', ')})`);
  }
  return value;
}
