/**
 * The walkthrough editor: the title in both languages, the list of steps (select, move up or down, delete, add a
 * copy of the selected one) and the form of the selected step. Every change is checked against the file's zod
 * schema; only a valid walkthrough goes to `onChange`, an invalid draft stays here with its problems shown next
 * to the fields. An advanced panel edits the same walkthrough as JSON.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Walkthrough, WalkthroughLanguage } from '../../../shared/walkthrough/schema';
import { maxWalkthroughSteps } from '../../../shared/walkthrough/schema';
import type { Draft } from './editor-draft';
import { checkDraft, deleteStep, duplicateStep, moveStep, stepHasIssues, withStep } from './editor-draft';
import { issueText, LocalizedField } from './editor-fields';
import { EditorJson } from './editor-json';
import { StepForm } from './editor-step-form';
import './walkthrough-editor.css';

interface EditorState {
  /** The walkthrough the page gave last. */
  base: Walkthrough;
  /** The last valid walkthrough sent to `onChange` (the page gives it back as `base`). */
  emitted: Walkthrough | null;
  draft: Draft;
  selected: number;
}

/** The editor of `walkthrough`. */
export function WalkthroughEditor(props: {
  walkthrough: Walkthrough;
  onChange: (walkthrough: Walkthrough) => void;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const language: WalkthroughLanguage = i18n.language === 'id' ? 'id' : 'en';
  const [state, setState] = useState<EditorState>(() => ({
    base: props.walkthrough,
    emitted: null,
    draft: props.walkthrough,
    selected: 0,
  }));
  if (props.walkthrough !== state.base) {
    // Our own change coming back keeps the draft (with what is being typed); another walkthrough replaces it.
    setState(
      props.walkthrough === state.emitted
        ? { ...state, base: props.walkthrough }
        : { ...state, base: props.walkthrough, emitted: null, draft: props.walkthrough },
    );
  }
  const { draft } = state;
  const selected = Math.min(state.selected, draft.steps.length - 1);
  const issues = useMemo(() => checkDraft(draft).issues, [draft]);

  const update = (next: Draft, nextSelected = selected) => {
    const { walkthrough } = checkDraft(next);
    setState((current) => ({
      ...current,
      draft: next,
      selected: nextSelected,
      emitted: walkthrough ?? current.emitted,
    }));
    if (walkthrough) props.onChange(walkthrough);
  };
  const step = draft.steps[selected];
  const titleErrors = (lang: WalkthroughLanguage) => {
    const issue = issues.get(`title.${lang}`);
    return issue ? issueText(issue, t) : undefined;
  };

  return (
    <section className="card walkthrough-editor" aria-labelledby="walkthrough-editor-heading">
      <header className="card-header">
        <h2 id="walkthrough-editor-heading" className="card-title">
          {t('walkthrough.editor.heading')}
        </h2>
        <button type="button" className="button" onClick={props.onClose} data-testid="editor-close">
          {t('walkthrough.editor.close')}
        </button>
      </header>
      <p
        className={`editor-status${issues.size > 0 ? ' editor-status-invalid' : ''}`}
        role="status"
        data-testid="editor-status"
      >
        {issues.size > 0
          ? t('walkthrough.editor.invalid', { count: issues.size })
          : t('walkthrough.editor.valid')}
      </p>
      <LocalizedField
        legend={t('walkthrough.editor.title')}
        value={draft.title}
        errors={{ en: titleErrors('en'), id: titleErrors('id') }}
        testId="editor-title"
        onChange={(title) => update({ ...draft, title })}
      />
      <div className="editor-columns">
        <nav className="editor-steps" aria-label={t('walkthrough.editor.steps')}>
          <h3 className="subheading">{t('walkthrough.editor.steps')}</h3>
          <ol className="editor-step-list">
            {draft.steps.map((s, index) => {
              const hasIssues = stepHasIssues(issues, index);
              return (
                <li key={index}>
                  <button
                    type="button"
                    className="editor-step-button"
                    aria-current={index === selected ? 'step' : undefined}
                    data-invalid={hasIssues || undefined}
                    data-testid="editor-step"
                    onClick={() => setState((current) => ({ ...current, selected: index }))}
                  >
                    <span className="editor-step-number">{index + 1}</span>
                    <span className="editor-step-title">{s.title[language].trim() || s.id}</span>
                    {hasIssues ? (
                      <span className="editor-step-flag" title={t('walkthrough.editor.stepHasIssues')}>
                        !<span className="visually-hidden">{t('walkthrough.editor.stepHasIssues')}</span>
                      </span>
                    ) : null}
                  </button>
                </li>
              );
            })}
          </ol>
          <div className="editor-step-actions" role="group" aria-label={t('walkthrough.editor.stepActions')}>
            <button
              type="button"
              className="button editor-small-button"
              disabled={selected === 0}
              onClick={() => update(moveStep(draft, selected, -1), selected - 1)}
              data-testid="editor-move-up"
            >
              {t('walkthrough.editor.moveUp')}
            </button>
            <button
              type="button"
              className="button editor-small-button"
              disabled={selected >= draft.steps.length - 1}
              onClick={() => update(moveStep(draft, selected, 1), selected + 1)}
              data-testid="editor-move-down"
            >
              {t('walkthrough.editor.moveDown')}
            </button>
            <button
              type="button"
              className="button editor-small-button"
              disabled={draft.steps.length >= maxWalkthroughSteps}
              onClick={() => update(duplicateStep(draft, selected), selected + 1)}
              data-testid="editor-add-step"
            >
              {t('walkthrough.editor.addStep')}
            </button>
            <button
              type="button"
              className="button editor-small-button editor-danger"
              disabled={draft.steps.length <= 1}
              onClick={() => update(deleteStep(draft, selected), Math.max(0, selected - 1))}
              data-testid="editor-delete-step"
            >
              {t('walkthrough.editor.deleteStep')}
            </button>
          </div>
        </nav>
        {step ? (
          <fieldset className="editor-step" key={selected}>
            <legend>
              {t('walkthrough.editor.stepLegend', { number: selected + 1, total: draft.steps.length })}
            </legend>
            <StepForm
              step={step}
              index={selected}
              issues={issues}
              onChange={(changed) => update(withStep(draft, selected, changed))}
            />
          </fieldset>
        ) : null}
      </div>
      <EditorJson draft={draft} onApply={(walkthrough) => update(walkthrough, 0)} />
    </section>
  );
}
