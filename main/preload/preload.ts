/**
 * The preload: the only user of `ipcRenderer`. It exposes exactly one object, `window.attentionLab` (a
 * `LabApi`), to the sandboxed renderer; lab-api.ts holds the logic.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { z } from 'zod';
import { createLabApi, labApiGlobalName } from './lab-api';

// zod probes `new Function` before its first parse; under the app's CSP (no 'unsafe-eval') that probe is
// refused and reported as a CSP violation even though zod falls back. Jitless skips the probe.
z.config({ jitless: true });

contextBridge.exposeInMainWorld(labApiGlobalName, createLabApi(ipcRenderer));
