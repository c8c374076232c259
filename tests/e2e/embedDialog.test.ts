// "Embed this" in Settings: the dialog writes the iframe snippet for the level on show, copies it, is
// keyboard-operable (focus inside while open, Escape closes and gives focus back), in English and Korean.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, openGame, tabTo, waitForScene } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('Embed this', () => {
  it.each([
    ['en', 'Embed this level', 'Copied'],
    ['ko', '수업 페이지에 넣기', '복사했어요'],
  ])('writes the snippet for the level on show and copies it (%s)', async (locale, title, copied) => {
    const { page, context, problems } = await openGame(browser, `level=laptop-lab&locale=${locale}&reducedMotion=true`);
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await waitForScene(page, 'play');
    await page.evaluate(() => (document.querySelector('#kc-a11y button[data-kc-mirror="top-settings"]') as HTMLButtonElement).click());
    await waitForScene(page, 'settings');
    // By keyboard, as a keyboard user opens it.
    await tabTo(page, 'settings-embed');
    await page.keyboard.press('Enter');
    const dialog = await page.waitForSelector('dialog#kc-embed-dialog[open]');
    expect(await dialog.evaluate((node) => node.querySelector('h2')?.textContent)).toContain(title);
    const snippet = await page.inputValue('#kc-embed-snippet');
    expect(snippet).toMatch(/^<iframe src="http:\/\/127\.0\.0\.1:\d+\/\?mode=embed&amp;level=laptop-lab&amp;locale=(en|ko)"/);
    expect(snippet).toContain('allow="fullscreen"');
    expect(snippet).toContain('title="Kernel Courier: ');
    // Focus is in the dialog; Tab stays in it.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('kc-embed-snippet');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('kc-embed-copy');
    await page.keyboard.press('Enter');
    await page.waitForFunction((words) => document.querySelector('#kc-embed-dialog .kc-embed-status')?.textContent?.includes(words), copied);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(snippet);
    // Escape closes it and the game's Settings button has the focus again; the game still answers keys.
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => document.getElementById('kc-embed-dialog') === null);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-kc-mirror'))).toBe('settings-embed');
    expect(await page.evaluate(() => window.kernelCourier?.scene())).toBe('settings');
    expect(problems).toEqual([]);
    await context.close();
  });
});
