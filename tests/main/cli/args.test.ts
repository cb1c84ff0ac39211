import { describe, expect, it } from 'vitest';
import { choiceFlag, parseFlags, requiredChoiceFlag } from '../../../main/cli/args';
import { LabError } from '../../../shared/contract/errors';

const specs = { lang: { type: 'string', description: 'language' } } as const;
const flagsOf = (argv: string[]) => parseFlags(argv, specs);

/** The message of the LabError `read()` throws. */
function refusal(read: () => unknown): string {
  try {
    read();
  } catch (error) {
    expect(error).toBeInstanceOf(LabError);
    expect((error as LabError).code).toBe('invalid-argument');
    return (error as LabError).message;
  }
  throw new Error('expected the flag to be refused');
}

describe('cli/args', () => {
  it('choiceFlag reads one of the choices, or the fallback (none: undefined)', () => {
    expect(choiceFlag(flagsOf(['--lang', 'id']), 'lang', ['en', 'id'], 'en')).toBe('id');
    expect(choiceFlag(flagsOf([]), 'lang', ['en', 'id'], 'en')).toBe('en');
    expect(choiceFlag(flagsOf([]), 'lang', ['en', 'id'])).toBeUndefined();
  });

  it('choiceFlag refuses anything else, listing the choices', () => {
    expect(refusal(() => choiceFlag(flagsOf(['--lang=fr']), 'lang', ['en', 'id'], 'en'))).toBe(
      '--lang must be one of en, id; got "fr".',
    );
    expect(refusal(() => choiceFlag(flagsOf(['--lang=']), 'lang', ['en', 'id']))).toBe(
      '--lang must be one of en, id; got "".',
    );
  });

  it('requiredChoiceFlag names the choices when the flag is missing', () => {
    expect(requiredChoiceFlag(flagsOf(['--lang', 'en']), 'lang', ['en', 'id'])).toBe('en');
    expect(refusal(() => requiredChoiceFlag(flagsOf([]), 'lang', ['en', 'id']))).toBe(
      '--lang is required (en, id)',
    );
    expect(refusal(() => requiredChoiceFlag(flagsOf(['--lang', 'fr']), 'lang', ['en', 'id']))).toBe(
      '--lang must be one of en, id; got "fr".',
    );
  });
});
