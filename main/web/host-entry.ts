/**
 * `npm run web`: starts the web host with the built renderer and engine next to this file (`dist/main`), prints
 * the address to open and, once the engine is ready, the backend it chose. Ctrl+C stops everything.
 */
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startWebHost } from './host';
import type { WebHost } from './host';

const usage = 'Usage: node dist/main/web-host.mjs [--port N] [--host 127.0.0.1] [--no-open]';

async function main(): Promise<void> {
  // Ctrl+C also reaches the engine child: mark the host as stopping first, so nothing reads its exit as a crash.
  let host: WebHost | null = null;
  let isStopping = false;
  const stop = (signal: string) => {
    if (isStopping) return;
    isStopping = true;
    const closing = host ? host.close() : Promise.resolve(); // no host yet: no engine to stop either
    console.log(`\n${signal}: stopping the web host…`);
    void closing.then(() => process.exit(0));
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));

  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      host: { type: 'string', default: '127.0.0.1' },
      'no-open': { type: 'boolean', default: false }, // accepted for scripts; the host never opens a browser
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(usage);
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new Error(`--port must be 0–65535. ${usage}`);

  const started = await startWebHost({
    port,
    host: values.host,
    rendererDir: fileURLToPath(new URL('../renderer', import.meta.url)),
    engineEntry: fileURLToPath(new URL('./engine.mjs', import.meta.url)),
  });
  host = started;
  console.log(`Attention Lab web host: ${started.url}`);
  let lastReported = '';
  started.onStatus((status) => {
    const line =
      status.state === 'ready'
        ? `Engine ready: backend ${status.backend ?? 'none'} (${status.device ?? 'unknown device'})`
        : status.message
          ? `Engine ${status.state}: ${status.message}`
          : '';
    if (line && line !== lastReported) console.log((lastReported = line));
  });
}

main().catch((error: unknown) => {
  console.error(
    `Attention Lab web host could not start: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
});
