/**
 * The editor's advanced panel: the walkthrough as JSON text, applied through `parseWalkthrough` — the same check
 * and the same clear error (line and column, or step and field) as opening a file.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseWalkthrough } from '../../../shared/walkthrough/parse';
import type { Walkthrough } from '../../../shared/walkthrough/schema';
import { asLabError } from '../errors/as-lab-error';
import type { Draft } from './editor-draft';

/** The draft as the JSON panel shows it (an invalid draft too: it is not serialized canonically). */
const asJson = (draft: Draft) => `${JSON.stringify(draft, null, 2)}\n`;

/** A collapsed "edit as JSON" panel. */
export function EditorJson({
  draft,
  onApply,
}: {
  draft: Draft;
  onApply: (walkthrough: Walkthrough) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState('');

  const apply = () => {
    try {
      onApply(parseWalkthrough(text));
      setProblem('');
    } catch (error) {
      setProblem(asLabError(error).message);
    }
  };
  return (
    <details
      className="editor-json"
      onToggle={(event) => {
        if (event.currentTarget.open) {
          setText(asJson(draft));
          setProblem('');
        }
      }}
    >
      <summary>{t('walkthrough.editor.json')}</summary>
      <label htmlFor={id} className="editor-hint">
        {t('walkthrough.editor.jsonHint')}
      </label>
      <textarea
        id={id}
        className="editor-json-text"
        rows={16}
        spellCheck={false}
        value={text}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? `${id}-problem` : undefined}
        onChange={(event) => setText(event.target.value)}
        data-testid="editor-json"
      />
      {problem ? (
        <p id={`${id}-problem`} className="editor-error" role="alert">
          {problem}
        </p>
      ) : null}
      <div className="editor-step-actions">
        <button type="button" className="button" onClick={apply} data-testid="editor-json-apply">
          {t('walkthrough.editor.jsonApply')}
        </button>
        <button type="button" className="button" onClick={() => setText(asJson(draft))}>
          {t('walkthrough.editor.jsonReload')}
        </button>
      </div>
    </details>
  );
}
