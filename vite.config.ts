// Vite configuration: a relative base so the production build works from any sub-folder of a static host.
import { defineConfig } from 'vite';

export default defineConfig({
  base: './',
  build: {
    target: 'es2022',
    // Never inline assets as data: URIs. Phaser's loader reads a data: SVG as base64 and fails on the
    // URL-encoded form Vite makes (in `npm start` the logo would never load); files also cache better.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 2000,
  },
  server: { host: '127.0.0.1' },
});
