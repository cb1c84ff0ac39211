/**
 * Electron's main entry (bundled to dist/main/electron.cjs). It only wires tested modules together: the app
 * protocol and its CSP, deny-all permissions, the window with its navigation guard, the engine supervisor,
 * the contract's IPC and the menu.
 */
import path from 'node:path';
import {
  app,
  BrowserWindow,
  clipboard,
  ClipboardItem,
  dialog,
  Menu,
  nativeImage,
  Notification,
  protocol,
  session,
  shell,
  utilityProcess,
} from 'electron';
import { writeFileAtomic } from '../engine/snapshot/write-file-atomic';
import { appInfo } from '../host/app-info';
import { createDispatcher } from '../host/dispatcher';
import { createSupervisor } from '../host/supervisor';
import { appEntryUrl } from './app-url';
import { installCsp } from './csp';
import { forkEngineProcess } from './engine-process';
import { registerLabIpc } from './ipc';
import { createFileLog } from './log-file';
import { menuTemplate } from './menu';
import { guardNavigation, isSafeExternalUrl } from './navigation';
import { denyAllPermissions } from './permissions';
import { appSchemePrivileges, serveAppProtocol } from './protocol';
import { createSnapshotHost } from './snapshot-host';
import { createTaskbarProgress } from './taskbar-progress';
import { windowOptions } from './window-options';

// The bundle lives in dist/main, next to the preload and the engine; the renderer is in dist/renderer.
const files = {
  preload: path.join(__dirname, 'preload.cjs'),
  engine: path.join(__dirname, 'engine.mjs'),
  renderer: path.join(__dirname, '..', 'renderer'),
};

// Both must happen before 'ready'.
app.enableSandbox();
protocol.registerSchemesAsPrivileged([appSchemePrivileges]);

if (!app.requestSingleInstanceLock()) {
  app.quit(); // another Attention Lab is running; it gets focused through 'second-instance'
} else {
  run();
}

function run(): void {
  const log = createFileLog(path.join(app.getPath('logs'), 'main.log'));
  const isDevToolsAllowed = !app.isPackaged;
  const openExternal = (url: string): void => {
    if (isSafeExternalUrl(url)) void shell.openExternal(url);
  };
  let window: BrowserWindow | null = null;
  let forwardEvent: (channel: unknown, payload: unknown) => void = () => {};
  const showTrainingInTaskbar = createTaskbarProgress({
    getWindow: () => window,
    notify: (title, body) => {
      if (Notification.isSupported()) new Notification({ title, body }).show();
    },
    getLocale: () => app.getLocale(),
  });

  const supervisor = createSupervisor({
    spawn: () => forkEngineProcess({ fork: utilityProcess.fork, modulePath: files.engine, log }),
    onStatus: (status) => forwardEvent('engine:onStatus', status),
    onEvent: (channel, payload) => {
      forwardEvent(channel, payload);
      showTrainingInTaskbar(channel, payload);
    },
    log,
  });
  const dispatch = createDispatcher({
    host: {
      'app:info': async () =>
        appInfo('electron', {
          locale: app.getLocale(),
          electron: process.versions.electron,
          chrome: process.versions.chrome,
          checkpoints: path.join(app.getPath('userData'), 'checkpoints'),
        }),
      'engine:status': async () => supervisor.status(),
      ...createSnapshotHost({
        // Modal to the window when there is one.
        showSaveDialog: (options) =>
          window ? dialog.showSaveDialog(window, options) : dialog.showSaveDialog(options),
        showOpenDialog: (options) =>
          window ? dialog.showOpenDialog(window, options) : dialog.showOpenDialog(options),
        imageSize: (png) => {
          const image = nativeImage.createFromBuffer(png);
          return image.isEmpty() ? null : image.getSize();
        },
        writeClipboardPng: (png) =>
          clipboard.write([new ClipboardItem({ 'image/png': new Blob([png], { type: 'image/png' }) })]),
        writeFileAtomic,
        defaultDir: () => app.getPath('pictures'),
      }),
    },
    engine: supervisor,
    log,
  });

  function createWindow(): BrowserWindow {
    const created = new BrowserWindow(windowOptions({ preloadPath: files.preload, isDevToolsAllowed }));
    guardNavigation(created.webContents, { openExternal, log });
    created.once('ready-to-show', () => created.show());
    created.on('closed', () => {
      if (window === created) window = null;
    });
    created.webContents.on('render-process-gone', (_event, details) =>
      log(`[window] renderer gone: ${details.reason} (exit code ${details.exitCode})`),
    );
    created
      .loadURL(appEntryUrl)
      .catch((error: unknown) => log(`[window] could not load the app: ${String(error)}`));
    return created;
  }

  app.on('second-instance', () => {
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => supervisor.stop());

  void app.whenReady().then(() => {
    const defaultSession = session.defaultSession;
    serveAppProtocol(protocol, { rootDir: files.renderer, log });
    installCsp(defaultSession);
    denyAllPermissions(defaultSession, log);
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        menuTemplate({ isMac: process.platform === 'darwin', isDevToolsAllowed, openExternal }),
      ),
    );
    forwardEvent = registerLabIpc({ getWindow: () => window, dispatch, log }).forwardEvent;
    supervisor.start();
    window = createWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) window = createWindow(); // macOS: dock icon clicked
    });
    log(`[main] Attention Lab ${app.getVersion()} started (Electron ${process.versions.electron})`);
  });
}
