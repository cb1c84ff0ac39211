/**
 * What a step shows, by kind: an attention view (model, sentence, T5 target, view, attention kind, layer, head,
 * focus word), an objective's animation (objective, model, sentence, seed) or GPT prompting (model, shot, task,
 * examples, prompt). A text step has nothing more than its narration.
 */
import { useTranslation } from 'react-i18next';
import { attentionKinds, attentionViews } from '../../../shared/charts/attention-view';
import type { AttentionKind } from '../../../shared/charts/attention-view';
import { shots } from '../../../shared/prompting/prompt-parts';
import type { WalkthroughStep } from '../../../shared/walkthrough/schema';
import type { StepError } from './editor-step-form';
import { ChoiceField, NumberField, TextField } from './editor-fields';
import { ModelField } from './editor-model-field';

type Step<K extends WalkthroughStep['kind']> = Extract<WalkthroughStep, { kind: K }>;
type OnChange = (step: WalkthroughStep) => void;

/** An empty optional text is no text. */
const optional = (text: string) => (text.trim() === '' ? undefined : text);

function AttentionFields({
  step,
  error,
  onChange,
}: {
  step: Step<'attention'>;
  error: StepError;
  onChange: OnChange;
}) {
  const { t } = useTranslation();
  // T5 reads a second text; a checkpoint may be a T5 model too.
  const hasTarget = step.model === 't5-tiny' || typeof step.model === 'object' || step.target !== undefined;
  const head = step.head === 'average' ? 'average' : 'one';
  return (
    <>
      <div className="editor-row">
        <ModelField
          value={step.model}
          error={error('model')}
          onChange={(model) => model && onChange({ ...step, model })}
        />
      </div>
      <TextField
        label={t('walkthrough.editor.sentence')}
        value={step.text}
        error={error('text')}
        className="editor-field-wide"
        testId="editor-sentence"
        onChange={(text) => onChange({ ...step, text })}
      />
      {hasTarget ? (
        <TextField
          label={t('walkthrough.editor.target')}
          hint={t('walkthrough.editor.targetHint')}
          value={step.target ?? ''}
          error={error('target')}
          className="editor-field-wide"
          testId="editor-target"
          onChange={(target) => onChange({ ...step, target: optional(target) })}
        />
      ) : null}
      <div className="editor-row">
        <ChoiceField
          label={t('walkthrough.editor.view')}
          value={step.view}
          options={attentionViews.map((view) => ({
            value: view,
            label: t(`walkthrough.editor.views.${view}`),
          }))}
          error={error('view')}
          testId="editor-view"
          onChange={(view) => onChange({ ...step, view })}
        />
        <ChoiceField<AttentionKind | 'auto'>
          label={t('walkthrough.editor.attention')}
          value={step.attention ?? 'auto'}
          options={[
            { value: 'auto', label: t('walkthrough.editor.attentionAuto') },
            ...attentionKinds.map((kind) => ({ value: kind, label: t(`views.kind.${kind}`) })),
          ]}
          error={error('attention')}
          testId="editor-attention"
          onChange={(kind) => onChange({ ...step, attention: kind === 'auto' ? undefined : kind })}
        />
      </div>
      <div className="editor-row">
        <NumberField
          label={t('walkthrough.editor.layer')}
          value={step.layer}
          error={error('layer')}
          testId="editor-layer"
          onChange={(layer) => onChange({ ...step, layer })}
        />
        <ChoiceField
          label={t('walkthrough.editor.head')}
          value={head}
          options={[
            { value: 'average', label: t('walkthrough.editor.headAverage') },
            { value: 'one', label: t('walkthrough.editor.headOne') },
          ]}
          testId="editor-head-mode"
          onChange={(mode) => onChange({ ...step, head: mode === 'average' ? 'average' : 0 })}
        />
        {step.head !== 'average' ? (
          <NumberField
            label={t('walkthrough.editor.headNumber')}
            value={step.head}
            error={error('head')}
            testId="editor-head"
            onChange={(number) => onChange({ ...step, head: number })}
          />
        ) : null}
        <TextField
          label={t('walkthrough.editor.focus')}
          hint={t('walkthrough.editor.focusHint')}
          value={step.focus ?? ''}
          error={error('focus')}
          testId="editor-focus"
          onChange={(focus) => onChange({ ...step, focus: optional(focus) })}
        />
      </div>
    </>
  );
}

function AnimationFields({
  step,
  error,
  onChange,
}: {
  step: Step<'animation'>;
  error: StepError;
  onChange: OnChange;
}) {
  const { t } = useTranslation();
  return (
    <>
      <div className="editor-row">
        <ChoiceField
          label={t('walkthrough.editor.objective')}
          value={step.objective}
          options={(['bert', 't5', 'gpt'] as const).map((o) => ({
            value: o,
            label: t(`walkthrough.editor.objectives.${o}`),
          }))}
          error={error('objective')}
          testId="editor-objective"
          onChange={(objective) => onChange({ ...step, objective })}
        />
        <ModelField
          value={step.model}
          isOptional
          error={error('model')}
          onChange={(model) => onChange({ ...step, model })}
        />
      </div>
      <TextField
        label={t('walkthrough.editor.sentence')}
        value={step.text}
        error={error('text')}
        className="editor-field-wide"
        testId="editor-sentence"
        onChange={(text) => onChange({ ...step, text })}
      />
      <div className="editor-row">
        <NumberField
          label={t('walkthrough.editor.seed')}
          hint={t('walkthrough.editor.seedHint')}
          value={step.seed}
          error={error('seed')}
          testId="editor-seed"
          onChange={(seed) => onChange({ ...step, seed })}
        />
      </div>
    </>
  );
}

function PromptingFields({
  step,
  error,
  onChange,
}: {
  step: Step<'prompting'>;
  error: StepError;
  onChange: OnChange;
}) {
  const { t } = useTranslation();
  const setExample = (index: number, example: { input: string; output: string }) =>
    onChange({ ...step, examples: step.examples.map((e, i) => (i === index ? example : e)) });
  return (
    <>
      <div className="editor-row">
        <ModelField
          value={step.model}
          error={error('model')}
          onChange={(model) => model && onChange({ ...step, model })}
        />
        <ChoiceField
          label={t('prompting.shot.label')}
          value={step.shot}
          options={shots.map((shot) => ({ value: shot, label: t(`prompting.shot.${shot}`) }))}
          error={error('shot')}
          testId="editor-shot"
          onChange={(shot) => onChange({ ...step, shot })}
        />
      </div>
      <TextField
        label={t('walkthrough.editor.task')}
        value={step.task}
        error={error('task')}
        className="editor-field-wide"
        testId="editor-task"
        onChange={(task) => onChange({ ...step, task })}
      />
      <fieldset className="editor-examples">
        <legend>{t('walkthrough.editor.examples')}</legend>
        {step.examples.map((example, index) => (
          <div className="editor-example" key={index}>
            <TextField
              label={t('walkthrough.editor.exampleInput', { number: index + 1 })}
              value={example.input}
              error={error(`examples.${index}.input`)}
              onChange={(input) => setExample(index, { ...example, input })}
            />
            <TextField
              label={t('walkthrough.editor.exampleOutput', { number: index + 1 })}
              value={example.output}
              error={error(`examples.${index}.output`)}
              onChange={(output) => setExample(index, { ...example, output })}
            />
            <button
              type="button"
              className="button editor-small-button"
              onClick={() => onChange({ ...step, examples: step.examples.filter((_, i) => i !== index) })}
            >
              {t('walkthrough.editor.removeExample', { number: index + 1 })}
            </button>
          </div>
        ))}
        <button
          type="button"
          className="button editor-small-button"
          disabled={step.examples.length >= 8}
          onClick={() => onChange({ ...step, examples: [...step.examples, { input: '', output: '' }] })}
        >
          {t('walkthrough.editor.addExample')}
        </button>
      </fieldset>
      <TextField
        label={t('walkthrough.editor.prompt')}
        value={step.prompt}
        error={error('prompt')}
        className="editor-field-wide"
        testId="editor-prompt"
        onChange={(prompt) => onChange({ ...step, prompt })}
      />
    </>
  );
}

/** The fields of the step's kind. */
export function StepKindFields({
  step,
  error,
  onChange,
}: {
  step: WalkthroughStep;
  error: StepError;
  onChange: OnChange;
}) {
  switch (step.kind) {
    case 'attention':
      return <AttentionFields step={step} error={error} onChange={onChange} />;
    case 'animation':
      return <AnimationFields step={step} error={error} onChange={onChange} />;
    case 'prompting':
      return <PromptingFields step={step} error={error} onChange={onChange} />;
    case 'text':
      return null;
  }
}
