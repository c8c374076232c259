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

  it('draws each of the menu\'s words once, at the size it shows them, before the menu is ready', async () => {
    // A label made at one size and shrunk to fit drew its words twice, and each new size of a font costs
    // the browser a font lookup (5-7 ms under 4x throttling: issue 16's boot). Fitted labels are now made
    // at the size that fits (TextOptions.fitHeight).
    for (const locale of ['en', 'ko']) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
      await context.addInitScript(`(() => {
        const drawn = (window.__kcDrawn = []);
        const fillText = CanvasRenderingContext2D.prototype.fillText;
        CanvasRenderingContext2D.prototype.fillText = function (text, ...rest) {
          if (performance.getEntriesByName('kernel-courier-ready').length === 0) drawn.push([String(text), this.font]);
          return fillText.call(this, text, ...rest);
        };
      })()`);
      const page = await context.newPage();
      await page.goto(`${BASE_URL}?locale=${locale}&audio=disabled`);
      await page.waitForFunction(() => performance.getEntriesByName('kernel-courier-ready').length > 0, undefined, { timeout: 20_000 });
      const drawn = await page.evaluate(() => (window as unknown as { __kcDrawn: Array<[string, string]> }).__kcDrawn);
      const fonts = new Map<string, Set<string>>();
      for (const [text, font] of drawn) fonts.set(text, (fonts.get(text) ?? new Set()).add(font));
      expect(fonts.size).toBeGreaterThan(6);
      expect([...fonts].filter(([, used]) => used.size > 1).map(([text, used]) => `${text}: ${[...used].join(' / ')}`)).toEqual([]);
      await context.close();
    }
  });

  it('sets up only the menu at boot; the other screens come a moment later, or at once when asked for sooner', async () => {
    const open = async (query = '') => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'warning' || message.type() === 'error') problems.push(message.text());
      });
      page.on('pageerror', (error) => problems.push(error.message));
      await page.goto(`${BASE_URL}?locale=en&audio=disabled${query}`);
      await page.waitForFunction(() => performance.getEntriesByName('kernel-courier-ready').length > 0, undefined, { timeout: 20_000 });
      return { context, page, problems };
    };
    const scenes = (page: Page) => page.evaluate(() => window.kernelCourier?.stats().scenes ?? -1);

    // Left alone: the boot scene and the menu, then the rest of the first download's scenes, then the engine's.
    const quiet = await open();
    expect(await scenes(quiet.page)).toBe(2);
    await quiet.page.waitForFunction(() => (window.kernelCourier?.stats().scenes ?? 0) > 7, undefined, { timeout: 15_000 });
    expect(quiet.problems).toEqual([]);
    await quiet.context.close();

    // The player's first keys, at once: the glossary (G), then the level list (Enter on Campaign).
    const quick = await open();
    expect(await scenes(quick.page)).toBe(2);
    await quick.page.keyboard.press('g');
    await quick.page.waitForFunction(() => window.kernelCourier?.scene() === 'glossary', undefined, { timeout: 10_000 });
    await quick.page.keyboard.press('Escape');
    await quick.page.waitForFunction(() => window.kernelCourier?.scene() === 'menu', undefined, { timeout: 10_000 });
    await quick.page.keyboard.press('Tab');
    await quick.page.waitForFunction(() => document.activeElement?.getAttribute('data-kc-mirror') === 'menu-campaign', undefined, { timeout: 10_000 });
    await quick.page.keyboard.press('Enter');
    await quick.page.waitForFunction(() => window.kernelCourier?.scene() === 'levels', undefined, { timeout: 10_000 });
    expect(quick.problems).toEqual([]);
    await quick.context.close();

    // A link straight to the level list (a chapter of the campaign) sets it up before it starts.
    const linked = await open('&mode=campaign&chapter=1');
    expect(await sceneOf(linked.page)).toBe('levels');
    expect(linked.problems).toEqual([]);
    await linked.context.close();
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
