/**
 * The one place errors reach the user: a stack of notices, each with a student-readable title and explanation
 * chosen by the error's code and the technical details one click away. Anything reported through
 * `useReportError()` — and any typed error nobody caught — lands here.
 */
import { createContext, useCallback, useContext, useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { LabError } from '../../../shared/contract/errors';
import { maxMessageBytes } from '../../../shared/contract/wire';
import { asLabError } from './as-lab-error';

interface Notice {
  key: number;
  error: LabError;
  count: number;
}

const ReportContext = createContext<(error: unknown) => void>(() => {});
const maxNotices = 4;
let nextKey = 1;

/** The function that shows an error to the user. */
export function useReportError(): (error: unknown) => void {
  return useContext(ReportContext);
}

/** Provides `useReportError()` to its children and shows the notices. */
export function ErrorPresenter({ children }: { children: ReactNode }) {
  const [notices, setNotices] = useState<Notice[]>([]);

  const report = useCallback((reason: unknown) => {
    const error = asLabError(reason);
    if (error.code === 'internal') console.error('[attention-lab]', reason);
    setNotices((current) => {
      const same = current.find((n) => n.error.code === error.code && n.error.message === error.message);
      if (same) return current.map((n) => (n === same ? { ...n, count: n.count + 1 } : n));
      return [...current, { key: nextKey++, error, count: 1 }].slice(-maxNotices);
    });
  }, []);

  useEffect(() => {
    // A typed error nobody handled still deserves an explanation rather than silence.
    const onUnhandled = (event: PromiseRejectionEvent) => {
      event.preventDefault();
      report(event.reason);
    };
    window.addEventListener('unhandledrejection', onUnhandled);
    return () => window.removeEventListener('unhandledrejection', onUnhandled);
  }, [report]);

  const dismiss = useCallback(
    (key: number) => setNotices((current) => current.filter((n) => n.key !== key)),
    [],
  );
  return (
    <ReportContext.Provider value={report}>
      {children}
      <NoticeStack notices={notices} onDismiss={dismiss} />
    </ReportContext.Provider>
  );
}

function NoticeStack({ notices, onDismiss }: { notices: Notice[]; onDismiss: (key: number) => void }) {
  const { t } = useTranslation();
  return (
    <section className="notices" aria-label={t('presenter.region')} aria-live="assertive">
      {notices.map(({ key, error, count }) => (
        <div
          className={`notice notice-${error.code === 'internal' ? 'bug' : 'expected'}`}
          role="alert"
          key={key}
        >
          <div className="notice-text">
            <p className="notice-title">
              {t(`errors.${error.code}.title`)}
              {count > 1 ? <span className="notice-count"> ×{count}</span> : null}
            </p>
            <p className="notice-body">
              {t(`errors.${error.code}.body`, { megabytes: maxMessageBytes / (1024 * 1024) })}
            </p>
            <details className="notice-details">
              <summary>{t('presenter.details')}</summary>
              <p>
                {t('presenter.code')}: <code className="notice-code">{error.code}</code>
              </p>
              {error.message ? <p className="notice-message">{error.message}</p> : null}
            </details>
          </div>
          <button
            type="button"
            className="notice-dismiss"
            onClick={() => onDismiss(key)}
            aria-label={t('presenter.dismiss')}
            title={t('presenter.dismiss')}
          >
            <svg viewBox="0 0 16 16" aria-hidden="true" className="icon">
              <path d="M4 4l8 8M12 4l-8 8" />
            </svg>
          </button>
        </div>
      ))}
    </section>
  );
}
