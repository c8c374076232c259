// A board of dozens of apps, and the debrief, are drawn in slices (src/game/ui/slicedBuild.ts, issue 15: no
// task over 50 ms, whatever the level): the screen keeps showing what it showed until the new drawing is
// complete — never a blank or half-drawn board — and keys pressed meanwhile are answered in order once it is.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { worstWideLevel } from '../../bench/worstLevels';
import { differingFromKept, keepPixels, launchBrowser, openGame, sceneOf, twinText } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('a board drawn in slices', () => {
  it('shows the last picture while the new one is drawn, then answers the keys pressed meanwhile in order', async () => {
    const { page, problems, context } = await openGame(browser, 'locale=en&audio=disabled&renderer=canvas');
    // The widest board the work budget allows (64 apps): it opens running on the Sandbox's board; Escape goes
    // back to building.
    await page.evaluate((file) => window.kernelCourier!.playLevelFile(file), worstWideLevel() as never);
    expect(await sceneOf(page)).toBe('sandbox');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => document.querySelector('#kc-a11y [data-kc-mirror="run"]') !== null && window.kernelCourier!.stats().building === false);
    await page.waitForTimeout(1500);
    // The build screen's picture, kept to compare with what shows while the run's screen is drawn.
    await keepPixels(page);
    // A slow laptop: the run's board takes several slices to draw.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 });
    // Shift+Enter (run: the run's whole screen drawn), then at once 4 (speed ×4), which waits for it.
    const building = await page.evaluate(() => {
      window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', shiftKey: true, bubbles: true, cancelable: true }));
      window.dispatchEvent(new KeyboardEvent('keydown', { key: '4', bubbles: true, cancelable: true }));
      return window.kernelCourier!.stats().building;
    });
    expect(building).toBe(true);
    // A frame drawn while the run's screen is on its way shows the build screen as it was: nothing blank or
    // half drawn.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    expect(await page.evaluate(() => window.kernelCourier!.stats().building)).toBe(true);
    const during = await differingFromKept(page);
    expect(during.differing / during.total).toBeLessThan(0.01);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    // Then the run, at ×4: the key pressed while it was drawn was answered on its speed buttons.
    await page.waitForFunction(() => (document.querySelector('#kc-a11y [data-kc-mirror="speed-4"]')?.outerHTML ?? '').includes('selected'), undefined, { timeout: 30_000 });
    expect(await twinText(page, 'speed-4')).toContain('selected');
    expect(await twinText(page, 'speed-1')).not.toContain('selected');
    expect(await page.evaluate(() => window.kernelCourier!.stats().building)).toBe(false);
    expect(await page.evaluate(() => document.querySelector('#kc-a11y [data-kc-mirror="run"]'))).toBeNull();
    const after = await differingFromKept(page);
    expect(after.differing / after.total).toBeGreaterThan(0.05);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('the debrief: opened over several frames on a slow laptop, and a tab drawn while the last one stays on show', async () => {
    const { page, problems, context } = await openGame(browser, 'locale=en&audio=disabled&renderer=canvas');
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 });
    // The level with the most apps. Frames while it opens: at least one finds the debrief still being drawn.
    const opening = await page.evaluate(
      () =>
        new Promise<{ framesBuilding: number }>((resolve) => {
          let framesBuilding = 0;
          let done = false;
          const tick = () => {
            if (window.kernelCourier!.scene() === 'debrief' && window.kernelCourier!.stats().building) framesBuilding += 1;
            if (!done) requestAnimationFrame(tick);
          };
          requestAnimationFrame(tick);
          void window.kernelCourier!.openDebrief('three-walls').then(() => {
            done = true;
            resolve({ framesBuilding });
          });
        }),
    );
    expect(opening.framesBuilding).toBeGreaterThanOrEqual(1);
    expect(await sceneOf(page)).toBe('debrief');
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    await page.waitForFunction(() => window.kernelCourier!.stats().building === false && window.kernelCourier!.stats().idleJobs === 0, undefined, { timeout: 30_000 });
    await page.waitForTimeout(2500);
    await keepPixels(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 });
    // 3 (the comparison): every frame drawn while that tab is on its way shows the score tab as it was.
    const switching = await page.evaluate(
      () =>
        new Promise<{ framesBuilding: number; worst: number }>((resolve) => {
          const canvas = document.querySelector('canvas') as HTMLCanvasElement;
          const kept = (window as unknown as { kcKept: Uint8ClampedArray }).kcKept;
          let framesBuilding = 0;
          let worst = 0;
          const tick = () => {
            if (!window.kernelCourier!.stats().building) {
              resolve({ framesBuilding, worst });
              return;
            }
            framesBuilding += 1;
            const now = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
            let differing = 0;
            for (let index = 0; index < now.length; index += 4) {
              if (Math.max(Math.abs(now[index] - kept[index]), Math.abs(now[index + 1] - kept[index + 1]), Math.abs(now[index + 2] - kept[index + 2])) > 16) differing += 1;
            }
            worst = Math.max(worst, differing / (now.length / 4));
            requestAnimationFrame(tick);
          };
          window.dispatchEvent(new KeyboardEvent('keydown', { key: '3', bubbles: true, cancelable: true }));
          requestAnimationFrame(tick);
        }),
    );
    expect(switching.framesBuilding).toBeGreaterThanOrEqual(1);
    expect(switching.worst).toBeLessThan(0.01);
    expect(await twinText(page, 'tab-compare')).toContain('selected');
    // 4 (the table), then at once 2 (the hops): the second waits for the first drawing and is answered after.
    const building = await page.evaluate(() => {
      window.dispatchEvent(new KeyboardEvent('keydown', { key: '4', bubbles: true, cancelable: true }));
      window.dispatchEvent(new KeyboardEvent('keydown', { key: '2', bubbles: true, cancelable: true }));
      return window.kernelCourier!.stats().building;
    });
    expect(building).toBe(true);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    await page.waitForFunction(() => (document.querySelector('#kc-a11y [data-kc-mirror="tab-hops"]')?.outerHTML ?? '').includes('selected') && !window.kernelCourier!.stats().building, undefined, { timeout: 30_000 });
    expect(await twinText(page, 'tab-hops')).toContain('selected');
    expect(await twinText(page, 'tab-table')).not.toContain('selected');
    const after = await differingFromKept(page);
    expect(after.differing / after.total).toBeGreaterThan(0.05);
    expect(problems).toEqual([]);
    await context.close();
  });
});
