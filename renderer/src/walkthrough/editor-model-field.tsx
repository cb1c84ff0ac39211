/** The model of a walkthrough step: a built-in one, or a checkpoint folder given by its full path. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { builtinModelIds } from '../../../shared/contract/model';
import type { StepModel } from '../../../shared/walkthrough/schema';
import { ChoiceField, TextField } from './editor-fields';

/**
 * A built-in model or a checkpoint folder (a path field appears); `none` where the step may have no model. The
 * path is taken when the field is left or Enter is pressed, not on every keystroke (each path opens a model).
 */
export function ModelField(props: {
  value: StepModel | undefined;
  isOptional?: boolean;
  error: string | undefined;
  onChange: (model: StepModel | undefined) => void;
}) {
  const { t } = useTranslation();
  type Choice = StepModel & string;
  const choice =
    props.value === undefined ? 'none' : typeof props.value === 'string' ? props.value : 'checkpoint';
  const options = [
    ...(props.isOptional ? [{ value: 'none' as const, label: t('walkthrough.editor.noModel') }] : []),
    ...builtinModelIds.map((id) => ({ value: id, label: t(`views.model.builtin.${id}`) })),
    { value: 'checkpoint' as const, label: t('walkthrough.editor.checkpointModel') },
  ];
  const path = typeof props.value === 'object' ? props.value.checkpoint : '';
  const [typed, setTyped] = useState(path);
  const [seenPath, setSeenPath] = useState(path);
  if (path !== seenPath) {
    setSeenPath(path); // another step, or the JSON view changed it: show the new path
    setTyped(path);
  }
  return (
    <>
      <ChoiceField<Choice | 'none' | 'checkpoint'>
        label={t('walkthrough.editor.model')}
        value={choice}
        options={options}
        error={choice === 'checkpoint' ? undefined : props.error}
        testId="editor-model"
        onChange={(value) =>
          props.onChange(value === 'none' ? undefined : value === 'checkpoint' ? { checkpoint: path } : value)
        }
      />
      {choice === 'checkpoint' ? (
        <TextField
          label={t('walkthrough.editor.checkpointPath')}
          value={typed}
          error={props.error}
          className="editor-field-mono editor-field-wide"
          testId="editor-checkpoint"
          onChange={setTyped}
          onCommit={() => typed !== path && props.onChange({ checkpoint: typed })}
        />
      ) : null}
    </>
  );
}
