/**
 * Where a JSON text first goes wrong, as a line and column a teacher can find in an editor. JavaScript engines
 * word (and sometimes leave out) the position of a `JSON.parse` error differently, so this small scanner walks
 * the text itself and reports the first character that cannot be JSON. It follows at most {@link maxJsonDepth}
 * nested `[` / `{` (a walkthrough needs a handful), so a hostile file cannot overflow the call stack.
 */

/** How deeply arrays and objects may nest before the scanner reports the file instead of following it. */
export const maxJsonDepth = 64;

/** The first syntax error of a JSON text: 1-based line and column and what is wrong there. */
export interface JsonSyntaxError {
  line: number;
  column: number;
  problem: string;
}

class Stop extends Error {
  constructor(
    readonly at: number,
    readonly problem: string,
  ) {
    super(problem);
  }
}

/** The first syntax error in `text`, or null when it is valid JSON. */
export function findJsonSyntaxError(text: string): JsonSyntaxError | null {
  let at = 0;
  const unexpected = (): Stop =>
    at >= text.length
      ? new Stop(at, 'the file ends too early (a missing } or ] or ")')
      : new Stop(at, `unexpected ${JSON.stringify(text[at])}`);
  const space = () => {
    while (at < text.length && ' \t\n\r'.includes(text[at] ?? '')) at++;
  };
  const word = (literal: string) => {
    if (!text.startsWith(literal, at)) throw unexpected();
    at += literal.length;
  };
  const string = () => {
    at++; // the opening quote
    while (at < text.length && text[at] !== '"') {
      const c = text[at] ?? '';
      if (c < ' ') throw new Stop(at, 'a line break or control character inside a string (write \\n)');
      if (c === '\\') {
        at++;
        if (!/^(["\\/bfnrt]|u[0-9a-fA-F]{4})/.test(text.slice(at, at + 5))) {
          throw new Stop(at - 1, 'a backslash that starts no escape (write \\\\ for a backslash)');
        }
        at += text[at] === 'u' ? 5 : 1;
      } else at++;
    }
    if (at >= text.length) throw unexpected();
    at++;
  };
  const number = () => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(at));
    if (!match) throw unexpected();
    at += match[0].length;
  };
  const list = (close: string, item: () => void) => {
    at++; // the opening bracket
    space();
    if (text[at] === close) return void at++;
    for (;;) {
      item();
      space();
      if (text[at] === close) return void at++;
      if (at >= text.length) throw unexpected();
      if (text[at] !== ',') throw new Stop(at, `expected "," or "${close}"`);
      at++;
      space();
      if (text[at] === close) throw new Stop(at, `a comma before "${close}" (remove the last comma)`);
    }
  };
  // `value` and `list` recurse once per nesting level: `depth` counts the brackets already open.
  const value = (depth: number): void => {
    space();
    const c = text[at];
    if ((c === '{' || c === '[') && depth >= maxJsonDepth) {
      throw new Stop(
        at,
        `brackets nested more than ${maxJsonDepth} deep (a walkthrough never nests this deep)`,
      );
    }
    if (c === '{') {
      list('}', () => {
        space();
        if (text[at] !== '"') throw new Stop(at, 'expected a field name in double quotes');
        string();
        space();
        if (text[at] !== ':') throw new Stop(at, 'expected ":" after the field name');
        at++;
        value(depth + 1);
      });
    } else if (c === '[') list(']', () => value(depth + 1));
    else if (c === '"') string();
    else if (c === 't') word('true');
    else if (c === 'f') word('false');
    else if (c === 'n') word('null');
    else if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) number();
    else throw unexpected();
  };
  try {
    value(0);
    space();
    if (at < text.length) throw new Stop(at, 'more text after the end of the JSON');
    return null;
  } catch (error) {
    if (!(error instanceof Stop)) throw error;
    const before = text.slice(0, error.at).split('\n');
    return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1, problem: error.problem };
  }
}
