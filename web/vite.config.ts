/**
 * Build of the web front end: root `web/`, output `web/dist` with content-hashed files under
 * `assets/` (served immutable; `index.html` is not cached). `config.json` is not built: the
 * host (CloudFront, or the sandbox's web server) serves it.
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsDir: 'assets',
    sourcemap: false,
    target: 'es2022',
    // ECharts (line and bar charts, grid, tooltip, SVG renderer) is about 520 kB minified, 180 kB
    // gzipped: its own chunk, loaded with the analyst screen only (never by the customer screens),
    // and cached across releases of the app's own code.
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [{ name: 'echarts', test: /[\\/]node_modules[\\/](echarts|zrender|tslib)[\\/]/ }],
        },
      },
    },
  },
});
