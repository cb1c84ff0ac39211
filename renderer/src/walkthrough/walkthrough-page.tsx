/**
 * The Walkthrough place: the chapter as steps a teacher presents — the numbered steps, the live stage of the
 * current one with its narration in the UI language, "Try it in the lab", the file toolbar and the editor, and
 * presenter mode (full screen, large type, high contrast, keyboard, counter, speaker notes). The walkthrough is
 * the chapter's unless the teacher edited or opened another; the current step survives a language switch and a
 * visit to another screen.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LabApi } from '../../../shared/contract/api';
import { chapterWalkthrough } from '../../../shared/walkthrough/chapter';
import { localize } from '../../../shared/walkthrough/parse';
import type { Walkthrough, WalkthroughLanguage } from '../../../shared/walkthrough/schema';
import { PlaceGlyph } from '../shell/place-glyph';
import type { PlaceId } from '../shell/places';
import { useColorScheme } from '../views/use-color-scheme';
import { useDisplayPrefs } from '../views/view-settings';
import { PresenterBar } from './presenter-bar';
import type { PresenterAction } from './presenter-keys';
import { usePresenterKeys } from './presenter-keys';
import { StepList } from './step-list';
import { StepNotes, StepSlide } from './step-slide';
import { usePresenter } from './use-fullscreen';
import { WalkthroughEditor } from './walkthrough-editor';
import { rememberWalkthrough, startingWalkthrough } from './walkthrough-store';
import { WalkthroughToolbar } from './walkthrough-toolbar';
import './walkthrough.css';
import './presenter.css';

/** What the page was left with (for this session): the step and the presenter's display choices. */
const memory = { stepId: null as string | null, isHighContrast: false, isNotesOpen: false };

/** The page; `onNavigate` opens the screen a step links to. */
export function WalkthroughPage({ api, onNavigate }: { api: LabApi; onNavigate: (place: PlaceId) => void }) {
  const { t, i18n } = useTranslation();
  const language: WalkthroughLanguage = i18n.resolvedLanguage === 'id' ? 'id' : 'en';
  const [start] = useState(startingWalkthrough);
  const [walkthrough, setWalkthrough] = useState<Walkthrough>(start.walkthrough);
  const [isEdited, setEdited] = useState(start.isEdited);
  const [isEditing, setEditing] = useState(false);
  const [stepId, setStepId] = useState(memory.stepId);
  const [isNotesOpen, setNotesOpen] = useState(memory.isNotesOpen);
  const [isHighContrast, setHighContrast] = useState(memory.isHighContrast);
  const [prefs] = useDisplayPrefs();
  const systemTheme = useColorScheme();
  const rootRef = useRef<HTMLElement>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  const presenter = usePresenter(rootRef);

  const steps = walkthrough.steps;
  const found = steps.findIndex((step) => step.id === stepId);
  const current = found < 0 ? 0 : found;
  const step = steps[current] ?? steps[0];
  if (!step) throw new Error('A walkthrough has at least one step');

  const go = (index: number) => {
    const next = steps[Math.max(0, Math.min(steps.length - 1, index))];
    if (!next) return;
    memory.stepId = next.id;
    setStepId(next.id);
  };
  const change = (next: Walkthrough) => {
    // The current step renamed (its id edited) or removed: stay at the same place, not back at step 1.
    if (!next.steps.some((s) => s.id === step.id)) {
      const same = next.steps[Math.min(current, next.steps.length - 1)];
      memory.stepId = same?.id ?? null;
      setStepId(memory.stepId);
    }
    setWalkthrough(next);
    setEdited(true);
    rememberWalkthrough(next);
  };
  const restore = () => {
    setWalkthrough(chapterWalkthrough());
    setEdited(false);
    rememberWalkthrough(null);
  };
  const toggleNotes = () => setNotesOpen((isOpen) => (memory.isNotesOpen = !isOpen));
  const toggleContrast = () => setHighContrast((isOn) => (memory.isHighContrast = !isOn));
  const navigate = (place: PlaceId) => {
    presenter.exit();
    onNavigate(place);
  };
  const onAction = (action: PresenterAction) => {
    if (action.type === 'go') go(action.step);
    else if (action.type === 'notes') toggleNotes();
    else if (action.type === 'exit') presenter.exit();
    else if (!isEditing) presenter.enter();
  };
  useEffect(() => {
    bodyRef.current?.scrollTo?.(0, 0); // presenting, the body scrolls: each step starts at its top
  }, [step.id]);
  usePresenterKeys({ current, count: steps.length, isPresenting: presenter.isPresenting, onAction });
  // Leaving presenter mode (Esc, the bar, the browser) puts the focus back on Present.
  const presentRef = useRef<HTMLButtonElement>(null);
  const wasPresenting = useRef(presenter.isPresenting);
  useEffect(() => {
    if (wasPresenting.current && !presenter.isPresenting) presentRef.current?.focus();
    wasPresenting.current = presenter.isPresenting;
  }, [presenter.isPresenting]);

  const isPresenting = presenter.isPresenting;
  // Presenting: large type, and the charts in the high-contrast theme (white on black) when it is on.
  const shownPrefs = isPresenting ? { ...prefs, isLargeType: true } : prefs;
  const theme = isPresenting && isHighContrast ? 'contrast' : systemTheme;
  const classes = [
    'walkthrough-page',
    isPresenting ? 'is-presenting' : '',
    isPresenting && isHighContrast ? 'is-high-contrast' : '',
  ];
  return (
    <article
      ref={rootRef}
      className={classes.filter(Boolean).join(' ')}
      data-testid="walkthrough-page"
      data-presenting={isPresenting}
      lang={language}
    >
      {!isPresenting && (
        <>
          <header className="place-header">
            <PlaceGlyph place="walkthrough" className="place-header-glyph" />
            <div>
              <p className="kicker">{t('places.walkthrough.kicker')}</p>
              <h1 className="place-title">{t('nav.walkthrough')}</h1>
            </div>
          </header>
          <p className="place-summary walkthrough-title">{localize(walkthrough.title, language)}</p>
          <p className="place-description">{t('walkthrough.intro')}</p>
          {start.problem && !isEdited && (
            <p className="walkthrough-warning" role="status">
              {t('walkthrough.storedUnreadable', { message: start.problem.message })}
            </p>
          )}
          <div className="walkthrough-actions">
            <button
              ref={presentRef}
              type="button"
              className="button walkthrough-present"
              onClick={presenter.enter}
              title={t('walkthrough.presentHint')}
              data-testid="walkthrough-present"
            >
              ▶ {t('walkthrough.present')}
            </button>
            <button
              type="button"
              className="button"
              aria-pressed={isEditing}
              onClick={() => setEditing((is) => !is)}
              title={t('walkthrough.editHint')}
              data-testid="walkthrough-edit"
            >
              {t('walkthrough.edit')}
            </button>
            <button type="button" className="button" aria-pressed={isNotesOpen} onClick={toggleNotes}>
              {t('walkthrough.notesToggle')}
            </button>
            {/* H4b's file toolbar: save, open, duplicate, export slides. */}
            <WalkthroughToolbar api={api} walkthrough={walkthrough} onLoad={change} />
          </div>
          {isEdited && (
            <p className="walkthrough-edited" role="status">
              {t('walkthrough.edited')}{' '}
              <button type="button" className="button" onClick={restore} data-testid="walkthrough-restore">
                {t('walkthrough.restore')}
              </button>
            </p>
          )}
          {/* H4b's editor, in Edit mode. */}
          {isEditing && (
            <WalkthroughEditor
              walkthrough={walkthrough}
              onChange={change}
              onClose={() => setEditing(false)}
            />
          )}
        </>
      )}
      {isPresenting && presenter.isRefused && (
        <p className="walkthrough-refused" role="status">
          {t('walkthrough.fullscreenRefused')}
        </p>
      )}
      <div className="walkthrough-body" ref={bodyRef}>
        {!isPresenting && <StepList steps={steps} current={current} language={language} onSelect={go} />}
        <StepSlide
          api={api}
          step={step}
          index={current}
          total={steps.length}
          language={language}
          prefs={shownPrefs}
          theme={theme}
          isNotesOpen={isNotesOpen && !isPresenting}
          isPresenting={isPresenting}
          onNavigate={navigate}
        />
      </div>
      {/* Presenting, the notes sit above the bar, visible whatever the step shows. */}
      {isPresenting && isNotesOpen && <StepNotes step={step} language={language} />}
      {isPresenting && (
        <PresenterBar
          current={current}
          total={steps.length}
          isNotesOpen={isNotesOpen}
          isHighContrast={isHighContrast}
          onGo={go}
          onNotes={toggleNotes}
          onHighContrast={toggleContrast}
          onExit={presenter.exit}
        />
      )}
      {!isPresenting && <p className="muted walkthrough-keys">{t('walkthrough.keys')}</p>}
    </article>
  );
}
