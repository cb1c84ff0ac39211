/** The engine's status as React state: fetched once, then kept current by `engine:onStatus` events. */
import { useEffect, useState } from 'react';
import type { LabApi } from '../../../shared/contract/api';
import type { EngineStatus } from '../../../shared/contract/engine';
import type { ConnectionState } from '../api/web-socket-api';
import { webConnection } from '../api/get-lab-api';
import { useReportError } from '../errors/error-presenter';

/** The current status (`null` until known) and, in a browser, whether the web host is reachable. */
export function useEngineStatus(api: LabApi): { status: EngineStatus | null; connection: ConnectionState } {
  const report = useReportError();
  const [status, setStatus] = useState<EngineStatus | null>(null);
  const [connection, setConnection] = useState<ConnectionState>('open');

  useEffect(() => {
    let isCurrent = true;
    const unsubscribe = api.on('engine:onStatus', setStatus);
    api
      .invoke('engine:status', {})
      .then((current) => isCurrent && setStatus(current))
      .catch(report);
    const stopWatching = webConnection(api)?.onConnection(setConnection);
    return () => {
      isCurrent = false;
      unsubscribe();
      stopWatching?.();
    };
  }, [api, report]);

  return { status, connection };
}
