// Offline (issue 14 item 6): after one visit the service worker has precached the game; with the browser
// context offline a reload still starts the game, every level opens and a level can be played to its
// Debrief. A new deployment (a changed sw.js) shows the localized "update available" prompt, and its
// Reload button brings the new version in. The other browser tests block service workers (browser.ts).
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { BASE_URL, launchBrowser, waitForScene } from './browser';
import { serveLms } from './lmsServer';
import { studentCode } from '../teacher/studentCodes';

const SITE = resolve(import.meta.dirname, '..', '..', 'node_modules', '.cache', 'kernel-courier-e2e');

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

type Api = { kernelCourier: { openDebrief(id: string, options?: object): Promise<void>; startLevel(id: string): Promise<void>; levels(): string[] } };

async function ready(page: Page): Promise<void> {
  await page.waitForFunction(() => window.kernelCourier !== undefined, undefined, { timeout: 20_000 });
  await page.evaluate(() => window.kernelCourier?.ready);
}

/** Waits until the service worker is active (its precache complete). */
async function workerActive(page: Page): Promise<void> {
  for (let waited = 0; waited < 30_000; waited += 250) {
    if (await page.evaluate(() => navigator.serviceWorker.getRegistration().then((registration) => registration?.active?.state === 'activated'))) return;
    await page.waitForTimeout(250);
  }
  throw new Error('the service worker never became active');
}

describe('offline', () => {
  it('after one visit the game and every level work with the network off', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, serviceWorkers: 'allow' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${BASE_URL}?locale=en&audio=disabled`);
    await ready(page);
    await workerActive(page);
    await context.setOffline(true);
    await page.reload();
    await ready(page);
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    const levels = await page.evaluate(() => (window as unknown as Api).kernelCourier.levels());
    expect(levels.length).toBeGreaterThan(20);
    for (const id of levels) {
      await page.evaluate((level) => (window as unknown as Api).kernelCourier.startLevel(level), id);
      expect(await page.evaluate(() => window.kernelCourier?.scene())).toBe('play');
    }
    await page.evaluate(() => (window as unknown as Api).kernelCourier.openDebrief('first-delivery'));
    await waitForScene(page, 'debrief');
    expect(await page.evaluate(() => (window.kernelCourier?.lastResult() as { level?: string } | null)?.level)).toBe('first-delivery');
    expect(errors).toEqual([]);
    await context.close();
  });

  it("after one visit the teacher's page opens, makes a session and verifies a code with the network off", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'allow' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const teacherReady = async () => {
      await page.waitForFunction(() => window.kernelCourierTeacher !== undefined, undefined, { timeout: 20_000 });
      await page.evaluate(() => window.kernelCourierTeacher?.ready);
    };
    // One online visit of the teacher's page only (never the game): its own registration precaches the build.
    await page.goto(`${BASE_URL}?mode=classroom&locale=ko`);
    await teacherReady();
    await workerActive(page);
    await context.setOffline(true);
    await page.reload();
    await teacherReady();
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ko');
    await page.locator('#kt-submit').click();
    await page.waitForSelector('#kt-qr svg');
    const session = await page.evaluate(() => window.kernelCourierTeacher?.session() ?? null);
    expect(session).not.toBeNull();
    if (session === null) return;
    // Verifying replays the code with the engine: its chunks come from the worker's cache too.
    const made = studentCode({ session: session.id, nick: 'mina', level: session.levels[0] as string, seed: session.seed as number, build: 'native' });
    await page.evaluate((code) => window.kernelCourierTeacher?.addText(code), made.code);
    expect(await page.evaluate(() => [...document.querySelectorAll('#kt-codes-table tbody tr')].map((row) => row.getAttribute('data-kt-code-status')))).toEqual(['verified']);
    // The teacher guide is a chunk of its own, loaded when asked for: offline as well.
    await page.locator('#kt-guide-toggle').click();
    await page.waitForSelector('#kt-guide-heading', { timeout: 10_000 });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a new deployment shows a localized "update available" prompt whose Reload brings it in', async () => {
    let deployed = 1;
    const server = await serveLms(SITE, '<!doctype html><title>-</title>', (path, bytes) => (path === 'sw.js' && deployed > 1 ? Buffer.concat([bytes, Buffer.from(`\n// deployment ${deployed}\n`)]) : null));
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, serviceWorkers: 'allow' });
    const page = await context.newPage();
    await page.goto(`${server.origin}/pkg/index.html?locale=ko&audio=disabled`);
    await ready(page);
    await workerActive(page);
    // A returning visitor: the page is now served by the worker.
    await page.reload();
    await ready(page);
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    expect(await page.locator('#kc-update-prompt').count()).toBe(0);
    deployed = 2;
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((registration) => registration?.update()));
    const prompt = page.locator('#kc-update-prompt');
    await prompt.waitFor({ state: 'visible', timeout: 30_000 });
    expect(await prompt.locator('p').textContent()).toBe('커널 택배의 새 버전이 있습니다.');
    expect(await prompt.getAttribute('aria-label')).toBe('업데이트');
    expect(await prompt.locator('button').allTextContents()).toEqual(['새로고침', '나중에']);
    // The buttons are real buttons: Enter on the focused Reload button updates.
    await prompt.locator('button').first().focus();
    await Promise.all([page.waitForEvent('load', { timeout: 30_000 }), page.keyboard.press('Enter')]);
    await ready(page);
    expect(await page.locator('#kc-update-prompt').count()).toBe(0);
    expect(await page.evaluate(() => navigator.serviceWorker.getRegistration().then((registration) => registration?.waiting === null && registration?.active !== null))).toBe(true);
    await context.close();
    await server.close();
  });
});
