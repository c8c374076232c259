// Frame rate of the Sandbox with many packets in flight, in headless Chromium: opens
// `?mode=sandbox&packets=N&renderer=R`, lets the load controller settle, then times requestAnimationFrame
// for a few seconds and prints the mean frame rate, the 95th-percentile frame time and the packets shown.
//
//   npx vite build --outDir /tmp/play-dist && npx vite preview --outDir /tmp/play-dist --port 4174 --host 127.0.0.1 &
//   node scripts/sandbox-fps.mjs [packets=1000] [renderer=canvas] [seconds=5] [baseUrl]
import { chromium } from 'playwright-core';

const packets = Number(process.argv[2] ?? 1000);
const renderer = process.argv[3] ?? 'canvas';
const seconds = Number(process.argv[4] ?? 5);
const baseUrl = process.argv[5] ?? 'http://127.0.0.1:4174/';

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  await page.goto(`${baseUrl}?mode=sandbox&packets=${packets}&renderer=${renderer}&audio=disabled&locale=en`);
  await page.waitForFunction(() => window.kernelCourier?.scene() === 'sandbox', null, { timeout: 20_000 });
  // Let the controller reach its target.
  await page.waitForTimeout(6000);
  const timing = await page.evaluate(
    (ms) =>
      new Promise((resolve) => {
        const frames = [];
        let last = performance.now();
        const start = last;
        const tick = (now) => {
          frames.push(now - last);
          last = now;
          if (now - start < ms) requestAnimationFrame(tick);
          else resolve(frames);
        };
        requestAnimationFrame(tick);
      }),
    seconds * 1000,
  );
  const frames = timing.slice(1).sort((a, b) => a - b);
  const total = frames.reduce((sum, value) => sum + value, 0);
  const fps = (frames.length / total) * 1000;
  const p95 = frames[Math.floor(frames.length * 0.95)];
  const status = await page.evaluate(() => document.getElementById('kc-screen-status')?.textContent ?? '');
  await page.screenshot({ path: `/tmp/sandbox-${packets}-${renderer}.png` });
  console.log(JSON.stringify({ packets, renderer, frames: frames.length, fps: Math.round(fps * 10) / 10, p95FrameMs: Math.round(p95 * 10) / 10, status, errors }));
} finally {
  await browser.close();
}
