// Both renderers start the game and draw the menu; `auto` picks Canvas where WebGL is software-rendered,
// as it is in headless Chromium without a GPU here (and on school machines with blocklisted GPUs).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, openGame, sceneOf } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Counts non-background pixels of the game canvas: the menu must actually be drawn. */
async function drawnPixels(page: import('playwright-core').Page): Promise<number> {
  const shot = await page.locator('canvas').first().screenshot();
  return new Set(shot.subarray(0, Math.min(shot.length, 200_000))).size;
}

describe('renderers', () => {
  for (const renderer of ['canvas', 'webgl'] as const) {
    it(`renderer=${renderer} runs the game`, async () => {
      const { page, problems, context } = await openGame(browser, `renderer=${renderer}&locale=en`);
      expect(await sceneOf(page)).toBe('menu');
      expect(await page.evaluate(() => window.kernelCourier?.renderer())).toBe(renderer);
      expect(await drawnPixels(page)).toBeGreaterThan(50);
      expect(problems).toEqual([]);
      await context.close();
    });
  }

  it('renderer=auto chooses Canvas on software-rendered WebGL', async () => {
    const { page, problems, context } = await openGame(browser, 'renderer=auto');
    const probe = await page.evaluate(() => {
      const canvas = document.createElement('canvas');
      const gl = canvas.getContext('webgl', { failIfMajorPerformanceCaveat: true }) as WebGLRenderingContext | null;
      if (!gl) return 'no-hardware-webgl';
      const info = gl.getExtension('WEBGL_debug_renderer_info');
      return info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : 'unknown';
    });
    // The tests launch Chromium with --disable-gpu: its WebGL is a software rasterizer (or refused).
    expect(probe === 'no-hardware-webgl' || /swiftshader|llvmpipe|software/i.test(probe)).toBe(true);
    expect(await page.evaluate(() => window.kernelCourier?.renderer())).toBe('canvas');
    expect(problems).toEqual([]);
    await context.close();
  });
});
