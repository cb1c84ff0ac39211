/** The numbered list of a walkthrough's steps: titles in the UI language, the kind of view, the current one marked. */
import { useTranslation } from 'react-i18next';
import { localize } from '../../../shared/walkthrough/parse';
import type { WalkthroughLanguage, WalkthroughStep } from '../../../shared/walkthrough/schema';

/** Props of {@link StepList}. */
export interface StepListProps {
  steps: readonly WalkthroughStep[];
  current: number;
  language: WalkthroughLanguage;
  onSelect: (index: number) => void;
}

/** The steps as buttons; the current one is `aria-current`. */
export function StepList({ steps, current, language, onSelect }: StepListProps) {
  const { t } = useTranslation();
  return (
    <nav className="card walkthrough-steps" aria-label={t('walkthrough.steps')}>
      <h2 className="walkthrough-steps-title">{t('walkthrough.steps')}</h2>
      <ol className="walkthrough-step-list">
        {steps.map((step, index) => (
          <li key={step.id}>
            <button
              type="button"
              className="walkthrough-step-button"
              aria-current={index === current ? 'step' : undefined}
              onClick={() => onSelect(index)}
              data-testid={`walkthrough-step-${index + 1}`}
            >
              <span className="walkthrough-step-number">{index + 1}</span>
              <span className="walkthrough-step-name">
                {localize(step.title, language)}
                <span className={`walkthrough-step-kind walkthrough-kind-${step.kind}`}>
                  {t(`walkthrough.kind.${step.kind}`)}
                </span>
              </span>
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}
