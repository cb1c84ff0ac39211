/**
 * The walkthrough editor's labelled inputs: text (one line or several), a number that keeps what was typed, a
 * choice, and a text in both languages as one fieldset. Each shows its problem right under it, tied to the
 * input with `aria-describedby`, in words chosen from the zod issue.
 */
import { useId, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Localized } from '../../../shared/walkthrough/schema';
import { walkthroughLanguages } from '../../../shared/walkthrough/schema';
import type { DraftIssues } from './editor-draft';

type Issue = DraftIssues extends ReadonlyMap<string, infer I> ? I : never;

/** A student-readable sentence for a schema issue. */
export function issueText(issue: Issue, t: TFunction): string {
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string') return t('walkthrough.editor.issues.required');
      return t('walkthrough.editor.issues.atLeast', { min: String(issue.minimum) });
    case 'too_big':
      if (issue.origin === 'string')
        return t('walkthrough.editor.issues.tooLong', { max: String(issue.maximum) });
      return t('walkthrough.editor.issues.atMost', { max: String(issue.maximum) });
    case 'invalid_type':
      return issue.expected === 'number' || issue.expected === 'int'
        ? t('walkthrough.editor.issues.wholeNumber')
        : t('walkthrough.editor.issues.required');
    case 'invalid_format':
      return issue.path.at(-1) === 'id'
        ? t('walkthrough.editor.issues.stepId')
        : t('walkthrough.editor.issues.fullPath');
    case 'invalid_union': {
      // The model is a built-in id or a checkpoint: say what is wrong with the branch that was meant.
      const inner = issue.errors.flat().find((i) => i.code !== 'invalid_type' && i.code !== 'invalid_value');
      return inner ? issueText(inner, t) : t('walkthrough.editor.issues.choose');
    }
    case 'invalid_value':
      return t('walkthrough.editor.issues.choose');
    case 'custom':
      return issue.path.at(-1) === 'id' ? t('walkthrough.editor.issues.duplicateId') : issue.message;
    default:
      return issue.message;
  }
}

/** The problem shown under a field, if any. */
function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p id={id} className="editor-error">
      {message}
    </p>
  );
}

/** Common props of the fields. */
interface FieldProps {
  label: string;
  error?: string;
  hint?: string;
  testId?: string;
  className?: string;
}

/** A labelled text input, or a textarea when `rows` is given. */
export function TextField(
  props: FieldProps & {
    value: string;
    rows?: number;
    onChange: (value: string) => void;
    /** Leaving the field, or Enter in a one-line field: what was typed is meant (see the checkpoint path). */
    onCommit?: () => void;
  },
) {
  const id = useId();
  const common = {
    id,
    value: props.value,
    'aria-invalid': props.error ? true : undefined,
    'aria-describedby': props.error ? `${id}-error` : undefined,
    'data-testid': props.testId,
    onChange: (event: { target: { value: string } }) => props.onChange(event.target.value),
    onBlur: props.onCommit,
  };
  return (
    <div className={`editor-field${props.className ? ` ${props.className}` : ''}`}>
      <label htmlFor={id}>{props.label}</label>
      {props.rows ? (
        <textarea rows={props.rows} {...common} />
      ) : (
        <input type="text" {...common} onKeyDown={(event) => event.key === 'Enter' && props.onCommit?.()} />
      )}
      {props.hint ? <p className="editor-hint">{props.hint}</p> : null}
      <FieldError id={`${id}-error`} message={props.error} />
    </div>
  );
}

/** A whole-number input: what was typed stays on screen; a non-number reaches the draft as NaN. */
export function NumberField(props: FieldProps & { value: number; onChange: (value: number) => void }) {
  const [typed, setTyped] = useState(() => (Number.isNaN(props.value) ? '' : String(props.value)));
  const parse = (text: string) => (/^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN);
  // A value set from outside (another step, an opened file) replaces the typed text.
  const shown = Object.is(parse(typed), props.value) ? typed : String(props.value);
  return (
    <TextField
      {...props}
      value={Number.isNaN(props.value) ? typed : shown}
      onChange={(text) => {
        setTyped(text);
        props.onChange(parse(text));
      }}
    />
  );
}

/** A labelled choice among `options`. */
export function ChoiceField<T extends string>(
  props: FieldProps & {
    value: T;
    options: readonly { value: T; label: string }[];
    onChange: (value: T) => void;
  },
) {
  const id = useId();
  return (
    <div className={`editor-field${props.className ? ` ${props.className}` : ''}`}>
      <label htmlFor={id}>{props.label}</label>
      <select
        id={id}
        value={props.value}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={props.error ? `${id}-error` : undefined}
        data-testid={props.testId}
        onChange={(event) => {
          const option = props.options.find((o) => o.value === event.target.value);
          if (option) props.onChange(option.value);
        }}
      >
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldError id={`${id}-error`} message={props.error} />
    </div>
  );
}

/** A text in English and Bahasa Indonesia, side by side in one fieldset. */
export function LocalizedField(props: {
  legend: string;
  value: Localized;
  errors: Partial<Record<keyof Localized, string>>;
  rows?: number;
  hint?: string;
  testId: string;
  onChange: (value: Localized) => void;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="editor-localized">
      <legend>{props.legend}</legend>
      {props.hint ? <p className="editor-hint">{props.hint}</p> : null}
      <div className="editor-pair">
        {walkthroughLanguages.map((language) => (
          <TextField
            key={language}
            label={t(`language.${language}`)}
            value={props.value[language]}
            rows={props.rows}
            error={props.errors[language]}
            testId={`${props.testId}-${language}`}
            onChange={(text) => props.onChange({ ...props.value, [language]: text })}
          />
        ))}
      </div>
    </fieldset>
  );
}
