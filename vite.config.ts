// Vite configuration: a relative base so the production build works from any sub-folder of a static host.
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
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

// The game's first load is the entry script (index.html's), the game's code (src/main.ts) and at most one
// chunk of code that code shares with the chunks loaded later (tests/e2e/loading.test.ts). Left alone,
// Rolldown makes one chunk per set of later chunks that share a module: since the teacher's page
// (src/teacher, loaded from src/main.ts for ?mode=classroom without a join link) verifies codes with the
// engine, the levels, strings, costs and compression the game shares with it and the engine screens came out
// as three chunks the game's first load waited for. This group puts every module that src/main.ts imports
// statically (so the first load needs it anyway) and that a later chunk imports too into one chunk. Never
// Vite's preload helper: the entry script would then wait for that chunk before the loading screen.
function sharedWithFirstLoad(): { plugin: Plugin; test: (id: string) => boolean } {
  const shared = new Set<string>();
  const plugin: Plugin = {
    name: 'kc-shared-with-first-load',
    apply: 'build',
    buildEnd() {
      const info = (id: string) => this.getModuleInfo(id);
      const closure = (start: string): Set<string> => {
        const seen = new Set<string>();
        const stack = [start];
        while (stack.length > 0) {
          const id = stack.pop() as string;
          if (seen.has(id)) continue;
          seen.add(id);
          stack.push(...(info(id)?.importedIds ?? []));
        }
        return seen;
      };
      const ids = [...this.getModuleIds()];
      const main = ids.find((id) => /[\\/]src[\\/]main\.ts$/.test(id));
      shared.clear();
      if (!main) return;
      const firstLoad = closure(main);
      const later = new Set(ids.flatMap((id) => info(id)?.dynamicallyImportedIds ?? []).filter((id) => id !== main));
      for (const entry of later) {
        for (const id of closure(entry)) if (firstLoad.has(id) && id !== main && !id.includes('vite/preload-helper')) shared.add(id);
      }
    },
  };
  return { plugin, test: (id) => shared.has(id) };
}
const firstLoadShared = sharedWithFirstLoad();

// Phaser from its own sources, without what the game never uses (issue 16: the first download and the code
// the browser must parse before the menu): its no-physics entry (src/phaser-no-physics.js: no Arcade, no
// Matter; the game moves everything itself) and no sound manager (FEATURE_SOUND, a switch Phaser documents:
// the game's sound goes through Howler, src/audio, and Phaser is started with noAudio). The flags Phaser's
// own build sets with webpack's DefinePlugin are replaced here the same way. Phaser's sources are CommonJS:
// Rolldown's helpers for them (under 1 KB) then come as a chunk of their own, preloaded with the rest. 449 -> 390 KB gzip for the
// chunk holding Phaser. The bench's bare Phaser page (bench/baseline) keeps the full phaser.esm.js.
const PHASER_SOURCE = fileURLToPath(new URL('./node_modules/phaser/src/', import.meta.url));
const PHASER_FLAGS: Record<string, string> = { CANVAS_RENDERER: 'true', WEBGL_RENDERER: 'true', WEBGL_DEBUG: 'false', FEATURE_SOUND: 'false', PLUGIN_CAMERA3D: 'false', PLUGIN_FBINSTANT: 'false' };
// Phaser tests whether WebGL works when its module is evaluated, by creating a WebGL context, whichever
// renderer the game then asks for: 25-30 ms of the boot's main thread under 4x throttling (issue 16's
// profile), spent for nothing by the Canvas renderer (the game's choice wherever WebGL is software, and
// `renderer=canvas`). The test now runs the first time Features.webGL is read (CreateRenderer reads it for
// WebGL or AUTO only; nothing else in Phaser does). What the test also found, whether ImageData holds a
// Uint8ClampedArray (Features.support32bit), is still found at once, on a 2D canvas.
const EAGER_WEBGL_TEST = 'Features.webGL = testWebGL();';
const LAZY_WEBGL_TEST = [
  "isUint8 = (function () { try { var canvas2D = CanvasPool.create2D(this); var data = canvas2D.getContext('2d', { willReadFrequently: true }).createImageData(1, 1).data; CanvasPool.remove(canvas2D); return data instanceof Uint8ClampedArray; } catch (e) { return false; } })();",
  "var settleWebGL = function (value) { Object.defineProperty(Features, 'webGL', { value: value, writable: true, configurable: true, enumerable: true }); return value; };",
  "Object.defineProperty(Features, 'webGL', { configurable: true, enumerable: true, get: function () { return settleWebGL(testWebGL()); }, set: settleWebGL });",
].join(' ');
function phaserWithoutPhysics(): Plugin {
  return {
    name: 'kc-phaser-without-physics',
    // Only in the build: the development server would hand Phaser's CommonJS sources to the browser as
    // they are, and the game would never start (tests/e2e/devServer.test.ts); `npm start` keeps phaser.esm.js.
    apply: 'build',
    enforce: 'pre',
    resolveId(source) {
      return source === 'phaser' ? `${PHASER_SOURCE}phaser-no-physics.js` : null;
    },
    transform(code, id) {
      if (!id.startsWith(PHASER_SOURCE)) return null;
      // Replaced within their lines, so the source map stays right (map: null keeps it).
      let replaced = code.replace(/typeof (CANVAS_RENDERER|WEBGL_RENDERER|WEBGL_DEBUG|FEATURE_SOUND|PLUGIN_CAMERA3D|PLUGIN_FBINSTANT)\b/g, (_match, flag: string) => PHASER_FLAGS[flag]).replace(/^global\.Phaser = Phaser;$/m, '');
      if (id === `${PHASER_SOURCE}device/Features.js`) {
        if (!replaced.includes(EAGER_WEBGL_TEST)) this.error('Phaser\'s device/Features.js no longer tests WebGL as expected: update LAZY_WEBGL_TEST in vite.config.ts');
        replaced = replaced.replace(EAGER_WEBGL_TEST, LAZY_WEBGL_TEST);
      }
      return { code: replaced, map: null };
    },
  };
}

// The game's code is asked for by index.html's small entry script (`import('./src/main.ts')`), so the
// browser would only discover it once that script had arrived and run, and the chunk that code imports
// only after that: three round trips before the 450 KB the menu needs start to download and compile
// (issue 16's profile: the game's code began to run about 0.7 s later than the bare Phaser page's
// under 4x throttling, most of the boot gap). `modulepreload` links in the page's head let the preload
// scanner fetch and compile both at once, alongside page.css; they do not block the loading screen's
// paint (only the stylesheet does) and change nothing in what is downloaded (tests/e2e/loading.test.ts).
function preloadFirstLoad(): Plugin {
  return {
    name: 'kc-preload-first-load',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, context) {
        const bundle = context.bundle;
        if (!bundle) return [];
        const main = Object.values(bundle).find((chunk) => chunk.type === 'chunk' && chunk.facadeModuleId !== null && /[\\/]src[\\/]main\.ts$/.test(chunk.facadeModuleId));
        if (!main || main.type !== 'chunk') return [];
        const entries = new Set(Object.values(bundle).filter((chunk) => chunk.type === 'chunk' && chunk.isEntry).map((chunk) => chunk.fileName));
        return [main.fileName, ...main.imports].filter((file) => !entries.has(file)).map((file) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `./${file}` }, injectTo: 'head' as const }));
      },
    },
  };
}

export default defineConfig({
  base: './',
  // Every JSON module (the levels, the strings) as `JSON.parse("…")`: the browser parses a string of JSON
  // faster than the same data written as object literals (issue 16: the first script's parse and compile).
  // Rolldown's JSON plugin does so only without named exports: import a JSON file's default export.
  json: { stringify: true, namedExports: false },
  plugins: [phaserWithoutPhysics(), offline, firstLoadShared.plugin, preloadFirstLoad()],
  build: {
    target: 'es2022',
    // Never inline assets as data: URIs. Phaser's loader reads a data: SVG as base64 and fails on the
    // URL-encoded form Vite makes (in `npm start` the logo would never load); files also cache better.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      output: { codeSplitting: { groups: [{ name: 'shared', test: firstLoadShared.test, includeDependenciesRecursively: false }] } },
    },
  },
  server: { host: '127.0.0.1' },
});
