#!/usr/bin/env node
// The `attention-lab` command. Runs the TypeScript sources through tsx, so it works straight after `npm ci`.
import { register } from 'tsx/esm/api';

register();
// A reader that stops early (`attention-lab … | head`) closes the pipe: that is not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});
const { main } = await import('./index.ts');
process.exitCode = await main(process.argv.slice(2));
