// A board of dozens of apps is drawn in slices (src/game/ui/slicedBuild.ts, issue 15: no task over 50 ms,
// whatever the level): the screen keeps showing what it showed until the new drawing is complete — never a
// blank or half-drawn board — and keys pressed meanwhile are answered in order once it is.
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
});
