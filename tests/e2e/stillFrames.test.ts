// Still screens in a real browser (src/game/frameGate.ts, issue 16): the menu is drawn only when its picture
// may change — a few frames a second at rest, at once after a key — while a screen that moves (the sandbox
// with packets) is drawn every frame. What is drawn must still be what the player sees: the focus ring
// appears after Tab, and the level list opens after Enter.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { focusedWidget, launchBrowser, openGame, waitForScene } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

interface Frames {
  drawn: number;
  skipped: number;
}

async function frames(page: Page): Promise<Frames> {
  const stats = await page.evaluate(() => window.kernelCourier?.stats());
  return { drawn: stats?.framesDrawn ?? -1, skipped: stats?.framesSkipped ?? -1 };
}

/** Frames drawn and skipped over `ms` of the page's time. */
async function framesOver(page: Page, ms: number): Promise<Frames> {
  const before = await frames(page);
  await page.waitForTimeout(ms);
  const after = await frames(page);
  return { drawn: after.drawn - before.drawn, skipped: after.skipped - before.skipped };
}

function canvasPixels(page: Page): Promise<Buffer> {
  return page.locator('canvas').first().screenshot();
}

describe('still screens', () => {
  it('the menu at rest is drawn a few times a second; a key is drawn at once', async () => {
    const { page, problems, context } = await openGame(browser, 'locale=en&audio=disabled&renderer=canvas');
    await waitForScene(page, 'menu');
    // Past the first pictures of the widgets (idle time, 0.8 s after the screen appears).
    await page.waitForFunction(() => (window.kernelCourier?.widgets() ?? []).every((widget) => widget.pictured), undefined, { timeout: 10_000 });
    await page.waitForTimeout(300);
    const rest = await framesOver(page, 2000);
    // Every 250 ms at most (8 in 2 s), give or take one; the rest of the frames left undrawn.
    expect(rest.drawn).toBeLessThanOrEqual(10);
    expect(rest.skipped).toBeGreaterThan(rest.drawn);

    const still = await canvasPixels(page);
    const drawnBefore = (await frames(page)).drawn;
    await page.keyboard.press('Tab');
    expect(await focusedWidget(page)).not.toBeNull();
    // The key's frames are drawn (more than the 250 ms rhythm would give in that time) and show the ring.
    await page.waitForTimeout(150);
    expect((await frames(page)).drawn - drawnBefore).toBeGreaterThanOrEqual(3);
    expect((await canvasPixels(page)).equals(still)).toBe(false);

    // Enter opens the level list, which is drawn as it appears.
    await page.keyboard.press('Enter');
    await waitForScene(page, 'levels');
    await page.waitForTimeout(400);
    const levels = await canvasPixels(page);
    expect(levels.equals(still)).toBe(false);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a screen that moves (the sandbox with packets) is drawn every frame', async () => {
    const { page, problems, context } = await openGame(browser, 'mode=sandbox&packets=200&locale=en&audio=disabled&renderer=canvas');
    await waitForScene(page, 'sandbox');
    await page.waitForFunction(() => (window.kernelCourier?.stats().packetsInFlight ?? 0) > 0, undefined, { timeout: 30_000 });
    const moving = await framesOver(page, 1000);
    expect(moving.drawn).toBeGreaterThan(10);
    expect(moving.skipped).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });
});
