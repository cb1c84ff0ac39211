/**
 * The Train form: family, preset or custom size, corpus, the run's numbers and the output folder. It only edits
 * {@link TrainSettings}; the page turns them into a request.
 */
import { useId } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  CheckpointsFolder,
  SettingsField,
  SizeMode,
  TrainFamily,
  TrainSettings,
} from './train-settings';
import { autoCheckpointEvery, defaultOutDir, isDefaultOutDir, runFields, sizeFields } from './train-settings';

const families: readonly TrainFamily[] = ['bert', 't5', 'gpt'];
const sizeModes: readonly SizeMode[] = ['tiny', 'small', 'custom'];

/** One labelled input, marked when the request could not accept it. */
export function Field(props: {
  label: string;
  value: string;
  isInvalid: boolean;
  isDisabled: boolean;
  onChange: (value: string) => void;
  inputMode?: 'numeric' | 'decimal';
  placeholder?: string;
  testId: string;
  className?: string;
}) {
  const id = useId();
  return (
    <span className={`train-field${props.className ? ` ${props.className}` : ''}`}>
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        value={props.value}
        inputMode={props.inputMode}
        placeholder={props.placeholder}
        aria-invalid={props.isInvalid || undefined}
        disabled={props.isDisabled}
        spellCheck={false}
        onChange={(event) => props.onChange(event.target.value)}
        data-testid={props.testId}
      />
    </span>
  );
}

/** A row of mutually exclusive choices. */
export function Choices<T extends string>(props: {
  label: string;
  options: readonly T[];
  value: T;
  isDisabled: boolean;
  name: (option: T) => string;
  onChange: (option: T) => void;
  testId: string;
}) {
  return (
    <div className="train-choice" role="group" aria-label={props.label}>
      <span className="train-choice-label">{props.label}</span>
      <div className="train-segmented">
        {props.options.map((option) => (
          <button
            key={option}
            type="button"
            className="segmented-option"
            aria-pressed={props.value === option}
            disabled={props.isDisabled}
            onClick={() => props.onChange(option)}
            data-testid={`${props.testId}-${option}`}
          >
            {props.name(option)}
          </button>
        ))}
      </div>
    </div>
  );
}

/** The form (disabled while a run is live). */
export function TrainForm(props: {
  settings: TrainSettings;
  invalid: readonly SettingsField[];
  isDisabled: boolean;
  /** Where default output folders go (`null` until `app:info` answers). */
  folder: CheckpointsFolder | null;
  onChange: (settings: TrainSettings) => void;
  actions: ReactNode;
}) {
  const { settings, invalid, isDisabled, folder, onChange } = props;
  const { t } = useTranslation();
  const isInvalid = (field: SettingsField) => invalid.includes(field);
  const plannedSteps = Math.max(1, Math.round(Number(settings.run.steps)) || 1);
  const chooseFamily = (family: TrainFamily) => {
    // A folder named after the old family would mislead; a fresh default follows the family.
    const isDefaultDir = isDefaultOutDir(settings.outDir, folder);
    onChange({
      ...settings,
      family,
      outDir: isDefaultDir ? defaultOutDir(family, new Date(), folder) : settings.outDir,
    });
  };

  return (
    <section className="card train-form" aria-labelledby="train-form-heading">
      <h2 id="train-form-heading" className="card-title">
        {t('train.form.heading')}
      </h2>
      <Choices
        label={t('train.form.family')}
        options={families}
        value={settings.family}
        isDisabled={isDisabled}
        name={(family) => t(`train.form.families.${family}`)}
        onChange={chooseFamily}
        testId="train-family"
      />
      <p className="field-hint">{t(`train.form.familyHint.${settings.family}`)}</p>
      <Choices
        label={t('train.form.size')}
        options={sizeModes}
        value={settings.sizeMode}
        isDisabled={isDisabled}
        name={(mode) => t(`train.form.sizeModes.${mode}`)}
        onChange={(sizeMode) => onChange({ ...settings, sizeMode })}
        testId="train-size"
      />
      {settings.sizeMode === 'custom' ? (
        <div className="train-grid train-grid-3">
          {sizeFields.map((field) => (
            <Field
              key={field}
              label={t(`train.form.sizes.${field}`)}
              value={settings.sizes[field]}
              isInvalid={isInvalid(field)}
              isDisabled={isDisabled}
              inputMode="numeric"
              onChange={(value) => onChange({ ...settings, sizes: { ...settings.sizes, [field]: value } })}
              testId={`train-${field}`}
            />
          ))}
        </div>
      ) : (
        <p className="field-hint">{t(`train.form.presetHint.${settings.sizeMode}`)}</p>
      )}
      <Choices
        label={t('train.form.corpus')}
        options={['brown', 'file'] as const}
        value={settings.corpus}
        isDisabled={isDisabled}
        name={(corpus) => t(`train.form.corpora.${corpus}`)}
        onChange={(corpus) => onChange({ ...settings, corpus })}
        testId="train-corpus"
      />
      {settings.corpus === 'file' ? (
        <Field
          className="train-field-wide"
          label={t('train.form.corpusPath')}
          value={settings.corpusPath}
          isInvalid={isInvalid('corpusPath')}
          isDisabled={isDisabled}
          onChange={(corpusPath) => onChange({ ...settings, corpusPath })}
          testId="train-corpus-path"
        />
      ) : null}
      <h3 className="subheading">{t('train.form.runHeading')}</h3>
      <div className="train-grid train-grid-4">
        {runFields.map((field) => (
          <Field
            key={field}
            label={t(`train.form.run.${field}`)}
            value={settings.run[field]}
            isInvalid={isInvalid(field)}
            isDisabled={isDisabled}
            inputMode={field === 'learningRate' ? 'decimal' : 'numeric'}
            onChange={(value) => onChange({ ...settings, run: { ...settings.run, [field]: value } })}
            testId={`train-${field}`}
          />
        ))}
      </div>
      <Field
        label={t('train.form.checkpointEvery')}
        value={settings.checkpointEvery}
        isInvalid={isInvalid('checkpointEvery')}
        isDisabled={isDisabled}
        inputMode="numeric"
        placeholder={t('train.form.checkpointEveryAuto', { steps: autoCheckpointEvery(plannedSteps) })}
        onChange={(checkpointEvery) => onChange({ ...settings, checkpointEvery })}
        testId="train-checkpointEvery"
      />
      <p className="field-hint">{t('train.form.checkpointEveryHint')}</p>
      <Field
        className="train-field-wide"
        label={t('train.form.outDir')}
        value={settings.outDir}
        isInvalid={isInvalid('outDir')}
        isDisabled={isDisabled}
        onChange={(outDir) => onChange({ ...settings, outDir })}
        testId="train-out-dir"
      />
      <p className="field-hint">{t('train.form.outDirHint')}</p>
      <div className="train-actions">{props.actions}</div>
    </section>
  );
}
