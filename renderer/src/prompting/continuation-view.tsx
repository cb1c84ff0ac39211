/**
 * The continuation token by token (the chosen token highlighted, with its probability) and the attention of
 * that token's query over the prompt: one chip per prompt token, coloured by weight with the viridis LUT.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { lutIndex, weightColor } from '../../../shared/charts/color';
import type { Generation } from '../../../shared/contract/model';
import { rowWeights, splitAtPrompt } from '../../../shared/prompting/newest-attention';

/** Props of {@link ContinuationView}. */
export interface ContinuationViewProps {
  generation: Generation;
}

/** Chip text stays readable: dark text on the light end of viridis, light text on the dark end. */
const lightTextBelow = 150;

/** The generated tokens and the selected token's attention over the prompt. */
export function ContinuationView({ generation }: ContinuationViewProps) {
  const { t } = useTranslation();
  const { steps } = generation;
  const [selected, setSelected] = useState(steps.length - 1);
  const [layer, setLayer] = useState<number | null>(null);
  const [head, setHead] = useState<number | 'mean'>('mean');
  const [focused, setFocused] = useState<number | null>(null);
  const step = steps[Math.min(selected, steps.length - 1)];
  const first = steps[0];
  if (!step || !first) return <p className="prompting-note">{t('prompting.nothingGenerated')}</p>;

  // Prompt tokens are keys 0…position−1 of the first generated token (`<bos>` included).
  const promptLength = first.position;
  const promptTokens = generation.tokens.input.slice(0, promptLength);
  const rows = step.decoder;
  const shownLayer = Math.min(layer ?? rows.layers - 1, rows.layers - 1);
  const weights = rowWeights(rows, shownLayer, head);
  const split = splitAtPrompt(weights, promptLength, step.query);
  const top = Math.max(...split.prompt, ...split.generated, Number.EPSILON);
  const domain = [0, top] as const;
  const chip = (token: string, weight: number, key: number, testId: string) => (
    <span
      key={key}
      className="prompting-chip"
      tabIndex={0}
      data-testid={testId}
      data-weight={weight}
      title={`${token}: ${weight}`}
      style={{
        background: weightColor('viridis', weight, domain),
        color: lutIndex(weight, domain) < lightTextBelow ? '#fff' : '#111',
      }}
      onMouseEnter={() => setFocused(key)}
      onFocus={() => setFocused(key)}
    >
      {token}
    </span>
  );
  const tokenAt = (key: number) => generation.tokens.input[key] ?? '';
  const focusedWeight = focused === null ? undefined : weights[focused];

  return (
    <div className="prompting-continuation">
      <p className="subheading">{t('prompting.continuation')}</p>
      <ol className="prompting-steps" data-testid="prompting-continuation">
        {steps.map((s, index) => (
          <li key={s.position}>
            <button
              type="button"
              className={`prompting-token${index === selected ? ' prompting-token-chosen' : ''}`}
              aria-pressed={index === selected}
              data-testid="prompting-token"
              title={t('prompting.probability', { value: (s.probability * 100).toFixed(1) })}
              onClick={() => setSelected(index)}
            >
              {s.token}
              <small>{(s.probability * 100).toFixed(0)}%</small>
            </button>
          </li>
        ))}
      </ol>
      <p className="prompting-note">{t('prompting.stoppedBy.' + generation.stoppedBy)}</p>
      {generation.unknownWords.length > 0 && (
        <p className="prompting-note" data-testid="prompting-unknown">
          {t('prompting.unknownWords', { words: generation.unknownWords.join(', ') })}
        </p>
      )}
      <p className="subheading">{t('prompting.attentionOf', { token: step.token, index: selected + 1 })}</p>
      <div className="prompting-attention-controls">
        <label>
          {t('prompting.layer')}{' '}
          <select value={shownLayer} onChange={(event) => setLayer(Number(event.target.value))}>
            {Array.from({ length: rows.layers }, (_, l) => (
              <option key={l} value={l}>
                {l /* 0-based, as in every view and the CLI's --layer */}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('prompting.head')}{' '}
          <select
            value={head}
            onChange={(event) => setHead(event.target.value === 'mean' ? 'mean' : Number(event.target.value))}
          >
            <option value="mean">{t('prompting.headMean')}</option>
            {Array.from({ length: rows.heads }, (_, h) => (
              <option key={h} value={h}>
                {h}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div
        className="prompting-chips"
        data-testid="prompting-attention"
        onMouseLeave={() => setFocused(null)}
      >
        {promptTokens.map((token, key) => chip(token, split.prompt[key] ?? 0, key, 'prompting-attn-chip'))}
        {split.generated.length > 0 && <span className="prompting-chip-divider" aria-hidden="true" />}
        {split.generated.map((weight, index) =>
          chip(tokenAt(promptLength + index), weight, promptLength + index, 'prompting-attn-generated'),
        )}
      </div>
      <p className="prompting-note" data-testid="prompting-weight" aria-live="polite">
        {focused !== null && focusedWeight !== undefined
          ? t('prompting.weight', { token: tokenAt(focused), weight: focusedWeight.toFixed(4) })
          : t('prompting.weightHint', { top: top.toFixed(3) })}
      </p>
    </div>
  );
}
