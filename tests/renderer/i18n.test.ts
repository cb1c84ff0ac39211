/**
 * The renderer's two resource files (renderer/src/i18n/en.json and id.json) must offer exactly the same keys and
 * the same {{placeholders}}, so no string appears untranslated or loses a value. Read as plain JSON in Node.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { errorCodes } from '../../shared/contract/errors';

type Tree = { [key: string]: string | Tree };

function load(language: string): Tree {
  return JSON.parse(readFileSync(resolve(`renderer/src/i18n/${language}.json`), 'utf8')) as Tree;
}

/** Every leaf as `a.b.c` → string. */
function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const leaves = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') leaves.set(path, value);
    else for (const [leaf, text] of flatten(value, path)) leaves.set(leaf, text);
  }
  return leaves;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe('renderer i18n resources', () => {
  const en = flatten(load('en'));
  const id = flatten(load('id'));

  it('have identical key sets in English and Bahasa Indonesia', () => {
    expect([...id.keys()].sort()).toEqual([...en.keys()].sort());
    expect(en.size).toBeGreaterThan(50);
  });

  it('use the same placeholders in both languages, and no empty strings', () => {
    for (const [key, text] of en) {
      expect(placeholders(id.get(key) ?? ''), key).toEqual(placeholders(text));
      expect(text.trim(), key).not.toBe('');
      expect((id.get(key) ?? '').trim(), key).not.toBe('');
    }
  });

  it('explain every error code of the contract', () => {
    for (const code of errorCodes) {
      expect(en.has(`errors.${code}.title`), code).toBe(true);
      expect(en.has(`errors.${code}.body`), code).toBe(true);
    }
  });

  it('are really translated, not copied', () => {
    const same = [...en].filter(([key, text]) => id.get(key) === text).map(([key]) => key);
    // Names, technical terms and the language names themselves stay the same in both files.
    expect(same.length / en.size).toBeLessThan(0.25);
    expect(id.get('nav.train')).toBe('Pelatihan');
  });
});
