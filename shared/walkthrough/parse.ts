/**
 * Reading and writing walkthrough files: {@link parseWalkthrough} turns a file's text into a checked
 * {@link Walkthrough} or throws a LabError that names the line and column of a JSON mistake, or the step and
 * field of a schema mistake; {@link serializeWalkthrough} writes the one canonical text (save → load → save is
 * byte-identical).
 */
import type { z } from 'zod';
import { LabError } from '../contract/errors';
import { findJsonSyntaxError } from './json-error';
import type { Localized, Walkthrough, WalkthroughLanguage } from './schema';
import { maxWalkthroughBytes, walkthroughFormat, walkthroughSchema, walkthroughVersion } from './schema';

/** Most mistakes one error message lists. */
const maxListed = 3;

/** The text of `l` in `lang`. */
export function localize(l: Localized, lang: WalkthroughLanguage): string {
  return l[lang];
}

/** The value at `path` in `data` (undefined when the path leaves the data). */
function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** "step 3 (id "t5-span"), field narration.id" or "field title.en" for a path into the file. */
function placeOf(data: unknown, path: readonly PropertyKey[]): string {
  const fields = (keys: readonly PropertyKey[]) => keys.map(String).join('.');
  if (path[0] === 'steps' && typeof path[1] === 'number') {
    const id = valueAt(data, ['steps', path[1], 'id']);
    const step = `step ${path[1] + 1}${typeof id === 'string' ? ` (id ${JSON.stringify(id)})` : ''}`;
    return path.length > 2 ? `${step}, field ${fields(path.slice(2))}` : step;
  }
  return path.length === 0 ? 'the file' : `field ${fields(path)}`;
}

/** The start of a value as JSON, for "(got …)" (a value too deeply nested to write out is described instead). */
function showValue(value: unknown): string {
  try {
    return JSON.stringify(value)?.slice(0, 60) ?? String(value);
  } catch {
    return 'a value nested too deeply to show';
  }
}

const choices = (values: readonly unknown[]) => values.map((v) => String(v)).join(', ');

/** One schema mistake in words a teacher understands. */
function describeIssue(data: unknown, issue: z.core.$ZodIssue): string {
  const got = valueAt(data, issue.path);
  const shown = showValue(got);
  switch (issue.code) {
    case 'invalid_type':
      return got === undefined
        ? 'is missing'
        : `must be a${/^[aeiou]/.test(issue.expected) ? 'n' : ''} ${issue.expected} (got ${shown})`;
    case 'invalid_value':
      return `must be ${issue.values.length === 1 ? JSON.stringify(issue.values[0]) : `one of ${choices(issue.values)}`} (got ${shown})`;
    case 'unrecognized_keys':
      return `has unknown field${issue.keys.length === 1 ? '' : 's'} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    case 'invalid_union':
      if (issue.path.at(-1) === 'kind' && 'options' in issue) {
        return `must be one of ${choices(issue.options as unknown[])} (got ${shown})`;
      }
      if (issue.path.at(-1) === 'model') {
        return `must be a built-in model (bert-tiny, t5-tiny, gpt-tiny) or { "checkpoint": "/full/path" } (got ${shown})`;
      }
      return `is not valid (got ${shown})`;
    case 'too_small':
      if (issue.origin === 'string') return 'is empty';
      if (issue.origin === 'array') return `needs at least ${String(issue.minimum)}`;
      return `must be at least ${String(issue.minimum)} (got ${shown})`;
    case 'too_big':
      if (issue.origin === 'string') return `is too long (at most ${String(issue.maximum)} characters)`;
      if (issue.origin === 'array') return `has too many entries (at most ${String(issue.maximum)})`;
      return `must be at most ${String(issue.maximum)} (got ${shown})`;
    default:
      return issue.message;
  }
}

/** Throws a clear error for a file of another format or a newer version (before the field-by-field check). */
function checkFormat(data: unknown): void {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new LabError(
      'invalid-payload',
      'This file is not a walkthrough: it should hold one JSON object { … }.',
    );
  }
  const { format, version } = data as Record<string, unknown>;
  if (format !== walkthroughFormat) {
    throw new LabError(
      'invalid-payload',
      format === undefined
        ? `This file is not an Attention Lab walkthrough: it has no "format": "${walkthroughFormat}".`
        : `This file is not an Attention Lab walkthrough: its format is ${JSON.stringify(format)}, not "${walkthroughFormat}".`,
    );
  }
  if (typeof version === 'number' && version > walkthroughVersion) {
    throw new LabError(
      'invalid-payload',
      `This walkthrough was saved by a newer Attention Lab (file version ${version}); this one reads version ${walkthroughVersion}. Update Attention Lab to open it.`,
    );
  }
}

/** Checks parsed JSON against the schema: the walkthrough with its defaults, or a LabError naming step and field. */
export function validateWalkthrough(data: unknown): Walkthrough {
  checkFormat(data);
  const result = walkthroughSchema.safeParse(data);
  if (result.success) return result.data;
  const issues = result.error.issues;
  const listed = issues
    .slice(0, maxListed)
    .map((issue) => `${placeOf(data, issue.path)}: ${describeIssue(data, issue)}`);
  const more = issues.length > maxListed ? ` (and ${issues.length - maxListed} more)` : '';
  throw new LabError('invalid-payload', `This walkthrough file has a mistake: ${listed.join('; ')}${more}.`);
}

/**
 * Reads a walkthrough file's text; throws `invalid-payload` (or `payload-too-large`) with a clear message — also
 * when reading fails in a way nobody foresaw (a stranger's file must never end in a bare engine error).
 */
export function parseWalkthrough(text: string): Walkthrough {
  try {
    return readWalkthroughText(text);
  } catch (error) {
    if (error instanceof LabError) throw error;
    const why = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    throw new LabError(
      'invalid-payload',
      `This walkthrough file could not be read (${why.slice(0, 200)}). Check that it is a walkthrough saved by Attention Lab.`,
    );
  }
}

/** {@link parseWalkthrough} without its net for unforeseen errors. */
function readWalkthroughText(text: string): Walkthrough {
  if (text.length > maxWalkthroughBytes) {
    throw new LabError(
      'payload-too-large',
      `This walkthrough file is too large (${text.length} characters; at most ${maxWalkthroughBytes}).`,
    );
  }
  const source = text.replace(/^\uFEFF/, ''); // editors on Windows may write a byte-order mark
  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch {
    const where = findJsonSyntaxError(source);
    throw new LabError(
      'invalid-payload',
      where
        ? `This walkthrough file is not valid JSON: line ${where.line}, column ${where.column}: ${where.problem}.`
        : 'This walkthrough file is not valid JSON.',
    );
  }
  return validateWalkthrough(data);
}

/** The canonical text of a walkthrough: its fields in schema order, 2-space JSON and a final newline. */
export function serializeWalkthrough(walkthrough: Walkthrough): string {
  // Parsing puts every field in the schema's order and fills in defaults: one text per walkthrough.
  return `${JSON.stringify(validateWalkthrough(walkthrough), null, 2)}\n`;
}

/** A copy to edit: a deep copy under `newTitle` (default: the title with "(copy)" / "(salinan)"). */
export function duplicateWalkthrough(walkthrough: Walkthrough, newTitle?: Localized): Walkthrough {
  const copy = validateWalkthrough(JSON.parse(JSON.stringify(walkthrough)));
  const title = newTitle ?? {
    en: `${walkthrough.title.en} (copy)`,
    id: `${walkthrough.title.id} (salinan)`,
  };
  return validateWalkthrough({ ...copy, title });
}
