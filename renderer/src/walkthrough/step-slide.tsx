/**
 * One step as the class sees it: the counter and title, the narration in the UI language, the live stage,
 * "Try it in the lab" for the screen the step links to, and (when opened) the teacher's speaker notes.
 * Presenting, the slide fills the screen above the notes panel and the presenter bar.
 */
import { useTranslation } from 'react-i18next';
import type { ThemeName } from '../../../shared/charts/color';
import type { LabApi } from '../../../shared/contract/api';
import { localize } from '../../../shared/walkthrough/parse';
import type { WalkthroughLanguage, WalkthroughStep } from '../../../shared/walkthrough/schema';
import type { PlaceId } from '../shell/places';
import type { DisplayPrefs } from '../views/view-settings';
import { StepStage } from './step-stage';

/** Props of {@link StepSlide}. */
export interface StepSlideProps {
  api: LabApi;
  step: WalkthroughStep;
  index: number;
  total: number;
  language: WalkthroughLanguage;
  prefs: DisplayPrefs;
  theme: ThemeName;
  /** The notes under the slide (on the page; presenting, the page shows them in a panel of their own). */
  isNotesOpen: boolean;
  isPresenting?: boolean;
  onNavigate: (place: PlaceId) => void;
}

/** The teacher's speaker notes of `step` (or a line saying it has none). */
export function StepNotes({ step, language }: { step: WalkthroughStep; language: WalkthroughLanguage }) {
  const { t } = useTranslation();
  const notes = step.notes ? localize(step.notes, language) : null;
  return (
    <aside className="walkthrough-notes" data-testid="walkthrough-notes" aria-label={t('walkthrough.notes')}>
      <h3 className="walkthrough-notes-title">{t('walkthrough.notes')}</h3>
      <p>{notes ?? t('walkthrough.noNotes')}</p>
    </aside>
  );
}

/** The slide of `step`. */
export function StepSlide(props: StepSlideProps) {
  const { step, language } = props;
  const { t } = useTranslation();
  return (
    <section
      className="walkthrough-slide"
      aria-labelledby="walkthrough-step-title"
      data-testid="walkthrough-slide"
      data-kind={step.kind}
    >
      <header className="walkthrough-slide-header">
        <p className="walkthrough-counter" data-testid="walkthrough-counter">
          <span className="walkthrough-visually-hidden">
            {t('walkthrough.stepOf', { step: props.index + 1, total: props.total })}
          </span>
          <span aria-hidden="true">
            {t('walkthrough.counter', { step: props.index + 1, total: props.total })}
          </span>
        </p>
        <h2 className="walkthrough-step-title" id="walkthrough-step-title">
          {localize(step.title, language)}
        </h2>
      </header>
      {step.kind !== 'text' && (
        <p className="walkthrough-narration" data-testid="walkthrough-narration">
          {localize(step.narration, language)}
        </p>
      )}
      <StepStage
        // Edited step data remounts the view (its inputs start from the step); a language switch does not.
        key={JSON.stringify(step)}
        api={props.api}
        step={step}
        language={language}
        prefs={props.prefs}
        theme={props.theme}
        isPresenting={props.isPresenting ?? false}
      />
      {step.link && (
        <p className="walkthrough-link-row">
          <button
            type="button"
            className="button walkthrough-link"
            onClick={() => step.link && props.onNavigate(step.link)}
            data-testid="walkthrough-link"
          >
            {t('walkthrough.tryInLab', { place: t(`nav.${step.link}`) })} →
          </button>
        </p>
      )}
      {props.isNotesOpen && <StepNotes step={step} language={language} />}
    </section>
  );
}
