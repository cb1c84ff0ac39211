import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/** The renderer bundle: one static page, relative asset URLs so both hosts can serve it. */
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: { outDir: '../dist/renderer', emptyOutDir: true, sourcemap: true, target: 'es2022' },
});
