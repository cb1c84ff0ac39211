/**
 * Numbers in the reader's language (Indonesian writes 4,213 where English writes 4.213): the renderer's one
 * replacement for `toFixed` and d3's English number formats. The formatters are kept per language and options,
 * since a training run redraws its numbers on every step.
 */

const formatters = new Map<string, Intl.NumberFormat>();

function formatter(language: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${language}\n${JSON.stringify(options)}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.NumberFormat(language, options);
    formatters.set(key, found);
  }
  return found;
}

/** `value` with exactly `digits` decimals, like `toFixed(digits)` but in `language` (e.g. a loss: 4.213). */
export function formatFixed(value: number, digits: number, language: string): string {
  return formatter(language, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
}

/** `value` with at most `digits` significant digits, trailing zeros dropped (an axis tick: 4.5, 0.25). */
export function formatSignificant(value: number, digits: number, language: string): string {
  return formatter(language, { maximumSignificantDigits: digits }).format(value);
}
