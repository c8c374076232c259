// Storage that is blocked, full or corrupted never stops the game: it starts, says so in the player's
// language, and a good save is never overwritten by a bad one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, noticeTexts, openGame, sceneOf } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const BLOCKED = `Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('blocked', 'SecurityError'); } });`;
const FULL = `(() => {
  const original = Storage.prototype.setItem;
  Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };
  void original;
})();`;
const CORRUPTED_VALUE = '{"version":1,"levels":{"first-delivery":{"stars":"lots"}';
const CORRUPTED = `localStorage.setItem('kernel-courier/progress@2', ${JSON.stringify(CORRUPTED_VALUE)});`;

describe('storage', () => {
  it('blocked storage: the game starts on the menu and says progress will not be kept', async () => {
    const { page, problems, context } = await openGame(browser, 'locale=en', { init: BLOCKED });
    expect(await sceneOf(page)).toBe('menu');
    expect((await noticeTexts(page)).join(' ')).toContain('does not let the game save');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('corrupted progress: kept aside and never overwritten, the game plays on in memory and says so', async () => {
    const { page, problems, context } = await openGame(browser, 'locale=ko', { init: CORRUPTED });
    expect(await sceneOf(page)).toBe('menu');
    expect((await noticeTexts(page)).join(' ')).toContain('저장되지 않아요');
    const backups = await page.evaluate(() => localStorage.getItem('kernel-courier/progress@2.backups'));
    expect(backups).toContain('lots');
    // A finished run does not replace the unreadable save.
    await page.evaluate(() => (window as unknown as { kernelCourier: { openDebrief(id: string): Promise<void> } }).kernelCourier.openDebrief('first-delivery'));
    expect(await page.evaluate(() => localStorage.getItem('kernel-courier/progress@2'))).toBe(CORRUPTED_VALUE);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('full storage: the game starts and keeps running in memory', async () => {
    const { page, problems, context } = await openGame(browser, 'locale=en', { init: FULL });
    expect(await sceneOf(page)).toBe('menu');
    expect(await noticeTexts(page)).toEqual([]);
    // Changing a setting tries to save: the language still changes, and a notice says it was not kept.
    await page.evaluate(() => (document.querySelector('#kc-a11y button[data-kc-mirror="menu-language-ko"]') as HTMLButtonElement | null)?.click());
    await page.waitForFunction(() => document.documentElement.lang === 'ko');
    expect((await noticeTexts(page)).length).toBeGreaterThan(0);
    expect(problems).toEqual([]);
    await context.close();
  });
});
