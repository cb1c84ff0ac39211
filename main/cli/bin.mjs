#!/usr/bin/env node
// The `attention-lab` command. Runs the TypeScript sources through tsx, so it works straight after `npm ci`.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./index.ts');
process.exitCode = await main(process.argv.slice(2));
