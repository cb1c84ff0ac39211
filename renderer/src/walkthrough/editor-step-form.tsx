/**
 * The form of one walkthrough step: its id, title, narration and speaker notes in both languages and the screen
 * it links to, then what its kind shows (editor-step-kinds.tsx). Problems appear under the fields they concern.
 */
import { useTranslation } from 'react-i18next';
import type { Localized, WalkthroughStep } from '../../../shared/walkthrough/schema';
import { stepLinkSchema } from '../../../shared/walkthrough/schema';
import type { DraftIssues } from './editor-draft';
import { ChoiceField, issueText, LocalizedField, TextField } from './editor-fields';
import { StepKindFields } from './editor-step-kinds';

/** The problem at a path inside the step (`text`, `title.en`), in words; undefined when there is none. */
export type StepError = (path: string) => string | undefined;

type Link = NonNullable<WalkthroughStep['link']>;

/** The form of step `index`. */
export function StepForm(props: {
  step: WalkthroughStep;
  index: number;
  issues: DraftIssues;
  onChange: (step: WalkthroughStep) => void;
}) {
  const { step, index, issues, onChange } = props;
  const { t } = useTranslation();
  const error: StepError = (path) => {
    const issue = issues.get(`steps.${index}.${path}`);
    return issue ? issueText(issue, t) : undefined;
  };
  const localizedErrors = (field: string) => ({ en: error(`${field}.en`), id: error(`${field}.id`) });
  const emptyText: Localized = { en: '', id: '' };
  const setNotes = (notes: Localized) =>
    onChange({ ...step, notes: notes.en.trim() === '' && notes.id.trim() === '' ? undefined : notes });
  const linkOptions = [
    { value: 'none' as const, label: t('walkthrough.editor.noLink') },
    ...stepLinkSchema.options.map((link) => ({ value: link, label: t(`nav.${link}`) })),
  ];

  return (
    <div className="editor-step-form" data-testid="editor-step-form">
      <div className="editor-row">
        <TextField
          label={t('walkthrough.editor.stepId')}
          hint={t('walkthrough.editor.stepIdHint')}
          value={step.id}
          error={error('id')}
          className="editor-field-mono"
          testId="editor-step-id"
          onChange={(id) => onChange({ ...step, id })}
        />
        <p className="editor-kind">
          <span className="editor-kind-label">{t('walkthrough.editor.kind')}</span>
          <span className="pill">{t(`walkthrough.kind.${step.kind}`)}</span>
        </p>
      </div>
      <LocalizedField
        legend={t('walkthrough.editor.stepTitle')}
        value={step.title}
        errors={localizedErrors('title')}
        testId="editor-step-title"
        onChange={(title) => onChange({ ...step, title })}
      />
      <LocalizedField
        legend={t('walkthrough.editor.narration')}
        value={step.narration}
        errors={localizedErrors('narration')}
        rows={4}
        testId="editor-narration"
        onChange={(narration) => onChange({ ...step, narration })}
      />
      <StepKindFields step={step} error={error} onChange={onChange} />
      <LocalizedField
        legend={t('walkthrough.editor.notes')}
        hint={t('walkthrough.editor.notesHint')}
        value={step.notes ?? emptyText}
        errors={localizedErrors('notes')}
        rows={3}
        testId="editor-notes"
        onChange={setNotes}
      />
      <ChoiceField<Link | 'none'>
        label={t('walkthrough.editor.link')}
        value={step.link ?? 'none'}
        options={linkOptions}
        error={error('link')}
        testId="editor-link"
        onChange={(link) => onChange({ ...step, link: link === 'none' ? undefined : link })}
      />
    </div>
  );
}
