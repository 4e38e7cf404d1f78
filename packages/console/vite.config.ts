import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** Ward serves the built console at /console/; in development, the API runs on port 3000. */
export default defineConfig({
  base: '/console/',
  plugins: [react()],
  css: {
    preprocessorOptions: {
      scss: {
        // MOJ Frontend loads GOV.UK Frontend as "node_modules/govuk-frontend/…", relative to the repo root.
        loadPaths: [repoRoot, `${repoRoot}node_modules`],
        quietDeps: true,
      },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    modulePreload: { polyfill: false },
    // Emit assets as files, never data: URIs, so a strict Content-Security-Policy still allows them.
    assetsInlineLimit: 0,
    sourcemap: true,
  },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:3000',
      '/socket.io': { target: 'http://127.0.0.1:3000', ws: true },
    },
  },
});
