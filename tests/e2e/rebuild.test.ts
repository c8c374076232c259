// Screens redraw themselves on every resize, language or colour change, and the run's board redraws when
// instances start or stop. A redraw must destroy what it replaces: every Phaser Text holds a canvas, so a
// screen that only unlists its objects leaks them all each time (the sandbox's heap grew 3× in ten minutes).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openGame, waitForScene } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

interface Stats {
  displayObjects: number;
  canvases: number;
  domNodes: number;
}

/** The screen's figures once its widgets have taken their pictures (idle work: each adds an image). */
async function stats(page: Page): Promise<Stats> {
  await page.waitForFunction(() => window.kernelCourier?.stats().idleJobs === 0, undefined, { timeout: 10_000 });
  await page.waitForTimeout(100);
  return page.evaluate(() => {
    const figures = window.kernelCourier?.stats();
    // The page's body (the accessible twin, notices): the head gains preload links when a later chunk loads
    // in the background (the service worker's, a little after ready), which no redraw makes.
    return { displayObjects: figures?.displayObjects ?? -1, canvases: figures?.canvases ?? -1, domNodes: document.body.getElementsByTagName('*').length };
  });
}

/** Resizes the window away and back `times` times, letting the game redraw after each step. */
async function resizeAround(page: Page, times: number): Promise<void> {
  for (let index = 0; index < times; index += 1) {
    await page.setViewportSize({ width: 1024, height: 700 });
    await page.waitForTimeout(700);
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.waitForTimeout(700);
  }
}

describe('redrawing a screen frees what it replaces', () => {
  for (const [name, query, scene] of [
    ['menu', 'locale=en', 'menu'],
    ['level select', 'locale=en', 'levels'],
    ['play', 'locale=ko&level=first-delivery', 'play'],
  ] as const) {
    it(`${name}: the same window size after five redraws holds the same objects and canvases`, async () => {
      const { page, problems, context } = await openGame(browser, query);
      if (scene === 'levels') {
        await waitForScene(page, 'menu');
        await page.evaluate(() => (document.querySelector('#kc-a11y button[data-kc-mirror="menu-campaign"]') as HTMLButtonElement | null)?.click());
      }
      await waitForScene(page, scene);
      await page.waitForTimeout(500);
      const before = await stats(page);
      expect(before.canvases).toBeGreaterThan(0);
      await resizeAround(page, 5);
      const after = await stats(page);
      expect(after.displayObjects).toBe(before.displayObjects);
      expect(after.canvases).toBe(before.canvases);
      expect(after.domNodes).toBe(before.domNodes);
      expect(problems).toEqual([]);
      await context.close();
    });
  }
});
