/** Generation settings: how many tokens, greedy or sampled (temperature, top-k) and the seed. */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

/** What `generate:run` needs besides the model and the prompt. */
export interface Sampling {
  maxTokens: number;
  /** 0 = greedy. */
  temperature: number;
  /** 0 = all tokens. */
  topK: number;
  seed: number;
}

/** Greedy and short: the tiny model's context is 64 tokens, and a few-shot prompt fills much of it. */
export const defaultSampling: Sampling = { maxTokens: 6, temperature: 0, topK: 0, seed: 0 };

/** Props of {@link SamplingControls}. */
export interface SamplingControlsProps {
  sampling: Sampling;
  onSampling: (sampling: Sampling) => void;
}

/** A number field that keeps the last valid value while the user types. */
function NumberField(props: {
  label: string;
  value: number;
  min: number;
  max: number;
  step: number;
  testId: string;
  disabled?: boolean;
  onValue: (value: number) => void;
}) {
  const id = useId();
  return (
    <div className="prompting-field">
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        type="number"
        value={props.value}
        min={props.min}
        max={props.max}
        step={props.step}
        disabled={props.disabled}
        data-testid={props.testId}
        onChange={(event) => {
          const value = Number(event.target.value);
          if (event.target.value !== '' && value >= props.min && value <= props.max) props.onValue(value);
        }}
      />
    </div>
  );
}

/** Max tokens, greedy switch, temperature, top-k and seed. */
export function SamplingControls({ sampling, onSampling }: SamplingControlsProps) {
  const { t } = useTranslation();
  const isGreedy = sampling.temperature === 0;
  const set = (change: Partial<Sampling>) => onSampling({ ...sampling, ...change });
  return (
    <div className="prompting-sampling">
      <NumberField
        label={t('prompting.maxTokens')}
        value={sampling.maxTokens}
        min={1}
        max={32}
        step={1}
        testId="prompting-max-tokens"
        onValue={(maxTokens) => set({ maxTokens })}
      />
      <label className="prompting-check">
        <input
          type="checkbox"
          checked={isGreedy}
          data-testid="prompting-greedy"
          onChange={(event) => set({ temperature: event.target.checked ? 0 : 1 })}
        />
        {t('prompting.greedy')}
      </label>
      <NumberField
        label={t('prompting.temperature')}
        value={sampling.temperature}
        min={0}
        max={5}
        step={0.1}
        testId="prompting-temperature"
        disabled={isGreedy}
        onValue={(temperature) => set({ temperature })}
      />
      <NumberField
        label={t('prompting.topK')}
        value={sampling.topK}
        min={0}
        max={4096}
        step={1}
        testId="prompting-top-k"
        disabled={isGreedy}
        onValue={(topK) => set({ topK })}
      />
      <NumberField
        label={t('prompting.seed')}
        value={sampling.seed}
        min={0}
        max={2 ** 31 - 1}
        step={1}
        testId="prompting-seed"
        disabled={isGreedy}
        onValue={(seed) => set({ seed })}
      />
    </div>
  );
}
