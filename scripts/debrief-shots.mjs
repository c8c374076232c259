// Screenshots of the Debrief for typical results — three stars, breaches, slow Type-2 with drops, an
// infeasible build, a burst level, the locked and the unlocked comparison, and the most rows — in English
// and Korean at three window sizes, every tab, saved to /tmp/debrief-shots/ (or the first argument).
// It opens each debrief through the testing aid `kernelCourier.openDebrief` and fails on console errors.
//
//   npx vite build --outDir /tmp/debrief-dist && npx vite preview --outDir /tmp/debrief-dist --port 4175 --host 127.0.0.1 &
//   node scripts/debrief-shots.mjs [outDir] [baseUrl]
//   CASES=breach,rush VIEWPORTS=1280x720 LOCALES=ko TABS=1,3 node scripts/debrief-shots.mjs   (a subset)
//   PALETTE=projector node scripts/debrief-shots.mjs                                           (projector colours)
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const outDir = process.argv[2] ?? '/tmp/debrief-shots';
const baseUrl = process.argv[3] ?? 'http://127.0.0.1:4175/';
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
mkdirSync(outDir, { recursive: true });

const pick = (name, all, key = (item) => item) => {
  const wanted = process.env[name]?.split(',').filter(Boolean);
  return wanted ? all.filter((item) => wanted.includes(key(item))) : all;
};

const VIEWPORTS = pick('VIEWPORTS', [
  { name: '1280x720', width: 1280, height: 720 },
  { name: '1920x1080', width: 1920, height: 1080 },
  { name: '768x1024', width: 768, height: 1024 },
], (viewport) => viewport.name);
const LOCALES = pick('LOCALES', ['en', 'ko']);
const TABS = pick('TABS', ['1', '2', '3', '4']);
const CASES = pick('CASES', [
  // A shared kernel taken over (0 stars); first attempt, so the comparison is locked with a hint.
  // (First: every debrief counts an attempt, and a second one on the level would open the comparison.)
  { name: 'breach', level: 'hostile-neighbour', options: { arch: 'container' } },
  // Three stars: the comparison is open at once.
  { name: 'three-stars', level: 'hostile-neighbour', options: { arch: 'reference' } },
  // Slow Type-2 with drops; second attempt, so the comparison is open.
  { name: 'rush', level: 'rush-hour', options: { arch: 'type2', attempt: 2 } },
  // A build that breaks a rule (it does not fit in memory).
  { name: 'infeasible', level: 'pack-the-server', options: { arch: 'type2', attempt: 2 } },
  // Bursts that VMs cannot boot for in time.
  { name: 'burst', level: 'flash-sale', options: { arch: 'type1-para', attempt: 2 } },
  // The longest comparison: six architectures, the author's build and yours.
  { name: 'many-rows', level: 'mixed-fleet', options: { arch: 'container', attempt: 3 } },
], (item) => item.name);

const problems = [];
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Serious or critical axe-core findings on the page (the accessible twin of the canvas included). */
async function axeProblems(page) {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => (await window.axe.run(document, { resultTypes: ['violations'] })).violations);
  return violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical').map((violation) => `${violation.id}: ${violation.help}`);
}

async function openPage(browser, viewport, locale, reducedMotion) {
  const context = await browser.newContext({ viewport: { width: viewport.width, height: viewport.height }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error (${locale} ${viewport.name}): ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error (${locale} ${viewport.name}): ${error.message}`));
  const palette = process.env.PALETTE ? `&colorProfile=${process.env.PALETTE}` : '';
  await page.goto(`${baseUrl}?locale=${locale}&reducedMotion=${reducedMotion}&audio=disabled${palette}`);
  await page.waitForFunction(() => window.kernelCourier !== undefined, null, { timeout: 15_000 });
  await page.evaluate(() => window.kernelCourier.ready);
  return { context, page };
}

async function openDebrief(page, item) {
  await page.evaluate(({ level, options }) => window.kernelCourier.openDebrief(level, options), item);
  await page.waitForFunction(() => window.kernelCourier.scene() === 'debrief', null, { timeout: 15_000 });
  await page.waitForTimeout(300);
}

const browser = await chromium.launch({
  executablePath,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});

try {
  for (const viewport of VIEWPORTS) {
    for (const locale of LOCALES) {
      const { context, page } = await openPage(browser, viewport, locale, true);
      for (const item of CASES) {
        await openDebrief(page, item);
        // Screen readers: the opening announcement and the open tab as a text region of the twin.
        const spoken = await page.evaluate(() => ({
          live: document.getElementById('kc-screen-status')?.textContent ?? '',
          region: document.querySelector('section[data-region="debrief"]')?.textContent ?? '',
        }));
        if (!/100/.test(spoken.live) || spoken.region.length < 20) problems.push(`screen reader text missing (${item.name} ${locale} ${viewport.name}): ${JSON.stringify(spoken)}`);
        if (viewport.name === '1280x720') for (const finding of await axeProblems(page)) problems.push(`axe (${item.name} ${locale}): ${finding}`);
        for (const tab of TABS) {
          await page.keyboard.press(tab);
          await page.waitForTimeout(200);
          const name = `${item.name}-tab${tab}-${locale}-${viewport.name}${process.env.PALETTE ? `-${process.env.PALETTE}` : ''}.png`;
          await page.screenshot({ path: join(outDir, name) });
          console.log(`saved ${name}`);
        }
      }
      // Keyboard focus on the actions, and the count-up mid-way with motion on.
      if (CASES.some((item) => item.name === 'three-stars')) {
        await openDebrief(page, CASES.find((item) => item.name === 'three-stars'));
        await page.keyboard.press('Tab');
        await page.waitForTimeout(200);
        await page.screenshot({ path: join(outDir, `focus-${locale}-${viewport.name}.png`) });
      }
      await context.close();
      if (CASES.some((item) => item.name === 'three-stars') && viewport.name === '1280x720') {
        const motion = await openPage(browser, viewport, locale, false);
        await motion.page.evaluate(() => window.kernelCourier.openDebrief('hostile-neighbour', { arch: 'reference' }));
        await motion.page.waitForTimeout(450);
        await motion.page.screenshot({ path: join(outDir, `countup-${locale}-${viewport.name}.png`) });
        await motion.page.waitForTimeout(1800);
        await motion.page.screenshot({ path: join(outDir, `countup-done-${locale}-${viewport.name}.png`) });
        await motion.context.close();
      }
    }
  }
} finally {
  await browser.close();
}

if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log('no console errors');
