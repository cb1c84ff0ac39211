/**
 * The three parts of a prompt as the chapter's figure lays them out — task description, examples, prompt —
 * with the zero/one/few-shot switch and the text the model will read.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { maxTextLength } from '../../../shared/contract/model';
import { shotCounts, shots } from '../../../shared/prompting/prompt-parts';
import type { Shot } from '../../../shared/prompting/prompt-parts';

/** The editable text of each part (examples one per line, `input -- output`). */
export interface PromptDraft {
  task: string;
  examples: string;
  prompt: string;
}

/** Props of {@link PromptEditor}. */
export interface PromptEditorProps {
  shot: Shot;
  onShot: (shot: Shot) => void;
  draft: PromptDraft;
  onDraft: (draft: PromptDraft) => void;
  /** The assembled prompt, or the reason it cannot be assembled. */
  assembled: { text: string } | { error: string };
}

/** The shot switch, the three parts and the assembled prompt. */
export function PromptEditor({ shot, onShot, draft, onDraft, assembled }: PromptEditorProps) {
  const { t } = useTranslation();
  const taskId = useId();
  const examplesId = useId();
  const promptId = useId();
  const needed = shotCounts[shot];
  return (
    <div className="prompting-editor">
      <div className="prompting-shots" role="radiogroup" aria-label={t('prompting.shot.label')}>
        {shots.map((value) => (
          <button
            key={value}
            type="button"
            role="radio"
            aria-checked={value === shot}
            className={`button button-small${value === shot ? ' prompting-shot-active' : ''}`}
            data-testid={`prompting-shot-${value}`}
            onClick={() => onShot(value)}
          >
            {t(`prompting.shot.${value}`)}
          </button>
        ))}
      </div>
      <div className="prompting-part">
        <label htmlFor={taskId}>{t('prompting.parts.task')}</label>
        <input
          id={taskId}
          type="text"
          value={draft.task}
          maxLength={maxTextLength}
          data-testid="prompting-task"
          onChange={(event) => onDraft({ ...draft, task: event.target.value })}
        />
      </div>
      {needed > 0 && (
        <div className="prompting-part">
          <label htmlFor={examplesId}>{t('prompting.parts.examples', { count: needed })}</label>
          <textarea
            id={examplesId}
            rows={needed}
            value={draft.examples}
            maxLength={maxTextLength}
            spellCheck={false}
            data-testid="prompting-examples"
            onChange={(event) => onDraft({ ...draft, examples: event.target.value })}
          />
        </div>
      )}
      <div className="prompting-part">
        <label htmlFor={promptId}>{t('prompting.parts.prompt')}</label>
        <input
          id={promptId}
          type="text"
          value={draft.prompt}
          maxLength={maxTextLength}
          data-testid="prompting-prompt"
          onChange={(event) => onDraft({ ...draft, prompt: event.target.value })}
        />
      </div>
      <p className="subheading">{t('prompting.assembled')}</p>
      {'text' in assembled ? (
        <pre className="prompting-assembled" data-testid="prompting-assembled">
          {assembled.text}
        </pre>
      ) : (
        <p className="prompting-error" role="alert" data-testid="prompting-error">
          {assembled.error}
        </p>
      )}
    </div>
  );
}
