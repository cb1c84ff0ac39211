/**
 * The web host's answer to the host channels a browser does better itself: `unsupported`, with what the page
 * does instead — a download for `snapshot:save`, `navigator.clipboard` for `snapshot:copy`, a path field for
 * `dialog:chooseCheckpoint`. The renderer reads the code, not the message, and falls back.
 */
import { LabError } from '../../shared/contract/errors';
import type { HostHandlerMap } from '../host/dispatcher';

/** The channels the browser handles itself. */
export type BrowserFallbackChannel = 'snapshot:save' | 'snapshot:copy' | 'dialog:chooseCheckpoint';

function unsupported(message: string): () => Promise<never> {
  return () => Promise.reject(new LabError('unsupported', message));
}

/** Handlers that send the page to its own fallback. */
export const browserFallbacks: Pick<HostHandlerMap, BrowserFallbackChannel> = {
  'snapshot:save': unsupported('In the browser, snapshots are saved as downloads.'),
  'snapshot:copy': unsupported('In the browser, the page copies snapshots with navigator.clipboard.'),
  'dialog:chooseCheckpoint': unsupported('In the browser, type the checkpoint folder’s path instead.'),
};
