// The phone's page, built on its own after the laptops' pages (same dist/), with Preact's React
// compatibility layer in place of react-dom: the same components, 10 KB of runtime instead of 66,
// for the first load over crowded hall Wi-Fi. Component tests render these components with React;
// the end-to-end tests drive this build.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { SHARED_IS_PURE, SOCKET_IO_CHUNK } from './vite.shared';

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: [
      { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
      { find: /^react\/jsx-runtime$/, replacement: 'preact/compat/jsx-runtime' },
      { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/compat/jsx-dev-runtime' },
      { find: /^react-dom$/, replacement: 'preact/compat' },
      { find: /^react$/, replacement: 'preact/compat' },
    ],
  },
  build: {
    outDir: 'dist',
    // The laptops' build ran first into the same directory.
    emptyOutDir: false,
    // The size report reads it to find everything the delegate page loads.
    manifest: '.vite/delegate-manifest.json',
    modulePreload: { polyfill: false },
    rolldownOptions: {
      input: { delegate: here('./delegate.html') },
      output: {
        codeSplitting: {
          groups: [{ name: 'preact', test: /node_modules[\\/](preact|zustand)[\\/]/ }, SOCKET_IO_CHUNK],
        },
      },
      treeshake: { moduleSideEffects: SHARED_IS_PURE },
    },
  },
});
