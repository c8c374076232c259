// Saved progress in a real browser (issue 18): another tab's progress appears without a reload (storage
// events), and Settings' "Restore the previous save" works by keyboard alone, is described to screen
// readers, and puts the previous save back in storage.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { BASE_URL, launchBrowser, noticeTexts, openGame, tabTo, waitForScene } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const KEY = 'kernel-courier/progress@2';

function mirrorLabel(page: Page, id: string): Promise<string> {
  return page.evaluate((widget) => {
    const button = document.querySelector(`#kc-a11y button[data-kc-mirror="${widget}"]`);
    return `${button?.getAttribute('aria-label') ?? ''} ${button?.textContent ?? ''}`;
  }, id);
}

type Api = { kernelCourier: { openDebrief(id: string, options?: object): Promise<void> } };

describe('saved progress', () => {
  it("another tab's result shows on this tab's level list without a reload", async () => {
    const { page: first, context, problems } = await openGame(browser, 'locale=en');
    await first.evaluate(() => (document.querySelector('#kc-a11y button[data-kc-mirror="menu-campaign"]') as HTMLButtonElement | null)?.click());
    await waitForScene(first, 'levels');
    expect(await mirrorLabel(first, 'level-first-delivery')).toContain('Not played yet');
    const second = await context.newPage();
    await second.goto(`${BASE_URL}?locale=en`);
    await second.waitForFunction(() => window.kernelCourier !== undefined);
    await second.evaluate(() => window.kernelCourier?.ready);
    await second.evaluate(() => (window as unknown as Api).kernelCourier.openDebrief('first-delivery', { arch: 'native' }));
    await first.waitForFunction(
      () => !(document.querySelector('#kc-a11y button[data-kc-mirror="level-first-delivery"]')?.textContent ?? '').includes('Not played yet'),
      undefined,
      { timeout: 10_000 },
    );
    expect(await mirrorLabel(first, 'level-first-delivery')).toMatch(/Best score: \d+/);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('restores the previous save from Settings by keyboard', async () => {
    const before = JSON.stringify({ format: KEY, levels: { 'first-delivery': { stars: 1, bestScore: 40 } }, unlocked: [] });
    const seed = `if (!sessionStorage.getItem('seeded')) { sessionStorage.setItem('seeded', '1'); localStorage.setItem(${JSON.stringify(KEY)}, ${JSON.stringify(before)}); }`;
    const { page, context, problems } = await openGame(browser, 'locale=en', { init: seed });
    // This session finishes a level: the save as it was before is kept as a backup.
    await page.evaluate(() => (window as unknown as Api).kernelCourier.openDebrief('one-kernel-three-apps', { arch: 'container' }));
    await page.goto(`${BASE_URL}?locale=en`);
    await page.waitForFunction(() => window.kernelCourier !== undefined);
    await page.evaluate(() => window.kernelCourier?.ready);
    expect(Object.keys(JSON.parse((await page.evaluate((key) => localStorage.getItem(key), KEY)) ?? '{}').levels)).toHaveLength(2);
    await tabTo(page, 'menu-settings');
    await page.keyboard.press('Enter');
    await waitForScene(page, 'settings');
    await tabTo(page, 'settings-restore');
    expect(await mirrorLabel(page, 'settings-restore')).toMatch(/Restore the previous save: Restore the save from .+ \(levels: 1\)/);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelectorAll('#notices .kc-notice').length > 0);
    expect((await noticeTexts(page)).join(' ')).toMatch(/is back \(levels: 1\)/);
    expect(JSON.parse((await page.evaluate((key) => localStorage.getItem(key), KEY)) ?? '{}')).toEqual(JSON.parse(before));
    expect(problems).toEqual([]);
    await context.close();
  });
});
