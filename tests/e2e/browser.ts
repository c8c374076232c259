// Shared helpers for the real-browser tests: one Chromium per test file, a fresh context per page, and a
// record of every console error, uncaught exception and request that leaves the local server, so any
// test can fail on them.
import { inject } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const BASE_URL = inject('baseUrl');

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--autoplay-policy=no-user-gesture-required',
];

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: inject('chromiumPath'), args: CHROMIUM_ARGS });
}

export interface OpenedPage {
  context: BrowserContext;
  page: Page;
  /** Console errors, page errors and outside requests seen so far. */
  problems: string[];
}

export interface OpenOptions {
  viewport?: { width: number; height: number };
  /** Runs in the page before any of the game's scripts (e.g. to break localStorage). */
  init?: string;
  touch?: boolean;
  /** The browser's `prefers-reduced-motion` (Chromium's default: no preference). */
  reducedMotion?: 'reduce' | 'no-preference';
  /** The offline service worker is blocked unless a test asks for it, so every page loads from the server. */
  serviceWorkers?: 'allow' | 'block';
}

/** Records on `page` every console error, uncaught exception and request that leaves the local server. */
export function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  const origin = new URL(BASE_URL).origin;
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) problems.push(`outside request: ${url}`);
  });
  return problems;
}

export async function openGame(browser: Browser, query: string, options: OpenOptions = {}): Promise<OpenedPage> {
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1280, height: 720 }, hasTouch: options.touch ?? false, reducedMotion: options.reducedMotion ?? 'no-preference', serviceWorkers: options.serviceWorkers ?? 'block' });
  if (options.init) await context.addInitScript(options.init);
  const page = await context.newPage();
  const problems = watchProblems(page);
  await page.goto(`${BASE_URL}${query ? `?${query}` : ''}`);
  await page.waitForFunction(() => window.kernelCourier !== undefined, undefined, { timeout: 20_000 });
  await page.evaluate(() => window.kernelCourier?.ready);
  return { context, page, problems };
}

export function sceneOf(page: Page): Promise<string> {
  return page.evaluate(() => window.kernelCourier?.scene() ?? '');
}

export async function waitForScene(page: Page, key: string, timeout = 15_000): Promise<void> {
  await page.waitForFunction((expected) => window.kernelCourier?.scene() === expected, key, { timeout });
  // Let the screen finish drawing its first frames.
  await page.waitForTimeout(200);
}

export function noticeTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => [...document.querySelectorAll('#notices .kc-notice p')].map((node) => node.textContent ?? ''));
}

/** The game widget whose accessible twin has the page's focus (the game's keyboard focus). */
export function focusedWidget(page: Page): Promise<string | null> {
  return page.evaluate(() => document.activeElement?.getAttribute('data-kc-mirror') ?? null);
}

/** Presses Tab until the widget `id` has the focus, the way a keyboard user walks a screen. */
export async function tabTo(page: Page, id: string, limit = 80): Promise<void> {
  for (let presses = 0; presses < limit; presses += 1) {
    if ((await focusedWidget(page)) === id) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${id}; focus is on ${await focusedWidget(page)}`);
}

/** Keyboard: pick a piece (or an app) from its tray, step to the n-th highlighted place, and place it. */
export async function place(page: Page, widget: string, targetIndex: number): Promise<void> {
  await tabTo(page, widget);
  await page.keyboard.press('Enter');
  for (let step = 0; step < targetIndex; step += 1) await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await page.waitForTimeout(80);
}

/** The accessible twin of widget `id`: its words, label and state (empty when it has none). */
export function twinText(page: Page, id: string): Promise<string> {
  return page.evaluate((key) => {
    const node = document.querySelector(`#kc-a11y [data-kc-mirror="${key}"]`);
    return node ? `${node.textContent ?? ''} ${node.getAttribute('aria-label') ?? ''} ${node.getAttribute('aria-current') ?? ''}` : '';
  }, id);
}

/** Keeps the game canvas's pixels in the page (the Canvas renderer's 2D context) to compare with later. */
export function keepPixels(page: Page): Promise<void> {
  return page.evaluate(() => {
    const canvas = document.querySelector('canvas') as HTMLCanvasElement;
    (window as unknown as { kcKept: Uint8ClampedArray }).kcKept = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
  });
}

/** Pixels of the canvas now that differ from the kept ones by more than 16 in a channel, and the total. */
export function differingFromKept(page: Page): Promise<{ differing: number; total: number }> {
  return page.evaluate(() => {
    const canvas = document.querySelector('canvas') as HTMLCanvasElement;
    const now = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    const kept = (window as unknown as { kcKept: Uint8ClampedArray }).kcKept;
    if (kept.length !== now.length) return { differing: -1, total: now.length / 4 };
    let differing = 0;
    for (let index = 0; index < now.length; index += 4) {
      const delta = Math.max(Math.abs(now[index] - kept[index]), Math.abs(now[index + 1] - kept[index + 1]), Math.abs(now[index + 2] - kept[index + 2]));
      if (delta > 16) differing += 1;
    }
    return { differing, total: now.length / 4 };
  });
}
