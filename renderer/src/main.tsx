/** Renderer entry: finds the LabApi, picks the language (OS locale in Electron, the browser's otherwise), renders. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { getLabApi, isElectron } from './api/get-lab-api';
import { ErrorPresenter } from './errors/error-presenter';
import { initI18n } from './i18n/i18n';
import './styles/base.css';
import './styles/layout.css';
import './styles/controls.css';
import './styles/overview.css';
import './styles/engine.css';
import './styles/place-view.css';
import './styles/notices.css';

async function start(): Promise<void> {
  const api = getLabApi();
  const info = isElectron ? await api.invoke('app:info', {}).catch(() => null) : null;
  await initI18n(info?.locale ?? navigator.language);
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root element');
  createRoot(root).render(
    <StrictMode>
      <ErrorPresenter>
        <App api={api} />
      </ErrorPresenter>
    </StrictMode>,
  );
}

void start();
