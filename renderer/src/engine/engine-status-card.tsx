/**
 * The engine at a glance: its state, the backend in use and the device, every backend tried (and why a faster one
 * did not load), restarts and the supervisor's message after a crash, and a round-trip check.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LabApi } from '../../../shared/contract/api';
import type { EngineStatus } from '../../../shared/contract/engine';
import type { ConnectionState } from '../api/web-socket-api';
import { useReportError } from '../errors/error-presenter';

/** A status pill: a dot and the state's name. */
export function EngineStatePill({ status }: { status: EngineStatus | null }) {
  const { t } = useTranslation();
  const state = status?.state ?? 'starting';
  return (
    <span className={`pill pill-${state}`} data-testid="engine-state">
      <span className="pill-dot" aria-hidden="true" />
      {t(`engine.state.${state}`)}
    </span>
  );
}

/** The engine card of the first screen. */
export function EngineStatusCard(props: {
  api: LabApi;
  status: EngineStatus | null;
  connection: ConnectionState;
}) {
  const { api, status, connection } = props;
  const { t } = useTranslation();
  const report = useReportError();
  const [ping, setPing] = useState<{ ms: number; pid: number } | 'pending' | null>(null);

  const checkEngine = () => {
    setPing('pending');
    const startedAt = performance.now();
    api
      .invoke('engine:ping', { nonce: String(Date.now()) })
      .then(({ pid }) => setPing({ ms: Math.round(performance.now() - startedAt), pid }))
      .catch((error: unknown) => {
        setPing(null);
        report(error);
      });
  };

  return (
    <section className="card engine-card" aria-labelledby="engine-heading">
      <header className="card-header">
        <h2 id="engine-heading" className="card-title">
          {t('engine.heading')}
        </h2>
        <EngineStatePill status={status} />
      </header>
      {connection === 'closed' ? (
        <p className="callout callout-warning">{t('engine.connectionLost')}</p>
      ) : null}
      {status?.message ? <p className="callout callout-warning">{status.message}</p> : null}
      {status ? <EngineFacts status={status} /> : <p className="muted">{t('engine.waiting')}</p>}
      <div className="engine-actions">
        <button type="button" className="button" onClick={checkEngine} disabled={ping === 'pending'}>
          {ping === 'pending' ? t('engine.pinging') : t('engine.ping')}
        </button>
        {ping && ping !== 'pending' ? (
          <span className="muted" role="status">
            {t('engine.pong', { ms: ping.ms, pid: ping.pid })}
          </span>
        ) : null}
      </div>
    </section>
  );
}

/** The reason's first clause ("not installed"); the technical rest stays in the tooltip and the log. */
function shortReason(reason: string | null): string {
  const text = reason ?? '';
  const cut = text.indexOf(' (');
  return cut > 0 ? text.slice(0, cut) : text;
}

function EngineFacts({ status }: { status: EngineStatus }) {
  const { t } = useTranslation();
  return (
    <>
      <dl className="facts">
        <div>
          <dt>{t('engine.backend')}</dt>
          <dd data-testid="engine-backend">
            {status.backend ? (
              <>
                <code className="backend-name">{status.backend}</code>{' '}
                <span className="muted">{t(`engine.backendName.${status.backend}`)}</span>
              </>
            ) : (
              '—'
            )}
          </dd>
        </div>
        <div>
          <dt>{t('engine.device')}</dt>
          <dd>{status.device ?? '—'}</dd>
        </div>
        <div>
          <dt>{t('engine.tfjs')}</dt>
          <dd>{status.tfjsVersion ?? '—'}</dd>
        </div>
        <div>
          <dt>{t('engine.restarts')}</dt>
          <dd>{status.restarts}</dd>
        </div>
      </dl>
      {status.attempts.length > 0 ? (
        <>
          <h3 className="subheading">{t('engine.attempts')}</h3>
          <ol className="attempts">
            {status.attempts.map((attempt) => (
              <li
                key={attempt.backend}
                className={attempt.loaded ? 'attempt attempt-loaded' : 'attempt attempt-skipped'}
              >
                <span className="attempt-mark" aria-hidden="true">
                  {attempt.loaded ? '✓' : '–'}
                </span>
                <span className="attempt-text">
                  <code>{attempt.backend}</code> <span className="muted">{attempt.source}</span>
                  <span className="attempt-reason" title={attempt.reason ?? undefined}>
                    {attempt.loaded
                      ? t('engine.loaded', { ms: Math.round(attempt.elapsedMs) })
                      : `${t('engine.notLoaded')}: ${shortReason(attempt.reason)}`}
                  </span>
                </span>
              </li>
            ))}
          </ol>
        </>
      ) : null}
      {status.backend !== 'tensorflow' && status.backend !== null ? (
        <p className="hint">{t('engine.hint')}</p>
      ) : null}
    </>
  );
}
