// Bad links never crash the game: each shows a localized notice and falls back (contracts.md §3).
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

describe('links', () => {
  it('opens on the menu with no console error and no outside request', async () => {
    const { page, problems, context } = await openGame(browser, 'locale=en');
    expect(await sceneOf(page)).toBe('menu');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page.evaluate(() => window.kernelCourier?.levels().length)).toBeGreaterThanOrEqual(18);
    expect(problems).toEqual([]);
    await context.close();
  });

  const bad = [
    { query: 'level=nope', scene: 'menu' },
    { query: 'locale=xx', scene: 'menu' },
    { query: 'mode=sandbox&packets=-1', scene: 'sandbox' },
    { query: 'mode=%3Cscript%3E', scene: 'menu' },
    { query: 'audio=loud&renderer=quantum&colorProfile=neon', scene: 'menu' },
  ];
  for (const entry of bad) {
    it(`?${entry.query} shows a notice and falls back`, async () => {
      const { page, problems, context } = await openGame(browser, entry.query);
      expect(await sceneOf(page)).toBe(entry.scene);
      const notices = await noticeTexts(page);
      expect(notices.length).toBeGreaterThan(0);
      // Values are shown as text, never as markup.
      expect(await page.evaluate(() => document.querySelector('#notices script, #notices img, #notices iframe'))).toBeNull();
      if (entry.query.includes('%3Cscript')) expect(notices.join(' ')).not.toContain('<script');
      expect(problems).toEqual([]);
      await context.close();
    });
  }

  it('a Korean link sets <html lang="ko"> and shows Korean notices', async () => {
    const { page, problems, context } = await openGame(browser, 'locale=ko&level=nope');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ko');
    const notices = await noticeTexts(page);
    expect(notices.join(' ')).toMatch(/[가-힣]/);
    expect(problems).toEqual([]);
    await context.close();
  });
});
