// Screenshots of a class session as a student sees it — the join dialog, the session screen, the prediction
// overlay, the result code with its QR, and the Debrief behind it — in English and Korean at 1280×720 and
// 1920×1080, saved to /tmp/classroom-shots/ (or the folder given first). It plays the first level by
// keyboard and fails on console errors and on requests that leave the local server.
//
//   npx vite build && npx vite preview --port 4173 --host 127.0.0.1 &
//   npx tsx scripts/classroom-shots.ts [outDir] [baseUrl]
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { joinLink } from '../src/classroom/session';

const outDir = process.argv[2] ?? '/tmp/classroom-shots';
const baseUrl = process.argv[3] ?? 'http://127.0.0.1:4173/';
mkdirSync(outDir, { recursive: true });
const VIEWPORTS = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
];
const problems: string[] = [];

const link = joinLink(baseUrl, {
  format: 'kernel-courier/session@1',
  id: '7K3M9QX2',
  title: 'OS class 3-B, week 9',
  levels: ['first-delivery', 'hostile-neighbour', 'three-walls'],
  seed: 1234,
  minutes: 40,
});

async function waitForScene(page: Page, key: string, timeout = 20_000): Promise<void> {
  await page.waitForFunction((k) => window.kernelCourier?.scene() === k, key, { timeout });
  await page.waitForTimeout(400);
}

async function tabTo(page: Page, id: string): Promise<void> {
  for (let i = 0; i < 80; i += 1) {
    if ((await page.evaluate(() => document.activeElement?.getAttribute('data-kc-mirror'))) === id) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${id}`);
}

async function place(page: Page, widget: string): Promise<void> {
  await tabTo(page, widget);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.waitForTimeout(80);
}

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  for (const viewport of VIEWPORTS) {
    for (const locale of ['en', 'ko']) {
      const name = (shot: string) => join(outDir, `${shot}-${locale}-${viewport.width}x${viewport.height}.png`);
      const context = await browser.newContext({ viewport });
      await context.grantPermissions(['clipboard-read', 'clipboard-write']);
      const page = await context.newPage();
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(`${locale} ${viewport.width}: ${message.text()}`);
      });
      page.on('request', (request) => {
        if (!request.url().startsWith(new URL(baseUrl).origin) && !request.url().startsWith('data:') && !request.url().startsWith('blob:')) problems.push(`outside request: ${request.url()}`);
      });
      await page.goto(link.replace('?mode=classroom', `?mode=classroom&locale=${locale}`));
      await waitForScene(page, 'classroom');
      await page.screenshot({ path: name('join') });
      await page.keyboard.type(locale === 'ko' ? '김민아' : 'mina');
      await page.keyboard.press('Enter');
      await page.waitForTimeout(400);
      await page.screenshot({ path: name('session') });
      await tabTo(page, 'classroom-level-first-delivery');
      await page.keyboard.press('Enter');
      await waitForScene(page, 'play');
      await page.keyboard.press('Enter');
      await place(page, 'piece-host-os');
      await place(page, 'app-shop');
      await page.keyboard.press('Shift+Enter');
      await waitForScene(page, 'predict');
      await page.screenshot({ path: name('predict') });
      await page.keyboard.press('Enter');
      await waitForScene(page, 'play');
      await page.keyboard.press('4');
      await waitForScene(page, 'result-code', 90_000);
      await page.screenshot({ path: name('code') });
      await page.keyboard.press('Escape');
      await waitForScene(page, 'debrief');
      await page.screenshot({ path: name('debrief') });
      await context.close();
      process.stdout.write(`${locale} ${viewport.width}×${viewport.height}: 5 screenshots\n`);
    }
  }
} finally {
  await browser.close();
}
if (problems.length > 0) {
  process.stderr.write(`${problems.join('\n')}\n`);
  process.exit(1);
}
