// Shared laptops and plain links (issue 13 item 5) in a real browser: "Reset progress" in Settings asks
// first in a dialog, by keyboard, in English and Korean, forgets the progress (not the settings) and can be
// undone; the level list shows each level's id (and says it to screen readers); the address bar follows the
// level on show without adding history entries, and a reload of it opens that level.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { focusedWidget, launchBrowser, openGame, tabTo, waitForScene } from './browser';
import { seriousViolations } from './axe';

const PROGRESS_KEY = 'kernel-courier/progress@2';
const SETTINGS_KEY = 'kernel-courier/settings@1';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

type Api = { kernelCourier: { startLevel(id: string): Promise<void>; openDebrief(id: string, options?: object): Promise<void> } };

function mirrorLabel(page: Page, id: string): Promise<string> {
  return page.evaluate((widget) => {
    const button = document.querySelector(`#kc-a11y button[data-kc-mirror="${widget}"]`);
    return `${button?.getAttribute('aria-label') ?? ''} ${button?.textContent ?? ''}`;
  }, id);
}

function clickWidget(page: Page, id: string): Promise<void> {
  return page.evaluate((widget) => (document.querySelector(`#kc-a11y button[data-kc-mirror="${widget}"]`) as HTMLButtonElement | null)?.click(), id);
}


const stored = (page: Page, key: string) => page.evaluate((name) => localStorage.getItem(name), key);
const levelParam = (page: Page) => page.evaluate(() => new URL(location.href).searchParams.get('level'));

describe('Reset progress', () => {
  it.each([
    ['en', 'Reset progress?', 'Every level starts afresh', 'Reset progress: forget'],
    ['ko', '진행 기록을 초기화할까요?', '처음부터 다시 시작해요', '진행 기록 초기화: '],
  ])('asks first, forgets the progress but not the settings, and can be undone — by keyboard (%s)', async (locale, title, done, buttonLabel) => {
    const progress = JSON.stringify({ format: PROGRESS_KEY, levels: { 'first-delivery': { stars: 3, bestScore: 96 }, 'one-kernel-three-apps': { stars: 1, bestScore: 41 } }, unlocked: ['laptop-lab'] });
    const seed = `if (!sessionStorage.getItem('seeded')) { sessionStorage.setItem('seeded', '1'); localStorage.setItem(${JSON.stringify(PROGRESS_KEY)}, ${JSON.stringify(progress)}); }`;
    const { page, context, problems } = await openGame(browser, `locale=${locale}&audio=disabled`, { init: seed });
    // A setting saved by this player: the reset must leave it.
    await tabTo(page, 'menu-settings');
    await page.keyboard.press('Enter');
    await waitForScene(page, 'settings');
    await tabTo(page, 'settings-reduced-motion');
    await page.keyboard.press('Enter');
    const settingsBefore = await stored(page, SETTINGS_KEY);
    expect(settingsBefore).toContain('"reducedMotion":true');

    await tabTo(page, 'settings-reset');
    expect(await mirrorLabel(page, 'settings-reset')).toContain(buttonLabel);
    await page.keyboard.press('Enter');
    const dialog = await page.waitForSelector('dialog#kc-reset-dialog[open]');
    expect(await dialog.evaluate((node) => node.querySelector('h2')?.textContent)).toBe(title);
    // Cancel has the focus: Enter right away erases nothing. Escape closes and gives the focus back.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('kc-reset-cancel');
    expect(await seriousViolations(page, '#kc-reset-dialog')).toEqual([]);
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => document.getElementById('kc-reset-dialog') === null);
    expect(await focusedWidget(page)).toBe('settings-reset');
    expect(await stored(page, PROGRESS_KEY)).toBe(progress);

    // Again, and this time Tab to "Reset progress" and Enter.
    await page.keyboard.press('Enter');
    await page.waitForSelector('dialog#kc-reset-dialog[open]');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('kc-reset-confirm');
    await page.keyboard.press('Enter');
    await page.waitForFunction((words) => document.getElementById('kc-reset-status')?.textContent?.includes(words), done);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('kc-reset-close');
    expect(await seriousViolations(page, '#kc-reset-dialog')).toEqual([]);
    expect(JSON.parse((await stored(page, PROGRESS_KEY)) ?? '{}')).toEqual({ format: PROGRESS_KEY, levels: {}, unlocked: [] });
    expect(await stored(page, SETTINGS_KEY)).toBe(settingsBefore);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.getElementById('kc-reset-dialog') === null);
    expect(await focusedWidget(page)).toBe('settings-reset');
    // The old progress waits in the backups: "Restore the previous save" now offers it (2 levels).
    expect(await mirrorLabel(page, 'settings-restore')).toMatch(/\(levels: 2\)|레벨 2개/);

    // The level list starts afresh.
    await page.keyboard.press('Escape');
    await waitForScene(page, 'menu');
    await clickWidget(page, 'menu-campaign');
    await waitForScene(page, 'levels');
    expect(await mirrorLabel(page, 'level-first-delivery')).not.toMatch(/96/);
    expect(await page.evaluate(() => document.querySelector('#kc-a11y button[data-kc-mirror="level-one-kernel-three-apps"]')?.hasAttribute('disabled') || document.querySelector('#kc-a11y button[data-kc-mirror="level-one-kernel-three-apps"]')?.getAttribute('aria-disabled') === 'true')).toBe(true);
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('level ids', () => {
  it.each([
    ['en', 'Level id: first-delivery'],
    ['ko', '레벨 ID: first-delivery'],
  ])('the level list says each level id (%s)', async (locale, spoken) => {
    const { page, context, problems } = await openGame(browser, `locale=${locale}&audio=disabled`);
    await clickWidget(page, 'menu-campaign');
    await waitForScene(page, 'levels');
    expect(await mirrorLabel(page, 'level-first-delivery')).toContain(spoken);
    expect(await mirrorLabel(page, 'level-one-kernel-three-apps')).toContain('one-kernel-three-apps');
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('the address bar follows the level on show', () => {
  it('?level= follows play and debrief, leaves on the level map, adds no history, and a reload opens the level', async () => {
    const { page, context, problems } = await openGame(browser, 'locale=en&audio=disabled');
    const historyLength = await page.evaluate(() => window.history.length);
    expect(await levelParam(page)).toBeNull();
    await page.evaluate(() => (window as unknown as Api).kernelCourier.startLevel('laptop-lab'));
    await waitForScene(page, 'play');
    expect(await levelParam(page)).toBe('laptop-lab');
    expect(await page.evaluate(() => new URL(location.href).searchParams.get('locale'))).toBe('en');
    await page.evaluate(() => (window as unknown as Api).kernelCourier.openDebrief('first-delivery', { arch: 'native' }));
    expect(await levelParam(page)).toBe('first-delivery');
    await page.evaluate(() => (window as unknown as Api).kernelCourier.startLevel('one-kernel-three-apps'));
    expect(await levelParam(page)).toBe('one-kernel-three-apps');
    await clickWidget(page, 'top-back');
    await waitForScene(page, 'levels');
    expect(await levelParam(page)).toBeNull();
    expect(await page.evaluate(() => new URL(location.href).searchParams.get('locale'))).toBe('en');
    expect(await page.evaluate(() => window.history.length)).toBe(historyLength);

    // The copied address opens that level.
    await page.evaluate(() => (window as unknown as Api).kernelCourier.startLevel('laptop-lab'));
    const link = page.url();
    await page.goto(link);
    await page.waitForFunction(() => window.kernelCourier !== undefined);
    await page.evaluate(() => window.kernelCourier?.ready);
    await waitForScene(page, 'play');
    // The play screen says its level's title to screen readers when it opens.
    await page.waitForFunction(() => document.getElementById('kc-screen-status')?.textContent?.includes('The mystery download'));
    expect(problems).toEqual([]);
    await context.close();
  });

  it('an embedded whole campaign keeps its address; an embedded chapter follows', async () => {
    const whole = await openGame(browser, 'mode=embed&locale=en&audio=disabled');
    await whole.page.evaluate(() => (window as unknown as Api).kernelCourier.startLevel('first-delivery'));
    await waitForScene(whole.page, 'play');
    expect(whole.page.url()).toMatch(/\?mode=embed&locale=en&audio=disabled$/);
    expect(whole.problems).toEqual([]);
    await whole.context.close();

    const chapter = await openGame(browser, 'mode=embed&chapter=1&locale=en&audio=disabled');
    await chapter.page.evaluate(() => (window as unknown as Api).kernelCourier.startLevel('one-kernel-three-apps'));
    await waitForScene(chapter.page, 'play');
    expect(await levelParam(chapter.page)).toBe('one-kernel-three-apps');
    expect(await chapter.page.evaluate(() => new URL(location.href).searchParams.get('chapter'))).toBe('1');
    expect(chapter.problems).toEqual([]);
    await chapter.context.close();
  });
});
