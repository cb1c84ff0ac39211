// Bundles the Node-side entry points with esbuild. npm packages stay external (resolved from node_modules at run
// time, so TF.js finds its .wasm files); the sandboxed preload is bundled whole because it may only require electron.
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: true, logLevel: 'warning' };

await Promise.all([
  build({
    ...common,
    entryPoints: ['main/electron/main.ts'],
    outfile: 'dist/main/electron.cjs',
    format: 'cjs',
    packages: 'external',
  }),
  build({
    ...common,
    entryPoints: ['main/preload/preload.ts'],
    outfile: 'dist/main/preload.cjs',
    format: 'cjs',
    external: ['electron'],
  }),
  build({
    ...common,
    entryPoints: ['main/engine/entry.ts'],
    outfile: 'dist/main/engine.mjs',
    format: 'esm',
    packages: 'external',
  }),
  build({
    ...common,
    entryPoints: ['main/web/host-entry.ts'],
    outfile: 'dist/main/web-host.mjs',
    format: 'esm',
    packages: 'external',
  }),
]);
console.log('built dist/main (electron, preload, engine, web host)');
