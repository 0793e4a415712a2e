/**
 * Build of the browser tracker: one IIFE script, global `RelaisTracker`, no dependency, into
 * `web/dist/tracker/relais-tracker.js`. It sits in the front end's build output so that it is
 * deployed with it (and ignored by git, Biome and tsc like the rest of `web/dist`); run after
 * the front end's build, which empties `web/dist`.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  publicDir: false,
  logLevel: 'warn',
  build: {
    outDir: fileURLToPath(new URL('../dist/tracker', import.meta.url)),
    emptyOutDir: true,
    // Visitors' browsers, not ours: optional chaining and `??` are the newest syntax it needs.
    target: 'es2020',
    sourcemap: false,
    lib: {
      entry: fileURLToPath(new URL('src/index.ts', import.meta.url)),
      name: 'RelaisTracker',
      formats: ['iife'],
      fileName: () => 'relais-tracker.js',
    },
  },
});
