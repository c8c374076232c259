// Drives the built game in Chromium like a player would and saves a screenshot of every screen, in
// English and Korean, at three window sizes, to /tmp/shots/ (or the folder given as the first argument).
// It also fails on console errors and on any request that leaves the local server (nothing may phone home).
//
//   npx vite build && npx vite preview --port 4173 --host 127.0.0.1 &
//   node scripts/screenshots.mjs [outDir] [baseUrl]
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const outDir = process.argv[2] ?? '/tmp/shots';
const baseUrl = process.argv[3] ?? 'http://127.0.0.1:4173/';
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
mkdirSync(outDir, { recursive: true });

const VIEWPORTS = [
  { name: '1280x720', width: 1280, height: 720 },
  { name: '1920x1080', width: 1920, height: 1080 },
  { name: '768x1024', width: 768, height: 1024 },
];
const LOCALES = ['en', 'ko'];

const problems = [];

async function waitForScene(page, key) {
  await page.waitForFunction((k) => window.kernelCourier?.scene() === k, key, { timeout: 10_000 });
  // Let a frame or two render after the scene's create().
  await page.waitForTimeout(250);
}

async function openPage(browser, viewport, query) {
  const context = await browser.newContext({ viewport: { width: viewport.width, height: viewport.height }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const origin = new URL(baseUrl).origin;
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error (${query}): ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error (${query}): ${error.message}`));
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) problems.push(`outside request: ${url}`);
  });
  await page.goto(`${baseUrl}?${query}`);
  await page.waitForFunction(() => window.kernelCourier !== undefined, null, { timeout: 10_000 });
  await page.evaluate(() => window.kernelCourier.ready);
  await page.waitForTimeout(300);
  return { context, page };
}

async function shot(page, name) {
  await page.screenshot({ path: join(outDir, `${name}.png`) });
  console.log(`saved ${name}.png`);
}

const browser = await chromium.launch({
  executablePath,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});

try {
  for (const viewport of VIEWPORTS) {
    for (const locale of LOCALES) {
      const tag = `${locale}-${viewport.name}`;
      const { context, page } = await openPage(browser, viewport, `locale=${locale}&reducedMotion=true&audio=disabled`);
      await waitForScene(page, 'menu');
      await shot(page, `menu-${tag}`);

      // Keyboard: Tab focuses Campaign, Enter opens the level list.
      await page.keyboard.press('Tab');
      await page.waitForTimeout(150);
      await shot(page, `menu-focus-${tag}`);
      await page.keyboard.press('Enter');
      await waitForScene(page, 'levels');
      await shot(page, `levels-${tag}`);

      await page.keyboard.press('g');
      await waitForScene(page, 'glossary');
      await shot(page, `glossary-${tag}`);
      await page.keyboard.press('PageDown');
      await page.waitForTimeout(200);
      await shot(page, `glossary-page2-${tag}`);
      await page.keyboard.press('Escape');
      await waitForScene(page, 'levels');

      await page.evaluate(() => window.kernelCourier.startLevel(window.kernelCourier.levels()[0]));
      await waitForScene(page, 'play');
      await shot(page, `play-${tag}`);

      await page.keyboard.press('Escape');
      await waitForScene(page, 'levels');
      await page.keyboard.press('Escape');
      await waitForScene(page, 'menu');
      // Campaign → Sandbox → Settings by arrows, then Enter.
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await waitForScene(page, 'settings');
      await shot(page, `settings-${tag}`);
      await context.close();

      const sandbox = await openPage(browser, viewport, `locale=${locale}&reducedMotion=true&mode=sandbox&packets=500&audio=disabled`);
      await waitForScene(sandbox.page, 'sandbox');
      await shot(sandbox.page, `sandbox-${tag}`);
      await sandbox.context.close();

      const bad = await openPage(browser, viewport, `locale=${locale}&reducedMotion=true&mode=%3Cscript%3Ealert(1)%3C/script%3E&audio=loud`);
      await waitForScene(bad.page, 'menu');
      const injected = await bad.page.evaluate(() => document.querySelectorAll('#notices script, #notices img').length);
      if (injected > 0) problems.push('a URL value was injected as HTML');
      await shot(bad.page, `notices-${tag}`);
      await bad.context.close();

      const projector = await openPage(browser, viewport, `locale=${locale}&reducedMotion=true&colorProfile=projector&audio=disabled`);
      await waitForScene(projector.page, 'menu');
      await shot(projector.page, `projector-menu-${tag}`);
      await projector.page.keyboard.press('Tab');
      await projector.page.keyboard.press('Enter');
      await waitForScene(projector.page, 'levels');
      await shot(projector.page, `projector-levels-${tag}`);
      await projector.context.close();
    }
  }
} finally {
  await browser.close();
}

if (problems.length > 0) {
  console.error(`\n${problems.length} problem(s):\n${[...new Set(problems)].join('\n')}`);
  process.exit(1);
}
console.log('\nNo console errors, no outside requests.');
