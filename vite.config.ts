// Vite configuration: a relative base so the production build works from any sub-folder of a static host.
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

// Offline (issue 14 item 6; docs/lms.md): a Workbox service worker precaches the built game (code, levels,
// strings, images, both sound formats) so that after one visit it works without a network. `prompt`:
// a new build waits until the player accepts the "update available" prompt (src/lms/offline.ts registers
// it). The cmi5 client's chunk is left out: it needs the LRS, hence the network, anyway. LMS packages
// (`npm run build:lms`) are built without a service worker (KC_NO_SERVICE_WORKER=1).
const offline = VitePWA({
  disable: process.env.KC_NO_SERVICE_WORKER === '1',
  registerType: 'prompt',
  injectRegister: false,
  manifest: false,
  workbox: {
    globPatterns: ['**/*.{js,css,html,svg,png,webm,mp3,json}'],
    globIgnores: ['**/Cmi5*.js'],
    cleanupOutdatedCaches: true,
    navigateFallback: 'index.html',
  },
});

export default defineConfig({
  base: './',
  plugins: [offline],
  build: {
    target: 'es2022',
    // Never inline assets as data: URIs. Phaser's loader reads a data: SVG as base64 and fails on the
    // URL-encoded form Vite makes (in `npm start` the logo would never load); files also cache better.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 2000,
  },
  server: { host: '127.0.0.1' },
});
