/**
 * A user's two-column CSV (RFC 4180: fields separated by commas, a field in double quotes may hold commas,
 * line breaks and doubled quotes `""`): `text,label` for a BERT classifier, `input,target` for T5 text-to-text.
 * An optional first row naming the two columns is a header and skipped. Blank rows (nothing at all on the line)
 * are skipped. Every other problem is an `invalid-corpus` error naming the line a student can open the file at:
 * bytes that are not UTF-8, a row without exactly two columns, an empty value, an unclosed quote, a first row
 * naming the other family's columns (`input,target` given to a BERT, `text,label` to a T5), and (labels) a file
 * with fewer than two different labels or (pairs) one with fewer than two rows.
 */
import { LabError } from '../../../shared/contract/errors';

/** One labelled row and the line it starts on (1-based). */
export interface LabeledRow {
  text: string;
  label: string;
  line: number;
}

const fail = (line: number, why: string): never => {
  throw new LabError('invalid-corpus', `CSV line ${line}: ${why}`);
};

/** Decodes UTF-8 strictly; throws naming the first line with bytes that are not UTF-8. */
export function decodeUtf8Lines(bytes: Uint8Array): string {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    return decoder.decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    // A multi-byte UTF-8 sequence never contains the newline byte, so each line can be checked alone.
    let start = 0;
    for (let line = 1; start <= bytes.length; line++) {
      let end = bytes.indexOf(0x0a, start);
      if (end < 0) end = bytes.length;
      try {
        decoder.decode(bytes.subarray(start, end));
      } catch {
        fail(line, 'the file is not UTF-8 text here (save it as UTF-8 and try again).');
      }
      start = end + 1;
    }
    return fail(1, 'the file is not UTF-8 text.');
  }
}

/** Splits CSV text into records of fields, each with the line it starts on. */
export function parseCsvRecords(text: string): { fields: string[]; line: number; isBlank: boolean }[] {
  const records: { fields: string[]; line: number; isBlank: boolean }[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let isQuoted = false;
  let quoteLine = 1;
  let hasContent = false; // anything (even an empty quoted field) on this record
  const endRecord = (): void => {
    fields.push(field);
    records.push({ fields, line: recordLine, isBlank: !hasContent && fields.length === 1 && field === '' });
    fields = [];
    field = '';
    hasContent = false;
  };
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (isQuoted) {
      if (char === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else isQuoted = false;
      } else {
        if (char === '\n') line++;
        field += char;
      }
      continue;
    }
    if (char === '"') {
      if (field !== '')
        fail(line, 'a double quote inside an unquoted field (put the whole field in quotes).');
      isQuoted = true;
      quoteLine = line;
      hasContent = true;
    } else if (char === ',') {
      fields.push(field);
      field = '';
      hasContent = true;
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      field += char;
      hasContent = true;
    }
  }
  if (isQuoted) fail(quoteLine, 'a quoted field is never closed (a double quote is missing).');
  if (hasContent || field !== '') endRecord();
  return records;
}

/** One row of a two-column CSV: its two values and the line it starts on (1-based). */
export interface TwoColumnRow {
  values: [string, string];
  line: number;
}

/** The two columns of a family's CSV and the checkpoint it is for, as error messages name them. */
interface CsvColumns {
  names: readonly [string, string];
  family: string;
}

/** A BERT classifier's CSV: `text,label`. */
const labeledColumns: CsvColumns = { names: ['text', 'label'], family: 'BERT' };
/** A T5 text-to-text CSV: `input,target`. */
const textPairColumns: CsvColumns = { names: ['input', 'target'], family: 'T5' };

/**
 * The rows of a CSV file's bytes with exactly the two columns of `columns` (their header row is optional). A
 * first row naming the `other` family's columns is refused: read as data it would teach nonsense silently.
 */
function parseTwoColumnCsv(bytes: Uint8Array, columns: CsvColumns, other: CsvColumns): TwoColumnRow[] {
  const { names } = columns;
  const records = parseCsvRecords(decodeUtf8Lines(bytes));
  const rows: TwoColumnRow[] = [];
  records.forEach((record, index) => {
    if (record.isBlank) return;
    const [first = '', second = '', ...rest] = record.fields.map((field) => field.trim());
    const header = `${first},${second}`.toLowerCase();
    const isHeaderOf = (c: CsvColumns) => index === 0 && rest.length === 0 && header === c.names.join(',');
    if (isHeaderOf(columns)) return;
    if (isHeaderOf(other)) {
      fail(
        record.line,
        `the columns ${other.names.join(',')} are for a ${other.family} checkpoint; this is a ${columns.family} checkpoint, which needs the columns ${names.join(',')}.`,
      );
    }
    if (record.fields.length !== 2) {
      fail(record.line, `expected 2 columns (${names.join(',')}) but found ${record.fields.length}.`);
    }
    if (first === '') fail(record.line, `the ${names[0]} is empty.`);
    if (second === '') fail(record.line, `the ${names[1]} is empty.`);
    rows.push({ values: [first, second], line: record.line });
  });
  return rows;
}

/** The labelled rows of a `text,label` CSV file's bytes. */
export function parseLabeledCsv(bytes: Uint8Array): LabeledRow[] {
  const rows = parseTwoColumnCsv(bytes, labeledColumns, textPairColumns).map(
    ({ values: [text, label], line }) => ({
      text,
      label,
      line,
    }),
  );
  const labels = new Set(rows.map((row) => row.label));
  if (labels.size < 2) {
    throw new LabError(
      'invalid-corpus',
      `The CSV needs at least two different labels to learn from; it has ${labels.size === 0 ? 'no rows' : `only "${[...labels][0] ?? ''}"`}.`,
    );
  }
  return rows;
}

/** One `input,target` row for T5 and the line it starts on (1-based). */
export interface TextPairRow {
  input: string;
  target: string;
  line: number;
}

/** The rows of an `input,target` CSV file's bytes (at least two: one to learn from, one to test on). */
export function parseTextPairCsv(bytes: Uint8Array): TextPairRow[] {
  const rows = parseTwoColumnCsv(bytes, textPairColumns, labeledColumns).map(
    ({ values: [input, target], line }) => ({
      input,
      target,
      line,
    }),
  );
  if (rows.length < 2) {
    throw new LabError(
      'invalid-corpus',
      `The CSV needs at least two input,target rows (one to learn from, one to test on); it has ${rows.length}.`,
    );
  }
  return rows;
}
