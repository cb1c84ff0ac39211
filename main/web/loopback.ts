/** The web host's bind rule: it serves this computer only, so it may listen on a loopback address and nothing else. */
import { isIPv4 } from 'node:net';
import { LabError } from '../../shared/contract/errors';

const ipv6Loopbacks = new Set(['::1', '0:0:0:0:0:0:0:1', '[::1]']);

/** Is `host` a loopback name or address (`localhost`, 127.0.0.0/8, `::1`)? */
export function isLoopback(host: string): boolean {
  const name = host.trim().toLowerCase();
  if (name === 'localhost' || ipv6Loopbacks.has(name)) return true;
  return isIPv4(name) && name.startsWith('127.');
}

/** Throws a typed error unless `host` is loopback: the token alone must never guard a server open to the network. */
export function assertLoopback(host: string): string {
  if (!isLoopback(host)) {
    throw new LabError(
      'invalid-argument',
      `The web host only listens on this computer (127.0.0.1, ::1 or localhost), not on "${host.slice(0, 64)}".`,
    );
  }
  return host;
}
