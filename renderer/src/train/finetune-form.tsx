/**
 * The Fine-tune form: the checkpoint (a shipped BERT or T5, the last training run, or a folder), the task its
 * family can learn, the CSV file, steps, seed and the output folder. It only edits {@link FinetuneSettings}.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  CheckpointChoice,
  FinetuneFamily,
  FinetuneField,
  FinetuneSettings,
  FinetuneTaskChoice,
  LastRun,
} from './finetune-settings';
import {
  defaultFinetuneOutDir,
  familyOf,
  isDefaultFinetuneOutDir,
  taskFor,
  tasksByFamily,
} from './finetune-settings';
import { Choices, Field } from './train-form';
import type { CheckpointsFolder } from './train-settings';

const checkpointChoices: readonly CheckpointChoice[] = ['bert-tiny', 't5-tiny', 'last', 'folder'];
const families: readonly FinetuneFamily[] = ['bert', 't5'];

/** The i18n key of a task's name or hint for a family (the CSV's columns differ). */
export function taskKey(family: FinetuneFamily, task: FinetuneTaskChoice): string {
  return task === 'csv' ? `csv-${family}` : task;
}

/** The form (disabled while a run is live); `hint` goes under the buttons. */
export function FinetuneForm(props: {
  settings: FinetuneSettings;
  invalid: readonly FinetuneField[];
  isDisabled: boolean;
  lastRun: LastRun | null;
  folder: CheckpointsFolder | null;
  onChange: (settings: FinetuneSettings) => void;
  actions: ReactNode;
}) {
  const { settings, invalid, isDisabled, lastRun, folder, onChange } = props;
  const { t } = useTranslation();
  const family = familyOf(settings, lastRun);
  const isInvalid = (field: FinetuneField) => invalid.includes(field);
  // A new task or family keeps the user's own output folder but renames a default one after the task.
  const update = (next: Partial<FinetuneSettings>) => {
    const merged = { ...settings, ...next };
    const task = taskFor(familyOf(merged, lastRun), merged.task);
    const outDir =
      task !== settings.task && isDefaultFinetuneOutDir(settings.outDir, folder)
        ? defaultFinetuneOutDir(task, new Date(), folder)
        : merged.outDir;
    onChange({ ...merged, task, outDir });
  };

  return (
    <section className="card train-form finetune-form" aria-labelledby="finetune-form-heading">
      <h2 id="finetune-form-heading" className="card-title">
        {t('finetune.form.heading')}
      </h2>
      <p className="field-hint">{t('finetune.form.intro')}</p>
      <Choices
        label={t('finetune.form.checkpoint')}
        options={checkpointChoices}
        value={settings.checkpoint}
        isDisabled={isDisabled}
        name={(choice) => t(`finetune.form.checkpoints.${choice}`)}
        onChange={(checkpoint) => update({ checkpoint })}
        testId="finetune-checkpoint"
      />
      {settings.checkpoint === 'last' ? (
        <p className="field-hint">
          {lastRun ? (
            <>
              {t('finetune.form.lastRun', { family: lastRun.family.toUpperCase() })}{' '}
              <code>{lastRun.path}</code>
            </>
          ) : (
            t('finetune.form.noLastRun')
          )}
        </p>
      ) : null}
      {settings.checkpoint === 'folder' ? (
        <>
          <Field
            className="train-field-wide"
            label={t('finetune.form.folderPath')}
            value={settings.folderPath}
            isInvalid={isInvalid('folderPath')}
            isDisabled={isDisabled}
            onChange={(folderPath) => update({ folderPath })}
            testId="finetune-folder-path"
          />
          <Choices
            label={t('finetune.form.folderFamily')}
            options={families}
            value={settings.folderFamily}
            isDisabled={isDisabled}
            name={(option) => t(`train.form.families.${option}`)}
            onChange={(folderFamily) => update({ folderFamily })}
            testId="finetune-folder-family"
          />
        </>
      ) : null}
      <Choices
        label={t('finetune.form.task')}
        options={tasksByFamily[family]}
        value={settings.task}
        isDisabled={isDisabled}
        name={(task) => t(`finetune.form.tasks.${taskKey(family, task)}`)}
        onChange={(task) => update({ task })}
        testId="finetune-task"
      />
      <p className="field-hint">{t(`finetune.form.taskHint.${taskKey(family, settings.task)}`)}</p>
      {settings.task === 'csv' ? (
        <Field
          className="train-field-wide"
          label={t(`finetune.form.csvPath.${family}`)}
          value={settings.csvPath}
          isInvalid={isInvalid('csvPath')}
          isDisabled={isDisabled}
          onChange={(csvPath) => update({ csvPath })}
          testId="finetune-csv-path"
        />
      ) : null}
      <div className="train-grid train-grid-4">
        <Field
          label={t('finetune.form.steps')}
          value={settings.steps}
          isInvalid={isInvalid('steps')}
          isDisabled={isDisabled}
          inputMode="numeric"
          onChange={(steps) => update({ steps })}
          testId="finetune-steps"
        />
        <Field
          label={t('finetune.form.seed')}
          value={settings.seed}
          isInvalid={isInvalid('seed')}
          isDisabled={isDisabled}
          inputMode="numeric"
          onChange={(seed) => update({ seed })}
          testId="finetune-seed"
        />
      </div>
      <Field
        className="train-field-wide"
        label={t('finetune.form.outDir')}
        value={settings.outDir}
        isInvalid={isInvalid('outDir')}
        isDisabled={isDisabled}
        onChange={(outDir) => update({ outDir })}
        testId="finetune-out-dir"
      />
      <p className="field-hint">{t('finetune.form.outDirHint')}</p>
      <div className="train-actions">{props.actions}</div>
    </section>
  );
}
