// Browser faults (issue 15), in Chromium: the WebGL context lost and restored while a run plays (the run
// keeps going and the screen is drawn again), and the page frozen for a while, as a hidden tab is, then
// woken (the run carries on without a burst of long frames: the clock caps what a long gap may ask for).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openGame, sceneOf } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Counts distinct bytes of a screenshot of the page: the screen must actually be drawn. (A page
 * screenshot, not an element's: that waits for two frames with the canvas at rest, slow on a busy machine.) */
async function drawnPixels(page: Page): Promise<number> {
  const shot = await page.screenshot({ timeout: 60_000 });
  return new Set(shot.subarray(0, Math.min(shot.length, 200_000))).size;
}

/** Frame intervals (ms) the page sees over `ms`, from requestAnimationFrame. */
async function frameIntervals(page: Page, ms: number): Promise<number[]> {
  return page.evaluate(
    (duration) =>
      new Promise<number[]>((resolve) => {
        const stamps: number[] = [];
        const started = performance.now();
        const tick = (time: number) => {
          stamps.push(time);
          if (time - started < duration) requestAnimationFrame(tick);
          else resolve(stamps.slice(1).map((stamp, index) => stamp - stamps[index]));
        };
        requestAnimationFrame(tick);
      }),
    ms,
  );
}

describe('browser faults', () => {
  it('WebGL context lost and restored: the game keeps running and draws again', async () => {
    // The sandbox with `packets` starts running at once.
    const { page, problems, context } = await openGame(browser, 'renderer=webgl&locale=en&audio=disabled&mode=sandbox&packets=300');
    expect(await page.evaluate(() => window.kernelCourier?.renderer())).toBe('webgl');
    await page.waitForFunction(() => window.kernelCourier?.scene() === 'sandbox', undefined, { timeout: 30_000 });
    const scene = await sceneOf(page);
    await page.waitForFunction(() => (window.kernelCourier?.stats().packetsInFlight ?? 0) > 0, undefined, { timeout: 30_000 });
    // This machine may be busy: what counts is the frame rate after the fault against the rate before it.
    const before = await frameIntervals(page, 3000);
    const lost = await page.evaluate(() => {
      const canvas = document.querySelector('canvas');
      const gl = (canvas?.getContext('webgl2') ?? canvas?.getContext('webgl')) as WebGLRenderingContext | null;
      const extension = gl?.getExtension('WEBGL_lose_context');
      if (!extension) return false;
      (window as unknown as { __loseContext: WEBGL_lose_context }).__loseContext = extension;
      extension.loseContext();
      return true;
    });
    expect(lost).toBe(true);
    await page.waitForTimeout(1000);
    await page.evaluate(() => (window as unknown as { __loseContext: WEBGL_lose_context }).__loseContext.restoreContext());
    await page.waitForTimeout(1500);
    // The page still answers, the same screen is up, frames keep coming and the canvas is drawn.
    expect(await sceneOf(page)).toBe(scene);
    const after = await frameIntervals(page, 3000);
    expect(after.length).toBeGreaterThanOrEqual(Math.max(2, Math.floor(before.length / 3)));
    expect(await drawnPixels(page)).toBeGreaterThan(50);
    // The run still plays: packets are in flight.
    expect(await page.evaluate(() => window.kernelCourier?.stats().packetsInFlight ?? 0)).toBeGreaterThan(0);
    expect(problems.filter((problem) => problem.startsWith('uncaught'))).toEqual([]);
    await context.close();
  });

  it('a frozen (hidden) page woken after a while carries on without a burst of long frames', async () => {
    const { page, problems, context } = await openGame(browser, 'renderer=canvas&locale=en&audio=disabled&mode=sandbox&packets=300');
    await page.waitForFunction(() => window.kernelCourier?.scene() === 'sandbox', undefined, { timeout: 30_000 });
    await page.keyboard.press('4');
    await page.waitForTimeout(2000);
    // This machine may be busy: the frames after waking are compared with frames before the freeze.
    const before = await frameIntervals(page, 3000);
    const session = await context.newCDPSession(page);
    // A hidden tab gets no frames; a frozen page gets none either, and its clock jumps on waking.
    await session.send('Page.setWebLifecycleState', { state: 'frozen' });
    await new Promise((resolve) => setTimeout(resolve, 8000));
    await session.send('Page.setWebLifecycleState', { state: 'active' });
    const after = await frameIntervals(page, 3000);
    // After the first frame back, frames are as before: the engine is not asked to catch up 8 s × 4
    // (the clock counts a long gap as 250 ms, and RunSession steps within its per-frame budget).
    const longFrames = (intervals: number[]) => intervals.filter((interval) => interval > 250).length;
    expect(after.length).toBeGreaterThanOrEqual(Math.max(2, Math.floor(before.length / 3)));
    expect(longFrames(after.slice(1))).toBeLessThanOrEqual(longFrames(before) + 2);
    expect(await sceneOf(page)).toBe('sandbox');
    expect(await page.evaluate(() => window.kernelCourier?.stats().packetsInFlight ?? 0)).toBeGreaterThan(0);
    expect(problems.filter((problem) => problem.startsWith('uncaught'))).toEqual([]);
    await context.close();
  });
});
