/**
 * The renderer's `LabApi` over Electron IPC, built from an injected `ipcRenderer` so it can be tested without
 * Electron. Only contract channels pass; results are unwrapped; listeners never see an `IpcRendererEvent`.
 *
 * What the renderer receives when `invoke` fails: a plain object `{ name: 'LabError', code, message }`, not an
 * `Error`. `contextBridge` copies a rejected `Error` as a bare `new Error(message)` — class and `code` are lost
 * (Electron's context bridge rebuilds native errors from their message alone) — while a plain object crosses
 * whole. It has the shape of a `WireError`, so `wireErrorSchema.safeParse(reason)` and `fromWireError` from
 * shared/contract/errors.ts turn it back into a `LabError`.
 */
import { isEventChannel, isRequestChannel } from '../../shared/contract/api';
import type {
  EventChannel,
  EventPayload,
  LabApi,
  RequestChannel,
  RequestInput,
  RequestOutput,
} from '../../shared/contract/api';
import type { ErrorCode } from '../../shared/contract/errors';
import { resultSchema } from '../../shared/contract/wire';
import { eventChannel, invokeChannel } from '../electron/ipc-channels';

/** The name of the API on `window` (`window.attentionLab`). */
export const labApiGlobalName = 'attentionLab';

/** The part of Electron's `ipcRenderer` the API uses. */
export interface RendererIpc {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

/** The value a failed `invoke` rejects with (see the module comment for why it is not an `Error`). */
export interface LabApiRejection {
  readonly name: 'LabError';
  readonly code: ErrorCode;
  readonly message: string;
}

function rejection(code: ErrorCode, message: string): LabApiRejection {
  return Object.freeze({ name: 'LabError', code, message });
}

/** Builds the API the preload exposes. */
export function createLabApi(ipc: RendererIpc): LabApi {
  const listeners = new Map<EventChannel, Set<(payload: unknown) => void>>();

  ipc.on(eventChannel, (_event, channel, payload) => {
    if (!isEventChannel(channel)) return;
    for (const listener of [...(listeners.get(channel) ?? [])]) {
      // One bad listener must not starve the rest.
      try {
        listener(payload);
      } catch (error) {
        console.error(`[attentionLab] a listener of ${channel} threw:`, error);
      }
    }
  });

  async function invoke<C extends RequestChannel>(
    channel: C,
    input: RequestInput<C>,
  ): Promise<RequestOutput<C>> {
    if (!isRequestChannel(channel)) {
      throw rejection('unknown-channel', `Unknown request channel: ${String(channel).slice(0, 64)}`);
    }
    let raw: unknown;
    try {
      raw = await ipc.invoke(invokeChannel, channel, input);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      // Electron refuses inputs that are not structured-cloneable (functions, DOM nodes) before sending.
      const isCloneError = /could not be cloned/i.test(message);
      throw rejection(isCloneError ? 'invalid-payload' : 'internal', message);
    }
    const result = resultSchema.safeParse(raw);
    if (!result.success) throw rejection('internal', `The app answered ${channel} with a malformed result.`);
    if (!result.data.ok) throw rejection(result.data.error.code, result.data.error.message);
    return result.data.value as RequestOutput<C>;
  }

  function on<C extends EventChannel>(channel: C, listener: (payload: EventPayload<C>) => void): () => void {
    if (!isEventChannel(channel)) throw new Error(`Unknown event channel: ${String(channel).slice(0, 64)}`);
    // One entry per call, so subscribing the same listener twice needs two unsubscribes.
    const entry = (payload: unknown): void => listener(payload as EventPayload<C>);
    const entries = listeners.get(channel) ?? new Set();
    entries.add(entry);
    listeners.set(channel, entries);
    return () => {
      entries.delete(entry);
    };
  }

  return { invoke, on };
}
