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

  it('the Canvas renderer starts without making a WebGL context; WebGL and auto still test for one', async () => {
    // Phaser tested WebGL at load by making a context, whichever renderer the game asked for (vite.config.ts
    // defers that test until something asks whether WebGL works: issue 16, the boot's main thread).
    const init = `(() => {
      window.__kcWebglContexts = 0;
      const getContext = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (type, ...rest) {
        if (/webgl/.test(String(type))) window.__kcWebglContexts += 1;
        return getContext.call(this, type, ...rest);
      };
    })()`;
    const contexts: Record<string, number> = {};
    for (const renderer of ['canvas', 'webgl', 'auto'] as const) {
      const { page, problems, context } = await openGame(browser, `renderer=${renderer}&locale=en`, { init });
      expect(await sceneOf(page)).toBe('menu');
      contexts[renderer] = await page.evaluate(() => (window as unknown as { __kcWebglContexts: number }).__kcWebglContexts);
      expect(problems).toEqual([]);
      await context.close();
    }
    expect(contexts.canvas).toBe(0);
    // Phaser's own test and the renderer's context.
    expect(contexts.webgl).toBeGreaterThanOrEqual(2);
    // The game's hardware probe (src/game/renderer.ts) asks too; here it finds software WebGL and picks Canvas.
    expect(contexts.auto).toBeGreaterThanOrEqual(1);
  });

  it('both renderers draw each widget in the same place (a widget at rest is shown by its picture)', async () => {
    // Widgets at rest are drawn from a picture of their children (src/game/ui/picture.ts). The two renderers
    // place a drawn object differently, so a picture built wrongly for one shows labels displaced or missing
    // there: each widget's area would then differ far more than the renderers' anti-aliasing does.
    const shots: Record<string, string> = {};
    let rects: Array<{ id: string; pictured: boolean; x: number; y: number; width: number; height: number }> = [];
    for (const renderer of ['canvas', 'webgl'] as const) {
      const { page, problems, context } = await openGame(browser, `renderer=${renderer}&locale=en`);
      // Pictures are taken in idle time a moment after the screen appears (src/game/ui/idleWork.ts).
      await page.waitForFunction(() => (window.kernelCourier?.widgets() ?? []).every((widget) => widget.pictured), undefined, { timeout: 10_000 }).catch(() => undefined);
      shots[renderer] = `data:image/png;base64,${(await page.screenshot()).toString('base64')}`;
      rects = await page.evaluate(() => window.kernelCourier?.widgets() ?? []);
      // Every menu widget is a button at rest by now (no focus ring before a key is pressed): all pictured,
      // or this test would compare live drawing with live drawing.
      expect(rects.filter((rect) => !rect.pictured).map((rect) => rect.id)).toEqual([]);
      expect(problems).toEqual([]);
      await context.close();
    }
    expect(rects.length).toBeGreaterThan(3);
    const { page, context } = await openGame(browser, 'renderer=canvas&locale=en');
    const differences = await page.evaluate(
      async ({ canvasShot, webglShot, areas }) => {
        const load = (src: string) =>
          new Promise<HTMLImageElement>((resolve) => {
            const image = new Image();
            image.onload = () => resolve(image);
            image.src = src;
          });
        const pixels = (image: HTMLImageElement) => {
          const canvas = document.createElement('canvas');
          canvas.width = image.width;
          canvas.height = image.height;
          const context2d = canvas.getContext('2d') as CanvasRenderingContext2D;
          context2d.drawImage(image, 0, 0);
          return context2d.getImageData(0, 0, image.width, image.height);
        };
        const [first, second] = await Promise.all([load(canvasShot), load(webglShot)]);
        const one = pixels(first);
        const two = pixels(second);
        // Mean absolute difference per channel (0–255) inside each widget's rectangle.
        return areas.map((area) => {
          let sum = 0;
          let count = 0;
          for (let y = Math.max(0, Math.floor(area.y)); y < Math.min(one.height, Math.ceil(area.y + area.height)); y += 1) {
            for (let x = Math.max(0, Math.floor(area.x)); x < Math.min(one.width, Math.ceil(area.x + area.width)); x += 1) {
              const index = (y * one.width + x) * 4;
              for (let channel = 0; channel < 3; channel += 1) sum += Math.abs(one.data[index + channel] - two.data[index + channel]);
              count += 3;
            }
          }
          return { id: area.id, mean: count > 0 ? sum / count : 0 };
        });
      },
      { canvasShot: shots.canvas, webglShot: shots.webgl, areas: rects },
    );
    await context.close();
    expect(differences.filter((entry) => entry.mean >= 4)).toEqual([]);
  });

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
