// Screenshots of the keyboard-help overlay in English and Korean at three sizes, to /tmp/shots/keys-*.png.
//   npx vite build && npx vite preview --port 4173 --host 127.0.0.1 &   then: node scripts/keys-shot.mjs [baseUrl]
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';

const baseUrl = process.argv[2] ?? 'http://127.0.0.1:4173/';
mkdirSync('/tmp/shots', { recursive: true });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
for (const [width, height] of [[1280, 720], [1920, 1080], [768, 1024]]) {
  for (const locale of ['en', 'ko']) {
    const page = await browser.newPage({ viewport: { width, height } });
    await page.goto(`${baseUrl}?locale=${locale}&reducedMotion=true`);
    await page.waitForFunction(() => window.kernelCourier);
    await page.evaluate(() => window.kernelCourier.ready);
    await page.waitForTimeout(800);
    await page.keyboard.press('Shift+Slash');
    await page.waitForFunction(() => window.kernelCourier.scene() === 'keys');
    await page.waitForTimeout(300);
    await page.screenshot({ path: `/tmp/shots/keys-${locale}-${width}x${height}.png` });
    await page.close();
  }
}
await browser.close();
