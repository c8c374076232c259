// Checks the built game in Chromium the way players and host pages use it: pointer clicks, keyboard,
// live language switch, resizing, saved progress, blocked and corrupted storage, sound after a gesture,
// the renderer choice and window.kernelCourier. Saves a few screenshots to /tmp/shots/checks/.
//
//   npx vite build && npx vite preview --port 4173 --host 127.0.0.1 &
//   node scripts/browser-checks.mjs [baseUrl]
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';

const baseUrl = process.argv[2] ?? 'http://127.0.0.1:4173/';
const outDir = '/tmp/shots/checks';
mkdirSync(outDir, { recursive: true });
const failures = [];
let passed = 0;

function check(name, condition, detail = '') {
  if (condition) passed += 1;
  else failures.push(`${name}${detail ? `: ${detail}` : ''}`);
  console.log(`${condition ? 'ok  ' : 'FAIL'} ${name}${!condition && detail ? ` (${detail})` : ''}`);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--autoplay-policy=no-user-gesture-required'],
});

async function open(query, { viewport = { width: 1280, height: 720 }, init, touch = false } = {}) {
  const context = await browser.newContext({ viewport, hasTouch: touch, isMobile: touch });
  if (init) await context.addInitScript(init);
  const page = await context.newPage();
  // Turn on file-chooser interception before any click, so an import never opens a native dialog.
  page.on('filechooser', () => {});
  const errors = [];
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${baseUrl}?${query}`);
  await page.waitForFunction(() => window.kernelCourier !== undefined);
  await page.evaluate(() => window.kernelCourier.ready);
  await page.waitForTimeout(300);
  return { context, page, errors };
}

const scene = (page) => page.evaluate(() => window.kernelCourier.scene());
const waitScene = (page, key) => page.waitForFunction((k) => window.kernelCourier.scene() === k, key, { timeout: 5000 }).then(() => page.waitForTimeout(250));
const notices = (page) => page.evaluate(() => [...document.querySelectorAll('#notices .kc-notice p')].map((p) => p.textContent));

try {
  {
    const { context, page, errors } = await open('reducedMotion=true&locale=en');
    check('ready resolves on the menu', (await scene(page)) === 'menu');
    const api = await page.evaluate(() => ({ version: window.kernelCourier.version, levels: window.kernelCourier.levels(), last: window.kernelCourier.lastResult() }));
    check('version is a string', typeof api.version === 'string' && api.version.length > 0);
    check('levels() lists the campaign in order', api.levels.length > 0 && api.levels[0] === 'first-delivery', api.levels.join(','));
    check('lastResult() is null before any run', api.last === null);
    const rejected = await page.evaluate(() => window.kernelCourier.startLevel('no-such-level').then(() => 'resolved', (error) => String(error.message)));
    check('startLevel rejects an unknown id clearly', rejected.includes('Unknown level id'), rejected);

    // Pointer: the Campaign button sits in the middle column (layout.ts); click it.
    await page.mouse.click(640, 431);
    await waitScene(page, 'levels').catch(() => {});
    check('clicking Campaign opens the level list', (await scene(page)) === 'levels');
    await page.keyboard.press('Escape');
    await waitScene(page, 'menu').catch(() => {});
    check('Escape goes back to the menu', (await scene(page)) === 'menu');

    // Live language switch from the menu's toggle (top right), by pointer.
    await page.mouse.click(1200, 51);
    await page.waitForTimeout(400);
    check('<html lang> follows the language', (await page.evaluate(() => document.documentElement.lang)) === 'ko');
    await page.screenshot({ path: `${outDir}/menu-after-switch-to-ko.png` });
    await page.keyboard.press('g');
    await waitScene(page, 'glossary').catch(() => {});
    check('G opens the glossary over the menu', (await scene(page)) === 'glossary');
    await page.keyboard.press('g');
    await waitScene(page, 'menu').catch(() => {});
    check('G again closes it', (await scene(page)) === 'menu');

    // Resize and rotate: the screen must reflow, not crash.
    await page.setViewportSize({ width: 700, height: 1000 });
    await page.waitForTimeout(700);
    await page.screenshot({ path: `${outDir}/menu-resized-portrait.png` });
    await page.setViewportSize({ width: 1600, height: 700 });
    await page.waitForTimeout(700);
    await page.screenshot({ path: `${outDir}/menu-resized-wide.png` });
    check('still on the menu after resizing', (await scene(page)) === 'menu');

    await page.evaluate(() => window.kernelCourier.startLevel('first-delivery'));
    check('startLevel opens the play screen', (await scene(page)) === 'play');
    check('no console errors in the main flow', errors.length === 0, errors.join(' | '));
    await context.close();
  }

  {
    const progress = {
      format: 'kernel-courier/progress@1',
      levels: { 'first-delivery': { stars: 3, bestScore: 97.4 }, 'one-kernel-three-apps': { stars: 1, bestScore: 58 } },
      unlocked: [],
    };
    const { context, page, errors } = await open('reducedMotion=true&locale=ko', {
      init: `localStorage.setItem('kernel-courier/progress@1', ${JSON.stringify(JSON.stringify(progress))});`,
    });
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await waitScene(page, 'levels');
    await page.screenshot({ path: `${outDir}/levels-with-progress-ko.png` });
    check('saved progress loads without notices', (await notices(page)).length === 0, (await notices(page)).join(' | '));
    check('no console errors with saved progress', errors.length === 0, errors.join(' | '));
    await context.close();
  }

  {
    const { context, page, errors } = await open('reducedMotion=true&locale=en', {
      init: `Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('The operation is insecure.', 'SecurityError'); } });`,
    });
    const shown = await notices(page);
    check('blocked storage: the game runs and says so', (await scene(page)) === 'menu' && shown.some((text) => text.includes('does not let the game save')), shown.join(' | '));
    check('blocked storage: no console errors', errors.length === 0, errors.join(' | '));
    await page.screenshot({ path: `${outDir}/blocked-storage.png` });
    await context.close();
  }

  {
    const { context, page } = await open('reducedMotion=true&locale=ko', {
      init: `localStorage.setItem('kernel-courier/progress@1', '{"format": broken'); localStorage.setItem('kernel-courier/settings@1', '[]');`,
    });
    const shown = await notices(page);
    check('corrupted storage: two localized notices', shown.length === 2, shown.join(' | '));
    const kept = await page.evaluate(() => [window.localStorage.getItem('kernel-courier/progress@1'), window.localStorage.getItem('kernel-courier/progress@1.backup')]);
    check('corrupted progress kept and backed up', kept[0] === '{"format": broken' && kept[1] === '{"format": broken', JSON.stringify(kept));
    // Dismiss by keyboard: Tab leaves the canvas to the notices' buttons.
    await page.locator('.kc-notice button').first().click();
    check('a notice can be dismissed', (await notices(page)).length === 1);
    await page.screenshot({ path: `${outDir}/corrupted-storage-ko.png` });
    await context.close();
  }

  {
    // Export and import through the Settings screen, by keyboard, with the browser's file chooser.
    const { context, page, errors } = await open('reducedMotion=true&locale=en');
    const openSettingsAndFocus = async (buttonIndexFromExport) => {
      for (const key of ['ArrowDown', 'ArrowDown', 'ArrowDown', 'Enter']) await page.keyboard.press(key);
      await waitScene(page, 'settings');
      // End focuses the last item (Import); Shift+Tab steps back to Export.
      await page.keyboard.press('End');
      if (buttonIndexFromExport === 0) await page.keyboard.press('Shift+Tab');
    };
    await openSettingsAndFocus(0);
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    const exported = await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8'));
    check('export downloads a progress file', download.suggestedFilename().startsWith('kernel-courier-progress-') && JSON.parse(exported).format === 'kernel-courier/progress@1', download.suggestedFilename());
    await page.keyboard.press('Escape');
    await waitScene(page, 'menu');

    const importFile = async (name, text) => {
      await openSettingsAndFocus(1);
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Enter')]);
      await chooser.setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
      await page.waitForTimeout(400);
      await page.keyboard.press('Escape');
      await waitScene(page, 'menu');
    };
    await importFile('bad.json', '{"format":"kernel-courier/level@1"}');
    let shown = await notices(page);
    check('importing a wrong file shows a localized message', shown.some((text) => text.includes('not a Kernel Courier progress file')), shown.join(' | '));
    check('a wrong file changes nothing', (await page.evaluate(() => window.localStorage.getItem('kernel-courier/progress@1'))) === null);
    const good = { format: 'kernel-courier/progress@1', levels: { 'first-delivery': { stars: 2, bestScore: 80 } }, unlocked: [] };
    await importFile('good.json', JSON.stringify(good));
    shown = await notices(page);
    check('importing a progress file succeeds and says so', shown.some((text) => text.includes('Progress imported')), shown.join(' | '));
    const stored = await page.evaluate(() => JSON.parse(window.localStorage.getItem('kernel-courier/progress@1') ?? 'null'));
    check('imported progress is saved', stored?.levels?.['first-delivery']?.stars === 2, JSON.stringify(stored));
    check('export/import: no console errors', errors.length === 0, errors.join(' | '));
    await context.close();
  }

  {
    const { context, page, errors } = await open('level=first-delivery&locale=en');
    check('?level= opens the level directly', (await scene(page)) === 'play');
    // The first gesture unlocks sound; the music and button sounds load from in-memory WAVs.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.waitForTimeout(1200);
    check('back from a level goes to the level list', (await scene(page)) === 'levels');
    const howler = await page.evaluate(() => (window.Howler ? window.Howler._howls?.length ?? -1 : 'not global'));
    check('sound: no errors after the first gesture', errors.length === 0, `${errors.join(' | ')} howls=${howler}`);
    await context.close();
  }

  {
    // A tablet held upright: tap Campaign, then tap Back.
    const { context, page, errors } = await open('reducedMotion=true&locale=ko', { viewport: { width: 768, height: 1024 }, touch: true });
    const campaign = await page.evaluate(() => {
      const canvas = document.querySelector('canvas');
      return { width: canvas.clientWidth, height: canvas.clientHeight };
    });
    // The Campaign button is the primary button in the middle of the column (menuLayout in screenLayouts.ts).
    await page.touchscreen.tap(campaign.width / 2, 577);
    await waitScene(page, 'levels').catch(() => {});
    check('touch: tapping Campaign opens the level list', (await scene(page)) === 'levels');
    await page.touchscreen.tap(100, 47);
    await waitScene(page, 'menu').catch(() => {});
    check('touch: tapping Back returns to the menu', (await scene(page)) === 'menu');
    check('touch: no console errors', errors.length === 0, errors.join(' | '));
    await context.close();
  }

  {
    const { context, page, errors } = await open('renderer=webgl&reducedMotion=true');
    await page.screenshot({ path: `${outDir}/menu-webgl.png` });
    const renderer = await page.evaluate(() => document.querySelector('canvas')?.getContext('2d') ? 'canvas' : 'webgl');
    check('renderer=webgl uses WebGL', renderer === 'webgl', renderer);
    check('WebGL: no console errors', errors.length === 0, errors.join(' | '));
    await context.close();
  }

  {
    const { context, page } = await open('renderer=auto&reducedMotion=true');
    const renderer = await page.evaluate(() => document.querySelector('canvas')?.getContext('2d') ? 'canvas' : 'webgl');
    check('renderer=auto picks Canvas under software WebGL (--disable-gpu)', renderer === 'canvas', renderer);
    await context.close();
  }

  {
    const { context, page, errors } = await open('mode=sandbox&audio=muted&colorProfile=projector&locale=ko&reducedMotion=false');
    check('mode=sandbox opens the sandbox', (await scene(page)) === 'sandbox');
    check('colorProfile=projector marks the page', (await page.evaluate(() => document.documentElement.dataset.palette)) === 'projector');
    await page.keyboard.press('Escape');
    await page.waitForTimeout(600);
    check('fades complete and Escape returns to the menu', (await scene(page)) === 'menu');
    check('sandbox/projector: no console errors', errors.length === 0, errors.join(' | '));
    await context.close();
  }
} finally {
  await browser.close();
}

console.log(`\n${passed} passed, ${failures.length} failed`);
if (failures.length > 0) process.exit(1);
