import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { SHARED_IS_PURE, SOCKET_IO_CHUNK } from './vite.shared';

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

/** The server's routes, so `vite dev` serves the same page for the same URL as production. */
const ROUTES = [
  ['/chair/', '/chair.html'],
  ['/d/', '/delegate.html'],
  ['/p/', '/projector.html'],
] as const;

function viewRoutes(): Plugin {
  return {
    name: 'hallvote-view-routes',
    configureServer(server) {
      server.middlewares.use((req, _res, next) => {
        const route = ROUTES.find(([prefix]) => req.url?.startsWith(prefix));
        if (route) req.url = route[1];
        next();
      });
    },
  };
}

const SERVER = 'http://localhost:3000';

export default defineConfig({
  plugins: [react(), viewRoutes()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Every browser a hall phone runs today knows <link rel="modulepreload">; the polyfill would
    // cost each page half a kilobyte.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      // The laptops' pages. The phone's page is built on its own (vite.delegate.config.ts), so it
      // downloads nothing of the chair's.
      input: {
        admin: here('./index.html'),
        chair: here('./chair.html'),
        projector: here('./projector.html'),
      },
      output: {
        // Named vendor chunks: the admin page never loads socket.io, and the size report reads well.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|zustand)[\\/]/ },
            SOCKET_IO_CHUNK,
          ],
        },
      },
      treeshake: { moduleSideEffects: SHARED_IS_PURE },
    },
  },
  server: {
    proxy: {
      '/api': SERVER,
      '/socket.io': { target: SERVER, ws: true },
    },
  },
});
