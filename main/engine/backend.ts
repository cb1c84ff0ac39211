/**
 * Backend selection: tfjs-node-gpu → wasm → cpu, the first that loads wins, and every attempt is kept with the
 * reason it failed so the user always sees which backend runs and why the faster ones did not.
 */
import type { BackendAttempt, BackendName, EngineStatus } from '../../shared/contract/engine';
import { backendNames } from '../../shared/contract/engine';
import { LabError } from '../../shared/contract/errors';

/** Loads one backend and makes it current; throws with a readable reason when it cannot. */
export interface BackendLoader {
  backend: BackendName;
  /** The package that provides it. */
  source: string;
  /** Registers and activates the backend; returns a description of the device it runs on. */
  load(): Promise<string>;
}

/** What selection chose. */
export interface BackendSelection {
  backend: BackendName | null;
  device: string | null;
  attempts: BackendAttempt[];
}

/** Reads `ATTENTION_LAB_BACKEND`: a backend name forces it, anything else (or nothing) means "fastest". */
export function forcedBackend(value: string | undefined): BackendName | null {
  if (value === undefined || value === '' || value === 'auto') return null;
  const name = backendNames.find((b) => b === value);
  if (!name) {
    const allowed = ['auto', ...backendNames].join(', ');
    throw new LabError(
      'invalid-argument',
      `The setting ATTENTION_LAB_BACKEND="${value.slice(0, 40)}" is not a backend: use one of ${allowed}, ` +
        'or unset it, then restart Attention Lab.',
    );
  }
  return name;
}

/**
 * The status an engine reports when it cannot start (e.g. a bad `ATTENTION_LAB_BACKEND`): `stopped` with the
 * reason, so the host shows it once instead of restarting an engine that would fail the same way every time.
 */
export function startFailureStatus(error: unknown): EngineStatus {
  const reason =
    error instanceof LabError ? error.message : `The engine could not start: ${describeFailure(error)}`;
  return {
    state: 'stopped',
    backend: null,
    device: null,
    attempts: [],
    tfjsVersion: null,
    restarts: 0,
    message: reason,
  };
}

/** Why a loader failed, in one line a student can read. */
export function describeFailure(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const firstLine = text.split('\n').find((line) => line.trim() !== '') ?? 'unknown error';
  if (/Cannot find (module|package)/.test(text)) return `not installed (${firstLine.trim().slice(0, 200)})`;
  return firstLine.trim().slice(0, 300);
}

/** Tries each loader in order until one loads; `forced` skips all but that backend. */
export async function selectBackend(
  loaders: readonly BackendLoader[],
  options: { forced?: BackendName | null; now?: () => number } = {},
): Promise<BackendSelection> {
  const now = options.now ?? (() => performance.now());
  const attempts: BackendAttempt[] = [];
  for (const loader of loaders) {
    const { backend, source } = loader;
    if (options.forced && options.forced !== backend) {
      const reason = `skipped: ATTENTION_LAB_BACKEND=${options.forced}`;
      attempts.push({ backend, source, loaded: false, reason, elapsedMs: 0 });
      continue;
    }
    const start = now();
    try {
      const device = await loader.load();
      attempts.push({ backend, source, loaded: true, reason: null, elapsedMs: now() - start });
      return { backend, device, attempts };
    } catch (error) {
      attempts.push({
        backend,
        source,
        loaded: false,
        reason: describeFailure(error),
        elapsedMs: now() - start,
      });
    }
  }
  return { backend: null, device: null, attempts };
}
