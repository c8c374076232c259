// Screenshots of the Play screen and the Sandbox as a player sees them: the brief, an empty build, a
// finished build that breaks a rule, a Type-2 run with packets and queues, a breach, a burst with booting
// VMs, a compatibility level, and the sandbox with 1000 packets — in English and Korean at 1280×720,
// 1920×1080 and 768×1024. Every build is made with the keyboard alone (the same keys a player uses), and
// the script fails on any console error. Then it plays level 1 to the Debrief by keyboard and checks the
// result, and measures the sandbox's frame rate.
//
//   npx vite build --outDir /tmp/play-dist && npx vite preview --outDir /tmp/play-dist --port 4174 --host 127.0.0.1 &
//   node scripts/play-shots.mjs [outDir] [baseUrl]
//   CASES=breach,burst VIEWPORTS=1280x720 LOCALES=ko node scripts/play-shots.mjs   (a subset)
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const outDir = process.argv[2] ?? '/tmp/shots/play';
const baseUrl = process.argv[3] ?? 'http://127.0.0.1:4174/';
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

// A build as keyboard steps. Pieces are picked by their place in the palette; places and hosts by their
// place among the highlighted targets (in the order the pieces were placed). `kernel` and `driver` press
// K and D on the piece just placed (it stays selected).
const CASES = pick('CASES', [
  { name: 'brief', level: 'first-delivery', steps: [] , brief: true },
  { name: 'empty', level: 'first-delivery', steps: [] },
  {
    name: 'broken-rule',
    level: 'linux-on-windows',
    // Windows host OS (the level keeps it) with one container engine; both apps on it: the Linux app breaks the kernel rule.
    steps: [{ piece: 0, target: 0 }, { piece: 3, target: 0 }, { app: 0, target: 1 }, { app: 0, target: 1 }],
  },
  {
    name: 'type2-run',
    level: 'laptop-lab',
    // Host OS, Type-2 hypervisor on it, both apps as one VM per instance on the hypervisor.
    steps: [{ piece: 0, target: 0 }, { piece: 1, target: 0 }, { app: 0, target: 1 }, { app: 0, target: 1 }],
    run: { speed: '2', seconds: 5 },
  },
  {
    name: 'breach',
    level: 'hostile-neighbour',
    // Containers on one shared kernel: the kernel exploit at 10 s breaches the shop.
    steps: [{ piece: 0, target: 0 }, { piece: 3, target: 0 }, { app: 0, target: 1 }, { app: 0, target: 1 }],
    run: { speed: '4', seconds: 11.6 },
  },
  {
    name: 'burst',
    level: 'flash-sale',
    // Type-1 hypervisor, apps as para-virtual VMs per instance: the burst at 4 s boots VMs for 20 s.
    steps: [{ piece: 1, target: 0 }, { app: 0, target: 0, driver: true }, { app: 0, target: 0, driver: true }],
    run: { speed: '2', seconds: 6.5 },
  },
  {
    name: 'compat-run',
    level: 'linux-on-windows',
    // Windows host, a container engine for the Windows app, a Type-2 utility VM (Linux, para) with an engine for the Linux app.
    steps: [
      { piece: 0, target: 0 },
      { piece: 3, target: 0 },
      { piece: 1, target: 0 },
      { piece: 2, target: 0, kernel: 'linux', driver: true },
      { piece: 3, target: 1 },
      { app: 0, target: 4 },
      { app: 0, target: 1 },
    ],
    run: { speed: '2', seconds: 4 },
  },
  { name: 'sandbox', sandbox: 1000, seconds: 6 },
], (item) => item.name);

const problems = [];
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});

async function openPage(query, viewport, label) {
  const context = await browser.newContext({ viewport: { width: viewport.width, height: viewport.height }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error (${label}): ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error (${label}): ${error.message}`));
  await page.goto(`${baseUrl}?${query}&audio=disabled`);
  await page.waitForFunction(() => window.kernelCourier !== undefined, null, { timeout: 15_000 });
  await page.evaluate(() => window.kernelCourier.ready);
  await page.waitForFunction(() => ['play', 'sandbox'].includes(window.kernelCourier.scene()), null, { timeout: 15_000 });
  await page.waitForTimeout(500);
  return { context, page };
}

async function keys(page, list, pause = 60) {
  for (const key of list) {
    await page.keyboard.press(key);
    await page.waitForTimeout(pause);
  }
}

/** Makes a build with the keyboard: Home goes to the first item, Tab walks the screen's focus order. */
async function build(page, steps) {
  let nodes = 0;
  let placed = 0;
  for (const step of steps) {
    if (step.piece !== undefined) {
      // Top bar (back, glossary, settings), then the palette.
      await keys(page, ['Home', ...Array(3 + step.piece).fill('Tab'), 'Enter', ...Array(step.target).fill('ArrowRight'), 'Enter']);
      nodes += 1;
      if (step.kernel === 'linux') await keys(page, ['k']);
      if (step.driver) await keys(page, ['d']);
    } else {
      // After the palette: the hardware, the pieces, the apps on the board, then the tray.
      const tabs = 3 + step.paletteSize + 1 + nodes + placed + step.app;
      await keys(page, ['Home', ...Array(tabs).fill('Tab'), 'Enter', ...Array(step.target).fill('ArrowRight'), 'Enter']);
      placed += 1;
      if (step.driver) await keys(page, ['d']);
    }
  }
}

const PALETTE_SIZES = {
  'first-delivery': 1,
  'linux-on-windows': 4,
  'laptop-lab': 3,
  'hostile-neighbour': 4,
  'flash-sale': 5,
};

async function shoot(page, name) {
  const path = join(outDir, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

try {
  for (const viewport of VIEWPORTS) {
    for (const locale of LOCALES) {
      for (const item of CASES) {
        const label = `${item.name} ${locale} ${viewport.name}`;
        if (item.sandbox) {
          const { context, page } = await openPage(`mode=sandbox&packets=${item.sandbox}&locale=${locale}`, viewport, label);
          await page.waitForTimeout(item.seconds * 1000);
          await shoot(page, `${item.name}-${locale}-${viewport.name}`);
          await context.close();
          continue;
        }
        const { context, page } = await openPage(`level=${item.level}&locale=${locale}`, viewport, label);
        if (!item.brief) {
          await keys(page, ['Enter'], 300);
          const paletteSize = PALETTE_SIZES[item.level] ?? 1;
          await build(page, item.steps.map((step) => ({ ...step, paletteSize })));
          await page.waitForTimeout(200);
        }
        if (item.run) {
          await keys(page, ['Shift+Enter'], 300);
          if (item.run.speed !== '1') await keys(page, [item.run.speed]);
          const start = Date.now();
          // Board seconds pass at the chosen speed; wait until the clock shows the time wanted.
          await page.waitForTimeout(Math.max(0, (item.run.seconds * 1000) / Number(item.run.speed) - (Date.now() - start)));
        }
        await shoot(page, `${item.name}-${locale}-${viewport.name}`);
        await context.close();
      }
    }
  }

  // Level 1 by keyboard alone, to the Debrief: lastResult() must have a star.
  {
    const { context, page } = await openPage('level=first-delivery&locale=en', { name: 'k', width: 1280, height: 720 }, 'keyboard run');
    await keys(page, ['Enter'], 300);
    await keys(page, ['Enter', 'Enter']);
    await keys(page, ['Tab', 'Enter', 'Enter']);
    await keys(page, ['Shift+Enter'], 300);
    await keys(page, ['4']);
    await page.waitForFunction(() => window.kernelCourier.scene() === 'debrief', null, { timeout: 30_000 }).catch(() => {});
    const result = await page.evaluate(() => window.kernelCourier.lastResult());
    const scene = await page.evaluate(() => window.kernelCourier.scene());
    const stars = result?.score?.stars ?? 0;
    console.log(`keyboard run: scene ${scene}, stars ${stars}, total ${result?.score?.total}`);
    if (scene !== 'debrief' || stars < 1) problems.push(`keyboard run of level 1 ended on ${scene} with ${stars} stars`);
    await context.close();
  }
} finally {
  await browser.close();
}

if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(`screenshots in ${outDir}`);
