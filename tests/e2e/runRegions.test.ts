// A run's screen draws again only the part that changed (src/game/board/bakeStill.ts regions, issue 15: no
// frame of a run over 50 ms): the speed buttons on a speed key, the board and the selected app's actions
// after a breach or a selection. What the player sees must be what a whole new screen would show — the
// canvas after those partial redraws is compared pixel by pixel with the same state drawn from scratch —
// and the accessible twin must follow.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { differingFromKept, focusedWidget, keepPixels, launchBrowser, openGame, twinText, waitForScene } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

function screensDrawn(page: Page): Promise<number> {
  return page.evaluate(() => window.kernelCourier?.stats().screensDrawn ?? -1);
}

describe('a run draws again only what changed', () => {
  for (const viewport of [
    { width: 1280, height: 720 },
    { width: 768, height: 1024 },
  ]) {
    it(`${viewport.width}×${viewport.height}: speed keys, a breach and a selection redraw parts, and the picture matches a whole redraw`, async () => {
      const { page, problems, context } = await openGame(browser, 'locale=en&audio=disabled&renderer=canvas', { viewport, reducedMotion: 'reduce' });
      await waitForScene(page, 'menu');
      // The shared-kernel build of the level whose untrusted tenant breaks out at 10 s of board time.
      await page.evaluate(() => window.kernelCourier?.openDebrief('hostile-neighbour', { arch: 'container' }));
      await page.evaluate(() => (document.querySelector('#kc-a11y button[data-kc-mirror="debrief-retry"]') as HTMLButtonElement).click());
      await waitForScene(page, 'play');
      await page.keyboard.press('Shift+Enter');
      await page.waitForFunction(() => document.querySelector('#kc-a11y [data-kc-mirror="speed-4"]') !== null);
      const atStart = await screensDrawn(page);

      await page.keyboard.press('4');
      await page.waitForTimeout(100);
      expect(await twinText(page, 'speed-4')).toContain('selected');
      expect(await twinText(page, 'speed-2')).not.toContain('selected');
      await page.keyboard.press('1');
      await page.waitForTimeout(100);
      expect(await twinText(page, 'speed-1')).toContain('selected');
      await page.keyboard.press('4');
      // The breach: the shop's card says so (board and actions drawn again, not the screen).
      await page.waitForFunction(() => (document.querySelector('#kc-a11y [data-kc-mirror="app-shop"]')?.textContent ?? '').includes('breached'), undefined, { timeout: 15_000 });
      await page.keyboard.press(' ');
      await page.waitForTimeout(100);
      expect(await twinText(page, 'speed-pause')).toContain('Resume');
      // A selection by keyboard: the card is drawn selected, the actions are the shop's, focus stays on it.
      await page.evaluate(() => (document.querySelector('#kc-a11y [data-kc-mirror="app-shop"]') as HTMLElement).click());
      await page.waitForFunction(() => document.querySelector('#kc-a11y [data-kc-mirror="act-quarantine"]') !== null);
      expect(await focusedWidget(page)).toBe('app-shop');
      expect(await screensDrawn(page)).toBe(atStart);
      // What a part drawn again replaces is freed: selecting back and forth keeps the same objects and canvases.
      const select = (id: string) => page.evaluate((key) => (document.querySelector(`#kc-a11y [data-kc-mirror="${key}"]`) as HTMLElement).click(), id);
      await select('app-game-mods');
      await select('app-shop');
      // Each new widget takes its picture in idle time (ui/idleWork.ts): count once they all have.
      const settled = () => page.waitForFunction(() => (window.kernelCourier?.widgets() ?? []).filter((widget) => widget.id.startsWith('act-')).every((widget) => widget.pictured), undefined, { timeout: 10_000 });
      await settled();
      const before = await page.evaluate(() => window.kernelCourier!.stats());
      for (let round = 0; round < 4; round += 1) {
        await select('app-game-mods');
        await page.waitForTimeout(150);
        await select('app-shop');
        await page.waitForTimeout(150);
      }
      await settled();
      const after = await page.evaluate(() => window.kernelCourier!.stats());
      expect(after.displayObjects).toBe(before.displayObjects);
      expect(after.canvases).toBe(before.canvases);
      expect(await screensDrawn(page)).toBe(atStart);

      // The same state drawn from scratch (a resize away and back draws the whole screen): the same picture.
      // (Wall flashes fade out in real time: let them go first.)
      await page.waitForTimeout(2500);
      await keepPixels(page);
      await page.setViewportSize({ width: viewport.width + 40, height: viewport.height });
      await page.waitForTimeout(400);
      await page.setViewportSize(viewport);
      await page.waitForTimeout(800);
      expect(await screensDrawn(page)).toBeGreaterThan(atStart);
      const { differing, total } = await differingFromKept(page);
      expect(differing).toBeGreaterThanOrEqual(0);
      expect(differing).toBeLessThan(total / 1000);
      expect(await focusedWidget(page)).toBe('app-shop');
      expect(problems).toEqual([]);
      await context.close();
    });
  }
});
