/**
 * Presenter mode's controls, along the bottom of the screen: back, the step counter, forward, speaker notes,
 * high contrast, the language switch (it takes effect at once, on the same step) and leave.
 */
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../shell/language-switch';

/** Props of {@link PresenterBar}. */
export interface PresenterBarProps {
  current: number;
  total: number;
  isNotesOpen: boolean;
  isHighContrast: boolean;
  onGo: (step: number) => void;
  onNotes: () => void;
  onHighContrast: () => void;
  onExit: () => void;
}

/** The bar; every control also has a key (see `presenter-keys.ts`). */
export function PresenterBar(props: PresenterBarProps) {
  const { current, total } = props;
  const { t } = useTranslation();
  return (
    <div
      className="presenter-bar"
      role="toolbar"
      aria-label={t('walkthrough.presenterBar')}
      // A mouse click does not move the focus into the bar, so Space still turns the page afterwards.
      onMouseDown={(event) => {
        if ((event.target as HTMLElement).closest('button')) event.preventDefault();
      }}
    >
      <button
        type="button"
        className="button presenter-arrow"
        onClick={() => props.onGo(current - 1)}
        disabled={current === 0}
        aria-label={t('walkthrough.previous')}
        title={t('walkthrough.previous')}
      >
        ←
      </button>
      <span className="presenter-counter" data-testid="presenter-counter" aria-live="polite">
        {t('walkthrough.counter', { step: current + 1, total })}
      </span>
      <button
        type="button"
        className="button presenter-arrow"
        onClick={() => props.onGo(current + 1)}
        disabled={current >= total - 1}
        aria-label={t('walkthrough.next')}
        title={t('walkthrough.next')}
      >
        →
      </button>
      <span className="presenter-spacer" />
      <button type="button" className="button" aria-pressed={props.isNotesOpen} onClick={props.onNotes}>
        {t('walkthrough.notesToggle')}
      </button>
      <button
        type="button"
        className="button"
        aria-pressed={props.isHighContrast}
        onClick={props.onHighContrast}
        data-testid="presenter-contrast"
      >
        {t('walkthrough.contrast')}
      </button>
      <LanguageSwitch />
      <button type="button" className="button" onClick={props.onExit} data-testid="presenter-exit">
        {t('walkthrough.exit')}
      </button>
    </div>
  );
}
