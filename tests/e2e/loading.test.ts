// The first screen: the menu opens without waiting for any download; a link straight to a level shows the
// loading screen until the engine screens' chunk arrives; and when that chunk cannot be downloaded the
// player gets a notice and a working menu, not a screen that never comes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { BASE_URL, launchBrowser, noticeTexts, sceneOf, waitForScene } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const ENGINE_CHUNK = /\/assets\/engineScreens-[^/]*\.js$/;

interface Opened {
  context: BrowserContext;
  page: Page;
  problems: string[];
  requests: string[];
}

/** Opens the game with the engine chunk held back (`hold` resolves to let it through) or refused. */
async function openWithChunk(query: string, chunk: { hold?: Promise<void>; refuse?: boolean }): Promise<Opened> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  await context.route(ENGINE_CHUNK, async (route) => {
    if (chunk.refuse) return route.abort('failed');
    await chunk.hold;
    return route.continue();
  });
  const page = await context.newPage();
  const problems: string[] = [];
  const requests: string[] = [];
  page.on('console', (message) => {
    // A refused chunk is reported by the browser itself; anything else is a fault.
    if (message.type() === 'error' && !(chunk.refuse && /Failed to load resource|engineScreens/.test(message.text()))) problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(`${BASE_URL}?${query}`);
  return { context, page, problems, requests };
}

/** Distinct byte values in a screenshot of the canvas: a drawn screen has many, a blank one few. */
async function drawnVariety(page: Page): Promise<number> {
  const shot = await page.locator('canvas').first().screenshot();
  return new Set(shot.subarray(0, Math.min(shot.length, 200_000))).size;
}

describe('loading', () => {
  it('opens the menu without downloading anything but the page and its script', async () => {
    const { context, page, problems, requests } = await openWithChunk('locale=en', {});
    await page.waitForFunction(() => window.kernelCourier !== undefined);
    await page.evaluate(() => window.kernelCourier?.ready);
    const beforeReady = await page.evaluate(() => {
      const readyAt = performance.getEntriesByName('kernel-courier-ready')[0].startTime;
      return performance.getEntriesByType('resource').filter((entry) => entry.startTime <= readyAt && !entry.name.endsWith('.svg')).map((entry) => entry.name);
    });
    // Only the entry script, the game's code it asks for once the loading screen has painted
    // (index.html), and the page's stylesheet (a file, so a strict CSP needs no hashes; the page's icon
    // aside): no logo, sound or engine chunk is waited for.
    const scripts = beforeReady.filter((url) => url.endsWith('.js'));
    expect(scripts.filter((url) => /\/assets\/(index|main)-[^/]*\.js$/.test(url))).toHaveLength(2);
    // Beyond those two only code they share with later chunks (split out by the bundler), never a later chunk:
    // one shared chunk, and Rolldown's CommonJS helpers (Phaser is built from its CommonJS sources, vite.config.ts).
    expect(scripts.filter((url) => /\/assets\/(engineScreens|howlerFactory|debriefRun|rankLevel)-[^/]*\.js$/.test(url))).toEqual([]);
    expect(scripts.filter((url) => /\/assets\/rolldown-runtime-[^/]*\.js$/.test(url)).length).toBeLessThanOrEqual(1);
    expect(scripts.filter((url) => !/\/assets\/rolldown-runtime-[^/]*\.js$/.test(url)).length).toBeLessThanOrEqual(3);
    expect(beforeReady.filter((url) => url.endsWith('.css'))).toHaveLength(1);
    expect(beforeReady.filter((url) => !url.endsWith('.js') && !url.endsWith('.css'))).toEqual([]);
    expect(await sceneOf(page)).toBe('menu');
    expect(requests.length).toBeGreaterThan(0);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows the loading screen for a link to a level until the engine chunk arrives', async () => {
    let release: () => void = () => {};
    const hold = new Promise<void>((resolve) => (release = resolve));
    const { context, page, problems } = await openWithChunk('locale=ko&level=first-delivery', { hold });
    await page.waitForFunction(() => window.kernelCourier?.scene() === 'preloader', undefined, { timeout: 15_000 });
    await page.waitForTimeout(300);
    expect(await drawnVariety(page)).toBeGreaterThan(40);
    expect(await sceneOf(page)).toBe('preloader');
    release();
    await waitForScene(page, 'play');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ko');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('falls back to the menu with a notice when the engine chunk cannot be downloaded', async () => {
    const { context, page, problems } = await openWithChunk('locale=en&level=first-delivery', { refuse: true });
    await waitForScene(page, 'menu');
    const notices = await noticeTexts(page);
    expect(notices.join(' ')).toContain('could not be downloaded');
    // The menu still works: the level select opens, and a level that cannot load leaves it in place.
    await page.evaluate(() => (document.querySelector('#kc-a11y button[data-kc-mirror="menu-campaign"]') as HTMLButtonElement | null)?.click());
    await waitForScene(page, 'levels');
    await page.evaluate(() => (document.querySelector('#kc-a11y button[data-kc-mirror="level-first-delivery"]') as HTMLButtonElement | null)?.click());
    await page.waitForTimeout(1500);
    expect(await sceneOf(page)).toBe('levels');
    // …and the screen is not stuck half-way out: Escape still goes back.
    await page.keyboard.press('Escape');
    await waitForScene(page, 'menu');
    expect(problems).toEqual([]);
    await context.close();
  });
});
